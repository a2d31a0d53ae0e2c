/**
 * How pasted text of each form is read: the readers table, one reader per id of the forms table (forms.ts; the
 * type below makes a form without a reader a compile error), and `readPasted`, which tries them in the table's
 * order. What the Validate tab, the CLI and the secret masking read pasted text with; the builder's form, which only
 * writes, does not load it. Browser compatible, no side effects.
 */
import { expectString } from '../guard.ts';
import { readAppSettings } from './appsettings.ts';
import { readSnippet } from './code.ts';
import { readEnv } from './env.ts';
import { forms, type FormId } from './forms.ts';
import { readJdbc } from './jdbc.ts';
import { looksLikeOdbc, readOdbc } from './odbc.ts';
import { asIs, type Unwrapped } from './reading.ts';

/** The connection string held by pasted text of one form, with the way back; undefined when it is not that form. */
export type Reader = (pasted: string) => Unwrapped | undefined;

export const readers: { readonly [Id in FormId]: Reader } = {
  plain: asIs,
  jdbc: readJdbc,
  odbc: (pasted) => (looksLikeOdbc(pasted) ? readOdbc(pasted) : undefined),
  csharp: (pasted) => readSnippet(pasted, 'csharp'),
  java: (pasted) => readSnippet(pasted, 'java'),
  python: (pasted) => readSnippet(pasted, 'python'),
  env: readEnv,
  appsettings: readAppSettings,
};

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
    const unwrapped = readers[entry.id](pasted);
    if (unwrapped) return { form: entry.id, ...unwrapped };
  }
  return { form: 'plain', ...asIs(pasted) };
}
