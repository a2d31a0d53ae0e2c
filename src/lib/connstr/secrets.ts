/**
 * What counts as a secret in a connection string, one rule for every output (the validator's messages, the
 * Validate tab's excerpts, the CLI's reports, redact, the builder's share link): a value is secret when its
 * property is marked sensitive, when its name looks like a secret's (`MyApiToken`, which no service documents),
 * or when the value itself carries a credential (`CustomHeaders=Authorization: Bearer …`, `Other='ApiToken=…'`).
 * Reports name the property and show `********` instead of the value; only the payload a user asked for (a
 * fixed or converted string) keeps it. Browser compatible, no side effects.
 */
import { foldKey, isWhitespace } from './chars.ts';
import { readPasted } from './forms/readers.ts';
import { toPastedSpan } from './forms/reading.ts';
import { MASK, shown } from './messages.ts';
import { parseAny } from './parse.ts';
import type { PropertyRule } from './rules.ts';
import type { Entry, ParseResult, Problem, Span } from './types.ts';

/**
 * Names that hold a secret even when no service documents them: passwords, secrets, tokens, API keys, private
 * keys, credentials, authorization headers, cookies, signatures.
 */
const SECRET_NAME = /pass(?:word|phrase|wd)?|pwd|secret|token|api[-_ ]?key|private|credential|authorization|bearer|cookie|signature|\bsig\b|\bsas\b/i;

/** Whether a key is named like a secret (whatever the service documents). */
export function looksLikeSecretName(key: string): boolean {
  return SECRET_NAME.test(key);
}

/** HTTP authorization in a value: an `Authorization:`-style header, or a `Bearer`/`Basic` credential. */
const CREDENTIAL_TEXT = /\b(?:proxy-)?authorization\s*:|\bx-api-key\s*:|\bcookie\s*:|\b(?:bearer|basic)\s+[A-Za-z0-9._~+/=-]{6,}/i;
/**
 * A URL with a password in it (`https://user:pass@host`). A scan, not a regex: an unanchored regex tried from
 * every letter of a long value costs the square of its length. Each `://` looks ahead only to the next `/`.
 */
function urlWithPassword(value: string): boolean {
  for (let at = value.indexOf('://'); at !== -1; at = value.indexOf('://', at + 3)) {
    let colon = false;
    for (let i = at + 3; i < value.length; i++) {
      const c = value[i]!;
      if (c === '@') {
        if (colon) return true;
        break;
      }
      if (c === '/' || isWhitespace(value.charCodeAt(i))) break;
      if (c === ':') colon = true;
    }
  }
  return false;
}
/** Characters that end a name inside a value (`a=1;b=2`, `x?token=…&y=…`, `'ApiToken=…'`). */
const NAME_BREAK = new Set([';', ',', '&', '?', "'", '"', '=', '{', '}', '(', ')', '[', ']', '<', '>', '\u2018', '\u2019', '\u201c', '\u201d']);

/**
 * Whether a value carries a credential of its own: a header or token form (`Authorization: Bearer …`), a URL
 * with a password, or a `name=value` inside it whose name looks like a secret's (`ApiToken=…`, `?access_token=…`).
 * One pass over the value: each `=` looks back only to the previous break.
 */
export function carriesCredential(value: string): boolean {
  if (CREDENTIAL_TEXT.test(value) || urlWithPassword(value)) return true;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '=') {
      if (i > start && looksLikeSecretName(value.slice(start, i))) return true;
      start = i + 1;
    } else if (NAME_BREAK.has(c) || (isWhitespace(value.charCodeAt(i)) && i === start)) {
      start = i + 1;
    }
  }
  return false;
}

/** The properties of the service (or services) a string is checked against: enough to read their `sensitive` flags. */
export type SecretRules = { readonly properties: readonly Pick<PropertyRule, 'name' | 'aliases' | 'sensitive'>[] };

/**
 * Sensitive names and aliases of the given services, folded: built once per service's properties (callers pass a
 * fresh `[service]` for every string, and a file may hold 60,000 strings) and once per list of several.
 */
const sensitiveNames = new WeakMap<object, Set<string>>();
function sensitiveSet(services: readonly SecretRules[]): Set<string> {
  const key: object = services.length === 1 ? services[0]!.properties : services;
  let set = sensitiveNames.get(key);
  if (!set) {
    set = new Set();
    for (const service of services) {
      for (const p of service.properties) if (p.sensitive) for (const name of [p.name, ...p.aliases]) set.add(foldKey(name));
    }
    sensitiveNames.set(key, set);
  }
  return set;
}

/**
 * Whether a written pair holds a secret: the property is marked sensitive in any of `services`, its name looks
 * like a secret's, or its value carries a credential. With no service known, the name and value decide.
 */
export function holdsSecret(key: string, value: string | null, services: readonly SecretRules[] = []): boolean {
  if (sensitiveSet(services).has(foldKey(key.trim())) || looksLikeSecretName(key)) return true;
  return value !== null && value !== '' && carriesCredential(value);
}

/** One secret in a parsed string: the pair it belongs to and where its text is. */
export interface SecretValue {
  entry: Entry;
  /** Where the value is written, without its quotes (what `redact` replaces); for a tail, the text after it. */
  span: Span;
  /** Where the list the pair is written in ends: the text's end, or the end of the ProfileSettings list. */
  listEnd: number;
}

/**
 * Every secret value in a parsed string, at the top level and inside ProfileSettings, in text order. A nested
 * list the parser reads (ProfileSettings) is judged setting by setting; any other value as a whole.
 */
export function secretValues(result: ParseResult, services: readonly SecretRules[] = []): SecretValue[] {
  const found: SecretValue[] = [];
  for (const entry of result.entries) {
    if (entry.value === null || entry.value === '') continue;
    if (entry.nested) {
      const listEnd = entry.nested.within.end;
      for (const inner of entry.nested.entries) {
        if (inner.value !== null && inner.value !== '' && holdsSecret(inner.key, inner.value, services)) found.push({ entry: inner, span: inner.innerSpan, listEnd });
      }
      continue;
    }
    if (holdsSecret(entry.key, entry.value, services)) found.push({ entry, span: entry.innerSpan, listEnd: result.text.length });
  }
  return found;
}

/**
 * Text that follows a secret's unquoted value after a `;`, up to the last `;` before the next `=`:
 * `Password=ab;cd` writes the password `ab`, then `cd`, a name without a value, which is likely the rest of the
 * password (so is `cd;ef` in `Password=ab;cd;ef;User=x`, read as the key `cd;ef;User`). Reports treat it as secret.
 */
export function secretTails(result: ParseResult, secrets: readonly SecretValue[]): SecretValue[] {
  const text = result.text;
  const tails: SecretValue[] = [];
  for (const { entry, listEnd } of secrets) {
    if (entry.quoted !== null) continue;
    let i = entry.valueSpan.end;
    while (i < listEnd && isWhitespace(text.charCodeAt(i))) i++;
    if (text[i] !== ';') continue;
    // Past the `;` and any stray ones after it: the tail starts where the next "name" does.
    while (i < listEnd && (text[i] === ';' || isWhitespace(text.charCodeAt(i)))) i++;
    // Every `;`-separated piece without `=` (`ab;cd;ef` holds two); the piece with an `=` is a pair of its own.
    let end = i;
    for (let at = i; at <= listEnd; at++) {
      if (at === listEnd || text[at] === ';') end = at;
      else if (text[at] === '=') break;
      if (at === listEnd) break;
    }
    while (end > i && (isWhitespace(text.charCodeAt(end - 1)) || text[end - 1] === ';')) end--;
    if (end > i) tails.push({ entry, span: { start: i, end }, listEnd });
  }
  return tails;
}

/** Every span of `text` a report must not show: secret values and the text that likely continues them. */
export function secretSpans(result: ParseResult, services: readonly SecretRules[] = []): Span[] {
  const secrets = secretValues(result, services);
  return [...secrets, ...secretTails(result, secrets)].map((s) => s.span).sort((a, b) => a.start - b.start);
}

/**
 * The pasted text with every secret replaced by `********` (what `redact` prints): secret values, and the text
 * that likely continues an unquoted one. Any form the Validate tab reads (a C# or Java literal, a JDBC URL…) is
 * masked where it is written, the rest of the text kept. `masked`: how many values were masked.
 */
export function maskSecrets(pasted: string, services: readonly SecretRules[] = []): { text: string; masked: number } {
  const reading = readPasted(pasted);
  const result = parseAny(reading.text);
  const secrets = secretValues(result, services);
  const spans = [...secrets, ...secretTails(result, secrets)]
    .map((s) => toPastedSpan(reading, s.span))
    .sort((a, b) => a.start - b.start);
  let text = '';
  let at = 0;
  for (const span of spans) {
    if (span.start < at || span.end <= span.start) continue;
    text += pasted.slice(at, span.start) + MASK;
    at = span.end;
  }
  return { text: text + pasted.slice(at), masked: secrets.length };
}

/** Shorter secrets are not searched for in messages: a two-letter password would mask half the words. */
const SHORTEST_SEARCHED = 4;
/** A string with more distinct secrets than this is hostile; the messages themselves already mask them. */
const MOST_SEARCHED = 64;

/**
 * The last line of defence for reports: each problem's message and fix description with any secret of the
 * string (value or likely continuation) replaced by `********`. Messages already show secrets masked
 * (`ShownValue`); this catches a value that reaches a sentence some other way. Problems without a secret in
 * them are returned as they are.
 */
export function maskProblems<P extends Problem>(problems: P[], result: ParseResult, services: readonly SecretRules[] = []): P[] {
  const spans = secretSpans(result, services);
  if (spans.length === 0) return problems;
  const texts = [...new Set(spans.map((s) => result.text.slice(s.start, s.end)).flatMap((raw) => [raw, raw.replaceAll("''", "'"), raw.replaceAll('""', '"')]))]
    .filter((t) => t.trim().length >= SHORTEST_SEARCHED)
    .sort((a, b) => b.length - a.length)
    .slice(0, MOST_SEARCHED);
  if (texts.length === 0) return problems;
  // Messages show text via `shown`, which escapes control characters: search for that form too.
  const forms = [...new Set(texts.flatMap((t) => [t, shown(t, Infinity).slice(1, -1)]))];
  const scrub = (s: string) => {
    let out = s;
    for (const t of forms) if (out.includes(t)) out = out.replaceAll(t, MASK);
    return out;
  };
  for (let i = 0; i < problems.length; i++) {
    const p = problems[i]!;
    const message = scrub(p.message);
    const description = p.fix ? scrub(p.fix.description) : undefined;
    if (message === p.message && description === p.fix?.description) continue;
    problems[i] = { ...p, message, ...(p.fix ? { fix: { ...p.fix, description: description! } } : {}) };
  }
  return problems;
}
