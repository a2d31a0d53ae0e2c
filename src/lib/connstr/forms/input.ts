/**
 * What every writer of a form takes: pairs, or a connection string already serialized (used as is).
 * Browser compatible, no side effects.
 */
import { expectIterable } from '../guard.ts';
import { serialize } from '../serialize.ts';
import type { Pair } from '../types.ts';

/** Pairs, or a connection string that is already serialized (used as is). */
export type PairsOrString = Iterable<Pair> | string;

/** The connection string of `input`; `call` names the writer in the TypeError a wrong argument gets. */
export function connectionText(input: PairsOrString, call: string): string {
  if (typeof input !== 'string') expectIterable(call, 'input', input, 'a connection string or an iterable of pairs');
  return typeof input === 'string' ? input : serialize(input);
}
