/**
 * The forms a connection string takes, in one table: each form's id, the one label every surface shows (the
 * builder's tabs, the Validate tab's "Read as", the guide and its Markdown twin, the CLI), the language of a code
 * block showing it, its writer and its reader. Adding a form is one entry here (and its module beside this one).
 * Browser compatible, no side effects.
 */
import { expectString } from '../guard.ts';
import { readAppSettings, toAppSettings, type AppSettingsOptions } from './appsettings.ts';
import { readSnippet, toCSharp, toJava, toPython } from './code.ts';
import { readEnv, toEnv, type EnvOptions } from './env.ts';
import { connectionText, type PairsOrString } from './input.ts';
import { readJdbc, toJdbcUrl, type JdbcPrefix } from './jdbc.ts';
import type { LiteralOptions } from './literals.ts';
import { looksLikeOdbc, readOdbc, toOdbc, type OdbcForm } from './odbc.ts';
import { asIs, type Unwrapped } from './reading.ts';

/** One form: how it is named, shown, written and read. `Options` are the writer's own (a JDBC prefix, a DSN). */
export interface StringForm<Id extends string = string, Options = never> {
  readonly id: Id;
  /** The one name of the form, wherever it is shown ("Read as: C#", the C# tab, `### C#`). */
  readonly label: string;
  /** The language of a code block that shows it (`data-lang`, a Markdown fence). */
  readonly language: string;
  /** The builder offers it as an output tab (ODBC is not offered: its DSN is the reader's own). */
  readonly builderTab: boolean;
  /** The form of a connection string (or of pairs, serialized first). Throws what `serialize` throws. */
  write(input: PairsOrString, options?: Options): string;
  /** The connection string held by pasted text of this form, with the way back; undefined when it is not this form. */
  read(pasted: string): Unwrapped | undefined;
}

const form = <const Id extends string, Options = never>(entry: StringForm<Id, Options>) => entry;

/**
 * Every form, in the order pasted text is tried against them (the plain form, the fallback, reads anything and
 * comes first as the form the others wrap). Surfaces list them in this order too.
 */
export const forms = [
  form({
    id: 'plain',
    label: 'Connection string',
    language: 'connection-string',
    builderTab: true,
    write: (input) => connectionText(input, 'write(input)'),
    read: asIs,
  }),
  form<'jdbc', { prefix?: JdbcPrefix }>({
    id: 'jdbc',
    label: 'JDBC URL',
    language: 'text',
    builderTab: true,
    write: (input, options) => toJdbcUrl(input, options?.prefix),
    read: readJdbc,
  }),
  form<'odbc', OdbcForm>({
    id: 'odbc',
    label: 'ODBC',
    language: 'text',
    builderTab: false,
    write: (input, options) => toOdbc(input, options),
    read: (pasted) => (looksLikeOdbc(pasted) ? readOdbc(pasted) : undefined),
  }),
  form<'csharp', LiteralOptions>({
    id: 'csharp',
    label: 'C#',
    language: 'csharp',
    builderTab: true,
    write: (input, options) => toCSharp(input, options),
    read: (pasted) => readSnippet(pasted, 'csharp'),
  }),
  form<'java', LiteralOptions & { prefix?: JdbcPrefix }>({
    id: 'java',
    label: 'Java',
    language: 'java',
    builderTab: true,
    write: (input, options) => toJava(input, options),
    read: (pasted) => readSnippet(pasted, 'java'),
  }),
  form<'python', LiteralOptions>({
    id: 'python',
    label: 'Python',
    language: 'python',
    builderTab: true,
    write: (input, options) => toPython(input, options),
    read: (pasted) => readSnippet(pasted, 'python'),
  }),
  form<'env', EnvOptions>({
    id: 'env',
    label: '.env',
    language: 'dotenv',
    builderTab: true,
    write: (input, options) => toEnv(input, options),
    read: readEnv,
  }),
  form<'appsettings', AppSettingsOptions>({
    id: 'appsettings',
    label: 'appsettings.json',
    language: 'json',
    builderTab: true,
    write: (input, options) => toAppSettings(input, options),
    read: readAppSettings,
  }),
] as const;

export type FormId = (typeof forms)[number]['id'];
export type AnyForm = (typeof forms)[number];

/** The table's entry for a form id (typed as that entry, so its writer's options are known). */
export function formById<Id extends FormId>(id: Id): Extract<AnyForm, { id: Id }> {
  return forms.find((f) => f.id === id) as Extract<AnyForm, { id: Id }>;
}

/** What `readPasted` found: which form, and the connection string it holds (see `Unwrapped`). */
export interface Reading extends Unwrapped {
  form: FormId;
}

/**
 * Recognises the form of a pasted text and unwraps it: the first form of the table whose reader takes it. Never
 * fails on odd input: what no other form takes is read as the plain form.
 * @throws TypeError when `pasted` is not a string
 */
export function readPasted(pasted: string): Reading {
  expectString('readPasted(pasted)', 'pasted', pasted);
  for (const entry of forms) {
    if (entry.id === 'plain') continue;
    const unwrapped = entry.read(pasted);
    if (unwrapped) return { form: entry.id, ...unwrapped };
  }
  return { form: 'plain', ...asIs(pasted) };
}
