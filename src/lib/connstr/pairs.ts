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

/**
 * A read-only map whose keys match ignoring case. Iteration yields the first spelling of each key.
 * Backed by a real `Map`, so keys such as `__proto__` or `constructor` are ordinary keys.
 */
export class ConnectionStringMap implements ReadonlyMap<string, string> {
  /** Spelling in effect → value; its iterators are what this map hands out. */
  readonly #values = new Map<string, string>();
  /** Folded key → spelling in effect. */
  readonly #spelling = new Map<string, string>();

  constructor(pairs: Iterable<readonly [string, string]> = []) {
    for (const [key, value] of pairs) {
      const folded = foldKey(key);
      const spelling = this.#spelling.get(folded) ?? key;
      this.#spelling.set(folded, spelling);
      this.#values.set(spelling, value);
    }
  }
  get size(): number {
    return this.#values.size;
  }
  get(key: string): string | undefined {
    const spelling = this.#spelling.get(foldKey(key));
    return spelling === undefined ? undefined : this.#values.get(spelling);
  }
  has(key: string): boolean {
    return this.#spelling.has(foldKey(key));
  }
  /** The spelling in effect for a key given in any case. */
  spelling(key: string): string | undefined {
    return this.#spelling.get(foldKey(key));
  }
  entries(): MapIterator<[string, string]> {
    return this.#values.entries();
  }
  keys(): MapIterator<string> {
    return this.#values.keys();
  }
  values(): MapIterator<string> {
    return this.#values.values();
  }
  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.#values.entries();
  }
  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.#values) callback.call(thisArg, value, key, this);
  }
}

/**
 * The effective pairs as a case-insensitive map (`toMap(s).get('profile')` finds `Profile`).
 * Nested values stay strings; use `entry.nested` or `toMap(decodedValue)` for the inner list.
 */
export function toMap(input: string | ParseResult | readonly Entry[]): ConnectionStringMap {
  return new ConnectionStringMap(effectivePairs(input).map((p) => [p.key, p.value] as const));
}
