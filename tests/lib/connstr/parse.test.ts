import { describe, expect, test } from 'vitest';
import { applyEdits, effectivePairs, parse, parseAny, type ParseResult, type Problem } from '../../../src/lib/connstr/index.ts';
import { exampleCases, grammarCases } from './fixtures.ts';

const pairsOf = (r: ParseResult) => r.entries.map((e) => [e.key, e.value]);
const codes = (problems: readonly Problem[]) => problems.map((p) => p.code);
const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

/** Invariants every parse result must keep, whatever the input. */
function assertWellFormed(r: ParseResult): void {
  const len = r.text.length;
  for (const e of [...r.entries, ...r.entries.flatMap((x) => x.nested?.entries ?? [])]) {
    for (const span of [e.keySpan, e.valueSpan, e.innerSpan, e.span]) {
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeLessThanOrEqual(len);
      expect(span.start).toBeLessThanOrEqual(span.end);
    }
    expect(e.span).toEqual({ start: e.keySpan.start, end: e.valueSpan.end });
    if (e.quoted && !e.invalid) {
      expect(r.text[e.valueSpan.start]).toBe(e.quoted);
      expect(r.text[e.valueSpan.end - 1]).toBe(e.quoted);
      expect(e.innerSpan).toEqual({ start: e.valueSpan.start + 1, end: e.valueSpan.end - 1 });
    }
  }
  for (const p of r.problems) {
    expect(['error', 'warning', 'info']).toContain(p.severity);
    expect(p.message).toMatch(/^\S.*[.?]$/s);
    expect(p.span.start).toBeGreaterThanOrEqual(0);
    expect(p.span.end).toBeLessThanOrEqual(len);
  }
  const starts = r.problems.map((p) => p.span.start);
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
}

describe('grammar table (tests/fixtures/connstr/grammar.json)', () => {
  test.each(grammarCases())('$name', (c) => {
    const r = parse(c.input);
    expect(pairsOf(r)).toEqual(c.entries);
    expect(codes(r.problems)).toEqual(c.problems);
    if (c.effective) expect(effectivePairs(r).map((p) => [p.key, p.value])).toEqual(c.effective);
    expect(r.entries.flatMap((e, i) => (e.invalid ? [i] : []))).toEqual(c.invalid ?? []);
    assertWellFormed(r);
  });
});

describe('vendor example strings (seeds and grammar doc §4)', () => {
  test.each(exampleCases())('$name ($source)', (c) => {
    const r = parseAny(c.input);
    expect(r.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(pairsOf(r)).toEqual(c.entries);
    for (const [index, inner] of Object.entries(c.nested ?? {})) {
      const entry = r.entries[Number(index)]!;
      expect(entry.nested?.entries.map((e) => [e.key, e.value])).toEqual(inner);
      // Inner spans point into the outer text.
      for (const e of entry.nested!.entries) expect(slice(r.text, e.span)).toBe(`${e.key}=${e.value}`);
    }
    if (!c.nested) expect(r.entries.some((e) => e.nested)).toBe(false);
    assertWellFormed(r);
  });
});

describe('spans', () => {
  test('key, value, inner and pair spans', () => {
    const text = ` Key Name ==x = 'a;''b' ;Z=1`;
    const [e, z] = parse(text).entries;
    expect(e!.key).toBe('Key Name =x');
    expect(slice(text, e!.keySpan)).toBe('Key Name ==x');
    expect(slice(text, e!.valueSpan)).toBe(`'a;''b'`);
    expect(slice(text, e!.innerSpan)).toBe(`a;''b`);
    expect(e!.value).toBe(`a;'b`);
    expect(slice(text, e!.span)).toBe(`Key Name ==x = 'a;''b'`);
    expect(slice(text, z!.span)).toBe('Z=1');
  });

  test('a null value has an empty span right after =', () => {
    const text = 'A=  ;B=1';
    const a = parse(text).entries[0]!;
    expect(a.value).toBeNull();
    expect(a.valueSpan).toEqual({ start: 2, end: 2 });
  });

  test('nested spans are mapped through doubled outer quotes', () => {
    const text = `Profile=x;ProfileSettings="A=""q;1"";B='it''s'" ;C=2`;
    const r = parse(text);
    const ps = r.entries[1]!;
    expect(ps.value).toBe(`A="q;1";B='it''s'`);
    const [a, b] = ps.nested!.entries;
    expect([a!.key, a!.value, b!.key, b!.value]).toEqual(['A', 'q;1', 'B', "it's"]);
    expect(slice(text, a!.span)).toBe('A=""q;1""');
    expect(slice(text, a!.innerSpan)).toBe('q;1');
    expect(slice(text, b!.valueSpan)).toBe(`'it''s'`);
    expect(ps.nested!.within).toEqual(ps.innerSpan);
    expect(ps.nested!.quote).toBe('"');
    expect(ps.nested!.decoded).toBe(ps.value);
    expect(r.entries[2]!.key).toBe('C');
  });

  test('nested problems appear at both levels with outer spans and a prefix', () => {
    const text = `ProfileSettings='APIKey=k;Region'`;
    const r = parse(text);
    const inner = r.entries[0]!.nested!;
    expect(codes(inner.problems)).toEqual(['missing-equals']);
    expect(r.problems).toEqual(inner.problems);
    const p = r.problems[0]!;
    expect(slice(text, p.span)).toBe('Region');
    expect(p.level).toBe('profileSettings');
    expect(p.message).toBe('In ProfileSettings: "Region" has no "=" after it; add "=" and a value, or remove it.');
  });

  // A fix found inside the nested list goes into the outer text the way every nested edit does (placeEdits):
  // escaped for a quoted outer value, and a bare outer value quoted around it.
  test.each([
    [`ProfileSettings='APIKey=ab"'`, 'ab"'],
    [`ProfileSettings="APIKey=ab'"`, "ab'"],
    [`ProfileSettings=APIKey="ab`, 'ab'],
  ])('a nested fix in %s keeps the value and reads back cleanly', (text, value) => {
    const problem = parse(text).problems.find((p) => p.level === 'profileSettings' && p.fix);
    expect(problem?.message).toMatch(/^In ProfileSettings: /);
    const fixed = parse(applyEdits(text, problem!.fix!.edits));
    expect(fixed.problems).toEqual([]);
    expect(fixed.entries[0]!.nested!.entries.map((e) => [e.key, e.value])).toEqual([['APIKey', value]]);
  });

  test('ProfileSettings is matched ignoring case; other keys are not nested unless asked', () => {
    expect(parse(`profilesettings='A=1'`).entries[0]!.nested?.entries).toHaveLength(1);
    expect(parse(`PseudoColumns='T=C'`).entries[0]!.nested).toBeUndefined();
    expect(parse(`PseudoColumns='T=C'`, { nestedKeys: ['PseudoColumns'] }).entries[0]!.nested?.entries[0]!.key).toBe('T');
  });

  test('a nested list inside a nested list is not parsed again', () => {
    const r = parse(`ProfileSettings="ProfileSettings='A=1'"`);
    expect(r.entries[0]!.nested!.entries[0]!.nested).toBeUndefined();
  });
});

describe('JDBC prefixes', () => {
  test.each([
    ['jdbc:api:', 'jdbc:api:Profile=C:\\p\\X.apip;User=u'],
    ['jdbc:cdata:api:', 'jdbc:cdata:api:Profile=C:\\p\\X.apip;User=u'],
    ['JDBC:API:', 'JDBC:API:Profile=C:\\p\\X.apip;User=u'],
  ])('%s is stripped, spans stay in the full text', (prefix, text) => {
    const r = parseAny(text);
    expect(r.prefix).toEqual({ text: prefix, span: { start: 0, end: prefix.length } });
    expect(pairsOf(r)).toEqual([
      ['Profile', 'C:\\p\\X.apip'],
      ['User', 'u'],
    ]);
    expect(slice(text, r.entries[0]!.keySpan)).toBe('Profile');
    expect(r.text).toBe(text);
  });

  test('leading whitespace before the prefix', () => {
    const r = parseAny('  jdbc:api:A=1');
    expect(r.prefix).toEqual({ text: 'jdbc:api:', span: { start: 2, end: 11 } });
    expect(r.entries[0]!.keySpan).toEqual({ start: 11, end: 12 });
  });

  test('parse() alone does not strip it', () => {
    expect(parse('jdbc:api:A=1').entries[0]!.key).toBe('jdbc:api:A');
    expect(parseAny('A=1').prefix).toBeUndefined();
  });
});

describe('exact messages', () => {
  const message = (input: string, code: string) => parse(input).problems.find((p) => p.code === code)?.message;

  test.each([
    ['A=1;B', 'missing-equals', '"B" has no "=" after it; add "=" and a value, or remove it.'],
    ['=B', 'empty-key', 'A "=" appears where a property name was expected; write the name before it, or remove it.'],
    [
      "Password='abc",
      'unterminated-quote',
      `The value of "Password" opens a ' quote that is never closed; add the closing ' (write '' for a ' inside the value).`,
    ],
    [
      "A=''B",
      'text-after-quote',
      `Text follows the closing quote of the value of "A"; move it inside the quotes (doubling any ' in it) or put ";" before it.`,
    ],
    [
      "A=B'",
      'unquoted-value-ends-with-quote',
      `The unquoted value of "A" ends with a quote character, which the driver rejects; quote the whole value (doubling that quote if needed).`,
    ],
    ['A=x\u0001', 'control-character', 'The control character U+0001 is not allowed in an unquoted value; remove it, or quote the value of "A".'],
    ['A=1;a=2', 'duplicate-key', '"a" is set more than once and the last value wins; remove the earlier one.'],
    ['A=', 'null-value', `"A=" has no value, so the driver ignores it; add a value, or write A='' for an empty string.`],
    ['A=1;A=', 'null-value', '"A=" has no value, so it removes the earlier "A"; delete both, or give it a value.'],
    ["A='x\u0000'", 'nul-in-value', 'The value of "A" contains a NUL character (U+0000), which no quoting allows; remove it.'],
  ])('%j → %s', (input, code, expected) => {
    expect(message(input, code)).toBe(expected);
  });

  test('long keys are shortened in messages', () => {
    const key = 'K'.repeat(500);
    expect(message(key, 'missing-equals')!.length).toBeLessThan(120);
  });
});

describe('problem details', () => {
  test('a duplicate points at both occurrences', () => {
    const text = 'User=a;Password=p;user=b';
    const p = parse(text).problems.find((x) => x.code === 'duplicate-key')!;
    expect(slice(text, p.span)).toBe('user');
    expect(p.related!.map((s) => slice(text, s))).toEqual(['User']);
    expect(p.severity).toBe('warning');
  });

  test('three occurrences: each relates to the previous one only', () => {
    const r = parse('A=1;A=2;A=3');
    expect(r.problems.map((p) => p.related!.map((s) => s.start))).toEqual([[0], [4]]);
  });

  test('severities', () => {
    const r = parse("A;B=1;C=;D='x");
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([
      ['semicolon-in-key', 'warning'],
      ['null-value', 'info'],
      ['unterminated-quote', 'error'],
    ]);
  });

  test('the text-after-quote span covers the junk up to the next ;', () => {
    const text = "A='x' junk here ;B=1";
    const p = parse(text).problems[0]!;
    expect(slice(text, p.span)).toBe('junk here');
  });
});

describe('robustness', () => {
  test.each([
    '\u0000\u0000\u0000',
    "'''''",
    '"',
    '=',
    '==',
    '===',
    ';=;=;',
    "A='\u0000",
    '\ud800=\udc00',
    'A=\u0085',
    `ProfileSettings='=;''';`,
    `ProfileSettings=""""`,
    'x'.repeat(10) + "='",
  ])('never throws on %j', (input) => {
    expect(() => assertWellFormed(parse(input))).not.toThrow();
    expect(() => parseAny(input)).not.toThrow();
  });

  test('non-string input is a programming error, named (issue 13), not read as text', () => {
    expect(() => parse(undefined as unknown as string)).toThrow('parse(text): text must be a string, got undefined');
    expect(() => parse(42 as unknown as string)).toThrow('parse(text): text must be a string, got number 42');
  });
});
