/**
 * The forms a connection string takes, in one table: each form's id, the one label every surface shows (the
 * builder's tabs, the Validate tab's "Read as", the guide and its Markdown twin, the CLI), the language of a code
 * block showing it, and its writer. Each form's reader is in the readers table (readers.ts), one per id of this
 * table: the builder's form writes every form and reads none, so its page loads the writers alone and the readers
 * come with the validator. Adding a form is one entry here, one there (and its module beside them).
 * Browser compatible, no side effects.
 */
import { toAppSettings, type AppSettingsOptions } from './appsettings.ts';
import { toCSharp, toJava, toPython } from './code.ts';
import { toEnv, type EnvOptions } from './env.ts';
import { connectionText, type PairsOrString } from './input.ts';
import { toJdbcUrl, type JdbcPrefix } from './jdbc.ts';
import type { LiteralOptions } from './literals.ts';
import { toOdbc, type OdbcForm } from './odbc.ts';

/** One form: how it is named, shown and written (its reader: readers.ts). `Options` are the writer's own (a JDBC prefix, a DSN). */
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
  }),
  form<'jdbc', { prefix?: JdbcPrefix }>({
    id: 'jdbc',
    label: 'JDBC URL',
    language: 'text',
    builderTab: true,
    write: (input, options) => toJdbcUrl(input, options?.prefix),
  }),
  form<'odbc', OdbcForm>({
    id: 'odbc',
    label: 'ODBC',
    language: 'text',
    builderTab: false,
    write: (input, options) => toOdbc(input, options),
  }),
  form<'csharp', LiteralOptions>({
    id: 'csharp',
    label: 'C#',
    language: 'csharp',
    builderTab: true,
    write: (input, options) => toCSharp(input, options),
  }),
  form<'java', LiteralOptions & { prefix?: JdbcPrefix }>({
    id: 'java',
    label: 'Java',
    language: 'java',
    builderTab: true,
    write: (input, options) => toJava(input, options),
  }),
  form<'python', LiteralOptions>({
    id: 'python',
    label: 'Python',
    language: 'python',
    builderTab: true,
    write: (input, options) => toPython(input, options),
  }),
  form<'env', EnvOptions>({
    id: 'env',
    label: '.env',
    language: 'dotenv',
    builderTab: true,
    write: (input, options) => toEnv(input, options),
  }),
  form<'appsettings', AppSettingsOptions>({
    id: 'appsettings',
    label: 'appsettings.json',
    language: 'json',
    builderTab: true,
    write: (input, options) => toAppSettings(input, options),
  }),
] as const;

export type FormId = (typeof forms)[number]['id'];
export type AnyForm = (typeof forms)[number];

/** The table's entry for a form id (typed as that entry, so its writer's options are known). */
export function formById<Id extends FormId>(id: Id): Extract<AnyForm, { id: Id }> {
  return forms.find((f) => f.id === id) as Extract<AnyForm, { id: Id }>;
}
