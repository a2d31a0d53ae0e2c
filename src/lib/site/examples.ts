/**
 * Derived views of connection-string examples, shared by the guide's components and its Markdown twin: what the
 * driver keeps from a string (checked against a service, with its verdict), and one example in every output
 * form. Both use the engine (its forms table writes every form, as for the builder and the CLI), so one input has
 * one quoting and one label everywhere.
 */
import { effectivePairs, forms, parseAny, validate, type FormId, type OdbcForm, type Problem } from '../connstr/index.ts';
import type { ResolvedService } from '../providers/catalog.ts';
import type { ExampleVerdict } from '../providers/schema.ts';
import { serviceRules } from '../providers/rules.ts';

/** One row of the "value the driver keeps" table; `inside` names the outer key of a nested setting. */
export type KeptSetting = { key: string; value: string; inside?: string; note?: string };

export type SyntaxReading = {
  caption: string;
  codeLabel: string;
  /** Settings the driver keeps (none for an error example), nested ones after their outer key. */
  kept: KeptSetting[];
  /** Keys written with nothing after `=` and not set again: the driver removes them. */
  removed: string[];
  /** Errors and warnings (placeholders, secrets and case notes are expected in examples and left out). */
  problems: Problem[];
};

const shown = (value: string) => (value === '' ? '(empty string)' : value);

/**
 * Reads a prose example for a service. A `valid` example must draw no error or warning, a `warning` or `error`
 * example must draw one of that severity; otherwise this throws, so a mislabelled example fails the build.
 */
export function readExample(text: string, service: ResolvedService, verdict: ExampleVerdict = 'valid'): SyntaxReading {
  const result = parseAny(text);
  const problems = validate(result, serviceRules(service), { reportSensitive: false }).filter((p) => p.severity === 'error' || p.severity === 'warning');
  const worst: ExampleVerdict = problems.some((p) => p.severity === 'error') ? 'error' : problems.length > 0 ? 'warning' : 'valid';
  if (worst !== verdict) {
    throw new Error(`SyntaxExample ${JSON.stringify(text)} is labelled ${verdict} for ${service.id}, but the validator finds ${worst}: ${problems.map((p) => p.message).join(' ') || 'no problem'}`);
  }
  const pairs = effectivePairs(result);
  const replaced = (key: string) => result.entries.filter((e) => e.key.toLowerCase() === key.toLowerCase() && e.value !== null).length > 1;
  const kept: KeptSetting[] =
    verdict === 'error'
      ? []
      : pairs.flatMap((pair): KeptSetting[] => [
          { key: pair.key, value: shown(pair.value), ...(replaced(pair.key) ? { note: 'the last value written; earlier ones are replaced' } : {}) },
          ...(pair.entry.nested?.entries ?? []).map((inner) => ({ key: inner.key, value: inner.value === null ? '(removed)' : shown(inner.value), inside: pair.key })),
        ]);
  const removed =
    verdict === 'error' ? [] : result.entries.filter((e) => e.value === null && !pairs.some((k) => k.key.toLowerCase() === e.key.toLowerCase())).map((e) => e.key);
  const name = serviceRules(service).label;
  const caption =
    verdict === 'valid'
      ? `A valid ${name} string, and the settings the driver keeps from it`
      : verdict === 'warning'
        ? `Works, but the validator warns (${name})`
        : `Error example: the driver rejects this string (${name})`;
  const codeLabel = verdict === 'error' ? 'Error example' : verdict === 'warning' ? 'Example the validator warns about' : 'Example';
  return { caption, codeLabel, kept, removed, problems };
}

/** One form of an example as a page shows it: `form` is the engine's form id (the site tests read it back by it). */
export type OutputForm = { id: string; label: string; lang: string; code: string; form: FormId; note?: string };

/** The ODBC form's two spellings the guide shows: through the vendor's DSN, and DSN-less (our inference). */
const odbcVariants: { id: string; qualifier: string; options?: OdbcForm; note: string }[] = [
  {
    id: 'odbc-dsn',
    qualifier: 'DSN',
    note: 'Through a DSN set up in the ODBC Data Source Administrator; the vendor’s default DSN is CData ODBC API Source. Writing the other settings after the DSN, as here, is our inference.',
  },
  {
    id: 'odbc-dsn-less',
    qualifier: 'DSN-less, our inference',
    options: { driver: 'CData ODBC Driver for API' },
    note: 'The vendor documents no DSN-less form: the driver name here is inferred from the vendor’s naming. Check the name your ODBC administrator lists before you use it.',
  },
];

/** One catalog example in every form of the engine's table (ODBC in its two spellings), in the table's order. */
export function outputForms(service: ResolvedService, exampleId: string): { serviceName: string; title: string; forms: OutputForm[] } {
  const example = service.examples.find((e) => e.id === exampleId);
  if (!example) throw new Error(`OutputForms: no example "${exampleId}" for service "${service.id}"`);
  const text = example.connectionString;
  const shown = forms.flatMap((form): OutputForm[] =>
    form.id === 'odbc'
      ? odbcVariants.map((v) => ({ id: v.id, label: `${form.label} (${v.qualifier})`, lang: form.language, code: form.write(text, v.options), form: form.id, note: v.note }))
      : [{ id: form.id, label: form.label, lang: form.language, code: form.write(text), form: form.id }],
  );
  return { serviceName: serviceRules(service).label, title: example.title, forms: shown };
}
