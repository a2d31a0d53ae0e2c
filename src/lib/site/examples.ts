/**
 * Derived views of connection-string examples, shared by the guide's components and its Markdown twin:
 * what the driver reads from a string, and one example in every output form. Both use the engine.
 */
import { parse, toCSharp, toJava, toJdbcUrl, toOdbc, toPython, type Problem } from '../connstr/index.ts';
import type { Catalog } from '../providers/catalog';

export type ReadSetting = { key: string; value: string; inside?: string };

/** How a value reads in the "what the driver reads" table. */
export const shownValue = (value: string | null) => (value === null ? 'removes the setting' : value === '' ? '(empty string)' : value);

/** The settings the driver reads from `text`, nested ones after their outer key, plus the parse problems. */
export function readSettings(text: string): { settings: ReadSetting[]; problems: Problem[] } {
  const { entries, problems } = parse(text);
  const settings = entries.flatMap((entry): ReadSetting[] => [
    { key: entry.key, value: shownValue(entry.value) },
    ...(entry.nested?.entries ?? []).map((inner) => ({ key: inner.key, value: shownValue(inner.value), inside: entry.key })),
  ]);
  return { settings, problems };
}

export type OutputForm = { label: string; lang: string; code: string; slug: string };

/** One catalog example in every form the driver editions take. */
export function outputForms(catalog: Catalog, serviceId: string, exampleId: string): { serviceName: string; title: string; forms: OutputForm[] } {
  const service = catalog.services.find((s) => s.id === serviceId);
  const example = service?.examples.find((e) => e.id === exampleId);
  if (!service || !example) throw new Error(`OutputForms: no example "${exampleId}" for service "${serviceId}"`);
  const pairs = parse(example.connectionString).entries.map((e) => [e.key, e.value ?? ''] as [string, string]);
  const forms = [
    { label: 'Connection string', lang: 'connection-string', code: example.connectionString },
    { label: 'JDBC URL', lang: 'text', code: toJdbcUrl(pairs) },
    { label: 'C# (ADO.NET)', lang: 'csharp', code: toCSharp(pairs) },
    { label: 'Java (JDBC)', lang: 'java', code: toJava(pairs) },
    { label: 'Python', lang: 'python', code: toPython(pairs) },
    { label: 'ODBC (DSN-less)', lang: 'text', code: toOdbc(pairs) },
  ];
  return {
    serviceName: service.name,
    title: example.title,
    forms: forms.map((f) => ({ ...f, slug: `form-${f.label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-$/, '')}` })),
  };
}
