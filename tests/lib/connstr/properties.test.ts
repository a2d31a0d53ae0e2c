/**
 * Property-based tests (fast-check): round trips through serialize and parse at both levels, parser
 * invariants and agreement with an independent transcription of the grammar on arbitrary text, and a
 * validator that never throws and whose fixes repair what they claim to.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  InvalidKeyError,
  InvalidValueError,
  applyEdits,
  encodeKey,
  keyProblem,
  parse,
  parseAny,
  quoteValue,
  serialize,
  validate,
  type Entry,
  type Pair,
  type ParseResult,
  type Problem,
  type Span,
} from '../../../src/lib/connstr/index.ts';
import type { ServiceRules } from '../../../src/lib/connstr/index.ts';
import { acmeRules } from '../../support/acme.ts';
import { referenceParse } from './reference-grammar.ts';

/**
 * The validator runs on the `acme` fixture (never content/) and inline variations of it, so every way a
 * string selects its auth method is hit: a ProfileSettings method implied, a top-level one implied, none
 * implied (AuthScheme needed), and a single method.
 */
const s = acmeRules();
const variants: Record<string, ServiceRules> = {
  acme: s,
  'acme, user and password implied': { ...s, authMethods: s.authMethods.map((m) => ({ ...m, impliedWithoutAuthScheme: m.id === 'basic' })) },
  'acme, none implied': { ...s, authMethods: s.authMethods.map((m) => ({ ...m, impliedWithoutAuthScheme: false })) },
  'acme, token only': { ...s, authMethods: s.authMethods.filter((m) => m.id === 'token') },
};
const serviceIds = Object.keys(variants);
const serviceById = (id: string) => variants[id]!;

// --- Arbitraries -----------------------------------------------------------------------------

/** Any UTF-16 code unit, lone surrogates and NUL included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
/** The characters the grammar treats specially, and a few that JavaScript and .NET classify differently. */
const special = fc.constantFrom(
  ';', '=', '==', '"', "'", '""', "''", ' ', '\t', '\n', '\r', '\v', '\f', '\u0000', '\u0001', '\u007f', '\u0085', '\u009f',
  '\u00a0', '\u2028', '\u2029', '\u3000', '\ufeff', '\u200b', 'é', '😀', '\ud800', '\\', '{', '}',
);
/** Text from the full code-unit range, weighted towards the grammar's special characters. */
const anyText = fc.string({ unit: fc.oneof({ arbitrary: special, weight: 2 }, { arbitrary: codeUnit, weight: 1 }, { arbitrary: fc.constantFrom('a', 'B', '1'), weight: 2 }), maxLength: 24 });
/** Keys the serializer can write (it throws InvalidKeyError for the rest). */
const validKey = anyText.filter((k) => keyProblem(k) === undefined);
/** Values the serializer can write (NUL cannot be carried by any quoting). */
const validValue = anyText.filter((v) => !v.includes('\0'));
const pairList = fc.array(fc.tuple(validKey, validValue), { maxLength: 6 });

/** Text built from the tokens connection strings are made of, so random strings reach every parser and validator path. */
const tokenText = fc
  .array(
    fc.constantFrom(
      'Profile', 'ProfileSettings', 'APIKey', 'apikey', 'AuthScheme', 'Auth Scheme', 'OAUTH', 'oauth', 'NONE', 'BASIC', 'APIKEY',
      'InitiateOAuth', 'GetAndRefresh', 'OAuthClientId', 'OAuthClientSecret', 'OAuthClientSecert', 'CallbackURL', 'http://a',
      'Timeout', 'Readonly', 'yes', '12', 'Other', 'User', 'Password', 'C:\\p\\Intercom.apip', 'x.apip', 'AcmeLedger.apip',
      'jdbc:api:', '=', '==', ';', "'", '"', "''", '""', ' ', 'a', 'b c', '\u0000', '\u0001', '\n', '\t', '\u0085',
      "ProfileSettings='", 'ProfileSettings="', "APIKey='", 'Profile=x.apip;',
    ),
    { maxLength: 25 },
  )
  .map((tokens) => tokens.join(''));

/** Strings of well-formed pairs with the catalog's names (some misspelt or misplaced), nested lists included. */
const knownKey = fc.constantFrom(
  'Profile', 'AuthScheme', 'Auth Scheme', 'authscheme', 'APIKey', 'apikey', 'APIKye', 'InitiateOAuth', 'OAuthClientId', 'OAuthClientSecret',
  'OAuthClientSecert', 'CallbackURL', 'User', 'Password', 'Timeout', 'Readonly', 'FirewallType', 'Logfile', 'Foo',
);
const knownValue = fc.constantFrom(
  'C:\\profiles\\Intercom.apip', 'C:\\profiles\\AcmeLedger.apip', '/p/AirCall.apip', 'x.txt', 'OAUTH', 'oauth', 'NONE', 'APIKEY', 'BASIC', 'Kerberos',
  'GETANDREFRESH', 'off', 'http://localhost:3333', 'localhost', 'yes', 'true', '30', 'abc', 'socks5', 'k', "it's", 'a;b', 'say "hi"', '',
);
const pairText = fc.tuple(knownKey, knownValue).map(([k, v]) => serialize([[k, v]]));
const nestedText = fc
  .tuple(fc.array(pairText, { maxLength: 3 }), fc.constantFrom('ProfileSettings', 'profilesettings'))
  .map(([inner, key]) => serialize([[key, inner.join(';')]]));
const structuredText = fc
  .tuple(fc.constantFrom('', 'jdbc:api:'), fc.array(fc.oneof({ arbitrary: pairText, weight: 4 }, { arbitrary: nestedText, weight: 1 }), { maxLength: 7 }), fc.constantFrom('', ';', ' ', '\u0000'))
  .map(([prefix, pairs, tail]) => prefix + pairs.join(';') + tail);

// --- Helpers -----------------------------------------------------------------------------------

const slice = (text: string, span: Span) => text.slice(span.start, span.end);
const pairsOf = (entries: readonly Entry[]) => entries.map((e) => [e.key, e.value]);

function expectSpanIn(span: Span, length: number): void {
  expect(span.start).toBeGreaterThanOrEqual(0);
  expect(span.start).toBeLessThanOrEqual(span.end);
  expect(span.end).toBeLessThanOrEqual(length);
}

/** Invariants of any parse result: spans inside the text (nested ones too), problems sorted by position. */
function expectWellFormed(result: ParseResult): void {
  const length = result.text.length;
  const nested = result.entries.flatMap((e) => e.nested?.entries ?? []);
  for (const e of [...result.entries, ...nested]) {
    for (const span of [e.keySpan, e.valueSpan, e.innerSpan, e.span]) expectSpanIn(span, length);
    expect(e.span).toEqual({ start: e.keySpan.start, end: e.valueSpan.end });
  }
  for (const p of result.problems) {
    expectSpanIn(p.span, length);
    for (const r of p.related ?? []) expectSpanIn(r, length);
  }
  const starts = result.problems.map((p) => p.span.start);
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
}

/** Fix edits stay inside the text and do not overlap (applyEdits relies on both). */
function expectFixWellFormed(problem: Problem, length: number): void {
  if (!problem.fix) return;
  const edits = [...problem.fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  edits.forEach((edit, i) => {
    expectSpanIn(edit, length);
    if (i > 0) expect(edit.start).toBeGreaterThanOrEqual(edits[i - 1]!.end);
  });
}

const parseErrors = (text: string) => parseAny(text).problems.filter((p) => p.severity === 'error').length;

// --- Serialize ↔ parse -----------------------------------------------------------------------

describe('serialize then parse gives the pairs back', () => {
  test.prop([pairList], { numRuns: 2000 })('top level, with exact spans and no errors', (pairs) => {
    const text = serialize(pairs);
    const result = parse(text, { nestedKeys: [] });
    expect(pairsOf(result.entries)).toEqual(pairs);
    // Only warnings about legal-but-odd keys, never an error (`;` in a key, the same key twice).
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    result.entries.forEach((entry, i) => {
      const [key, value] = pairs[i]!;
      expect(slice(text, entry.keySpan)).toBe(encodeKey(key));
      expect(slice(text, entry.valueSpan)).toBe(quoteValue(value));
    });
    expectWellFormed(result);
  });

  test.prop([pairList], { numRuns: 1000 })('serialize is idempotent through parse', (pairs) => {
    const text = serialize(pairs);
    const again = serialize(parse(text, { nestedKeys: [] }).entries.map((e): Pair => [e.key, e.value!]));
    expect(again).toBe(text);
  });

  test.prop([fc.array(fc.tuple(validKey, validValue), { maxLength: 4 }), pairList, pairList], { numRuns: 1500 })(
    'nested ProfileSettings pairs survive both levels, with spans mapped into the outer text',
    (before, inner, after) => {
      const pairs: Pair[] = [...before, ['ProfileSettings', inner], ...after];
      const text = serialize(pairs);
      const result = parse(text);
      const outer = result.entries[before.length]!;
      expect(outer.key).toBe('ProfileSettings');
      expect(result.entries).toHaveLength(pairs.length);
      expect(pairsOf(outer.nested!.entries)).toEqual(inner);
      // The decoded outer value re-parses on its own to the same inner pairs.
      expect(pairsOf(parse(outer.value!).entries)).toEqual(inner);
      // Inner spans point at the inner text as written inside the outer quotes (doubled quotes undone).
      const quote = outer.quoted;
      const unescape = (s: string) => (quote ? s.replaceAll(quote + quote, quote) : s);
      outer.nested!.entries.forEach((entry, i) => {
        const [key, value] = inner[i]!;
        expect(unescape(slice(text, entry.keySpan))).toBe(encodeKey(key));
        expect(unescape(slice(text, entry.valueSpan))).toBe(quoteValue(value));
      });
      expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expectWellFormed(result);
    },
  );

  test.prop([anyText.filter((k) => keyProblem(k) !== undefined), validValue], { numRuns: 1000 })(
    'a key that cannot be written throws InvalidKeyError',
    (key, value) => {
      expect(() => serialize([['Fine', 'x'], [key, value]])).toThrow(InvalidKeyError);
      expect(() => serialize([['ProfileSettings', [[key, value]]]])).toThrow(InvalidKeyError);
    },
  );

  test.prop([validKey, anyText.map((v) => `${v}\u0000`)], { numRuns: 500 })('a value holding NUL throws InvalidValueError', (key, value) => {
    expect(() => serialize([[key, value]])).toThrow(InvalidValueError);
  });
});

// --- The parser on arbitrary text ------------------------------------------------------------

describe('parse on arbitrary text', () => {
  const arbitraryText = fc.oneof(anyText, tokenText, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: codeUnit, maxLength: 40 }));

  test.prop([arbitraryText], { numRuns: 5000 })('never throws and keeps every span inside the text', (text) => {
    const result = parse(text);
    expectWellFormed(result);
    expectWellFormed(parseAny(text));
    // Entries that parsed cleanly decode exactly from their spans.
    for (const e of result.entries) {
      if (e.invalid) continue;
      expect(slice(text, e.keySpan).replaceAll('==', '=')).toBe(e.key);
      if (e.value === null) continue;
      const inner = slice(text, e.innerSpan);
      expect(e.quoted ? inner.replaceAll(e.quoted + e.quoted, e.quoted) : inner).toBe(e.value);
    }
  });

  test.prop([fc.oneof(anyText, tokenText)], { numRuns: 5000 })(
    'agrees with the .NET reference regex: same pairs when it accepts, an error when it rejects',
    (text) => {
      const reference = referenceParse(text);
      const result = parse(text, { nestedKeys: [] });
      const errors = result.problems.filter((p) => p.severity === 'error').map((p) => p.code);
      if (reference === undefined) {
        expect(errors.length).toBeGreaterThan(0);
      } else {
        expect(errors).toEqual([]);
        expect(pairsOf(result.entries)).toEqual(reference);
      }
    },
  );
});

// --- The validator on arbitrary text ---------------------------------------------------------

describe.each(serviceIds)('validate on arbitrary text for %s', (id) => {
  test.prop([fc.oneof(anyText, tokenText, structuredText, fc.string({ unit: 'binary', maxLength: 40 }))], { numRuns: 1000 })(
    'never throws; problems are sorted, inside the text, and their fixes are well formed',
    (text) => {
      const problems = validate(text, serviceById(id));
      const starts = problems.map((p) => p.span.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      for (const p of problems) {
        expectSpanIn(p.span, text.length);
        expect(['error', 'warning', 'info']).toContain(p.severity);
        expect(p.message).toMatch(/^\S[^]*[.?]$/);
        expectFixWellFormed(p, text.length);
      }
    },
  );
});

describe('validate fixes on arbitrary strings', () => {
  const sameProblem = (a: Problem, b: Problem) => a.code === b.code && a.property === b.property && a.level === b.level;

  test.prop([fc.oneof(structuredText, tokenText).filter((t) => parseErrors(t) === 0), fc.constantFrom(...serviceIds)], { numRuns: 2000 })(
    'on a string without syntax errors, every fix keeps it free of them and removes the problem it is for',
    (text, id) => {
      const service = serviceById(id);
      const before = validate(text, service);
      for (const problem of before) {
        if (!problem.fix) continue;
        const fixed = applyEdits(text, problem.fix.edits);
        // Renaming a key to ProfileSettings makes its value a nested list, which may then fail to parse.
        if (problem.fix.description !== 'Rename to ProfileSettings.') expect(parseErrors(fixed), fixed).toBe(0);
        const after = validate(fixed, service);
        expect(after.filter((p) => sameProblem(p, problem)).length, `${problem.code} in ${fixed}`).toBeLessThan(
          before.filter((p) => sameProblem(p, problem)).length,
        );
      }
    },
  );
});
