/**
 * What a whole connection string means: .NET builder semantics (grammar doc §2.3).
 * Browser compatible, no side effects.
 *
 * - The last duplicate wins, but an overwritten key keeps its first position and first spelling.
 * - `key=` (a null value) removes the key; a later `key=value` then adds it again at the end.
 * - `key=''` is an explicit empty string.
 * Keys match ignoring case. Entries recovered from syntax errors (`entry.invalid`) count too: they are
 * the best reading of what was meant, and the errors are reported separately.
 */
import { expectInput } from './guard.ts';
import { foldKey } from './chars.ts';
import { parse } from './parse.ts';
import type { Entry, ParseResult } from './types.ts';

/** One key as the driver would see it. */
export interface EffectivePair {
  /** The spelling of the first occurrence still in effect. */
  key: string;
  /** The value of the last occurrence. */
  value: string;
  /** The entry whose value wins (the last occurrence). */
  entry: Entry;
  /** Every occurrence in effect, in text order (more than one means duplicates). */
  occurrences: Entry[];
}

function entriesOf(input: string | ParseResult | readonly Entry[]): readonly Entry[] {
  if (!Array.isArray(input)) expectInput('effectivePairs(input)', 'input', input);
  if (typeof input === 'string') return parse(input).entries;
  return Array.isArray(input) ? input : (input as ParseResult).entries;
}

/**
 * Applies builder semantics to parsed entries: the pairs a driver keeps, in builder order.
 * @param input a connection string, a parse result, or entries (e.g. `entry.nested.entries`)
 */
export function effectivePairs(input: string | ParseResult | readonly Entry[]): EffectivePair[] {
  // A Map keeps insertion order, and a deleted then re-added key goes to the end, as in .NET's builder.
  const pairs = new Map<string, EffectivePair>();
  for (const entry of entriesOf(input)) {
    const folded = foldKey(entry.key);
    if (entry.value === null) {
      pairs.delete(folded);
      continue;
    }
    const existing = pairs.get(folded);
    if (existing) {
      existing.value = entry.value;
      existing.entry = entry;
      existing.occurrences.push(entry);
    } else {
      pairs.set(folded, { key: entry.key, value: entry.value, entry, occurrences: [entry] });
    }
  }
  return [...pairs.values()];
}
