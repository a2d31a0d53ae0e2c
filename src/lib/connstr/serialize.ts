/**
 * Writes key/value pairs as a connection string, following .NET's `DbConnectionStringBuilder`
 * (`AppendKeyValuePair`, default rules; grammar doc §2.4) with one deliberate difference: a real empty
 * string is written `key=''`, because .NET's `key=` re-parses as "remove the key" (corefx#27849).
 * Browser compatible, no side effects.
 */
import { expectIterable, expectString } from './guard.ts';
import { isControl, isWhitespace, codePointLabel } from './chars.ts';
import type { Pair } from './types.ts';

/** Thrown for a key the grammar cannot represent (grammar doc §2.3, key validity rule). */
export class InvalidKeyError extends Error {
  /** The offending key, as given. */
  readonly key: string;
  /** Why it cannot be written, e.g. "it is empty". */
  readonly reason: string;
  constructor(key: string, reason: string) {
    super(`Cannot write the key ${JSON.stringify(key)}: ${reason}.`);
    this.name = 'InvalidKeyError';
    this.key = key;
    this.reason = reason;
  }
}

/** Thrown for a value the grammar cannot represent (one containing NUL). */
export class InvalidValueError extends Error {
  readonly key: string;
  readonly reason: string;
  constructor(key: string, reason: string) {
    super(`Cannot write the value of ${JSON.stringify(key)}: ${reason}.`);
    this.name = 'InvalidValueError';
    this.key = key;
    this.reason = reason;
  }
}

/**
 * Why a key cannot be written, or `undefined` if it can. Mirrors .NET's key regex
 * `^(?![;\s])[^\p{Cc}]+(?<!\s)$`: non-empty, no control characters, not starting with `;` or whitespace
 * (the parser would skip them as separators), not ending with whitespace (the parser trims it).
 */
export function keyProblem(key: string): string | undefined {
  if (key.length === 0) return 'it is empty';
  const first = key.charCodeAt(0);
  if (first === 0x3b) return 'it starts with ";", which the parser reads as a separator';
  if (isWhitespace(first)) return 'it starts with whitespace, which the parser skips';
  if (isWhitespace(key.charCodeAt(key.length - 1))) return 'it ends with whitespace, which the parser trims';
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (isControl(code)) return `it contains the control character ${codePointLabel(code)}`;
  }
  return undefined;
}

/** The key as written: every `=` doubled, so the parser reads it as part of the key (`Datab=ase` → `Datab==ase`). */
export function encodeKey(key: string): string {
  const reason = keyProblem(key);
  if (reason !== undefined) throw new InvalidKeyError(key, reason);
  return key.includes('=') ? key.replaceAll('=', '==') : key;
}

/** True when a value can be written bare: no quote, `=`, `;`, whitespace or control character (§2.4 rule 4). */
function isBare(value: string): boolean {
  // A leading typographic quote (‘ ’ ‚ ‛ “ ” „ ‟) is fine for the driver, but reads as a pasted curly quote to
  // anyone checking the string (and to this engine's paste reader), so such a value is quoted.
  const first = value.charCodeAt(0);
  if (first >= 0x2018 && first <= 0x201f) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    // " ' ; =
    if (code === 0x22 || code === 0x27 || code === 0x3b || code === 0x3d) return false;
    if (isWhitespace(code) || isControl(code)) return false;
  }
  return true;
}

/**
 * The value as written (§2.4 rules 4–6): bare when safe (and not starting with a typographic quote); `'…'` if it contains `"` but no `'`; otherwise
 * `"…"` with every `"` doubled. An empty string becomes `''` (not .NET's lossy empty).
 * @throws InvalidValueError if the value contains NUL, which no quoting can carry.
 * @example quoteValue('Adven"ture') === `'Adven"ture'`; quoteValue("A'dv\"en;ture") === `"A'dv""en;ture"`
 */
export function quoteValue(value: string, key = ''): string {
  expectString('quoteValue(value)', 'value', value);
  if (value.includes('\0')) throw new InvalidValueError(key, 'it contains NUL (U+0000)');
  if (value.length === 0) return "''";
  if (isBare(value)) return value;
  const hasDouble = value.includes('"');
  if (hasDouble && !value.includes("'")) return `'${value}'`;
  return `"${hasDouble ? value.replaceAll('"', '""') : value}"`;
}

/**
 * A nested list (ProfileSettings) as an outer value. CData's documents always single-quote it
 * (`ProfileSettings='APIKey=x'`), and a single-quoted value needs no escaping as long as it holds no `'`,
 * so that spelling is used whenever it is exact; otherwise the .NET rules of `quoteValue` apply.
 */
export function quoteNestedValue(inner: string, key = ''): string {
  if (inner.includes('\0')) throw new InvalidValueError(key, 'it contains NUL (U+0000)');
  if (inner.length > 0 && !inner.includes("'")) return `'${inner}'`;
  return quoteValue(inner, key);
}

/**
 * Serializes pairs in the order given: `key=value` joined by `;`, no trailing `;`. A value given as a
 * list of pairs is serialized with the same rules and then quoted as one outer value (see
 * `quoteNestedValue`), so `;` and quotes inside ProfileSettings survive both levels. Duplicate keys are
 * written as given (a parser keeps the last).
 * @throws InvalidKeyError for a key that cannot be written (see `keyProblem`)
 * @throws InvalidValueError for a value containing NUL
 */
export function serialize(pairs: Iterable<Pair>): string {
  expectIterable('serialize(pairs)', 'pairs', pairs);
  const parts: string[] = [];
  for (const pair of pairs) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || (typeof pair[1] !== 'string' && !Array.isArray(pair[1]))) {
      throw new TypeError(`serialize(pairs): each pair must be [key, value] with a string key and a string or pair-list value, got ${JSON.stringify(pair) ?? String(pair)}`);
    }
    const [key, value] = pair;
    const written = encodeKey(key);
    const text = typeof value === 'string' ? quoteValue(value, key) : quoteNestedValue(serialize(value), key);
    parts.push(`${written}=${text}`);
  }
  return parts.join(';');
}
