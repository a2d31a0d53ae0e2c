/** The serializer, against .NET DbConnectionStringBuilder's quoting (tests/fixtures/connstr/serialize.json). */
import { describe, expect, test } from 'vitest';
import { InvalidKeyError, InvalidValueError, encodeKey, keyProblem, parse, quoteValue, serialize } from '../../../src/lib/connstr/index.ts';
import { serializeFixtures } from './fixtures.ts';

const fixtures = serializeFixtures();

describe('serialize table', () => {
  test.each(fixtures.serialize.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const text = serialize(c.pairs);
    expect(text).toBe(c.expected);
    // And the driver's parser reads back exactly the pairs that were written.
    const entries = parse(text).entries;
    expect(entries.map((e) => e.key)).toEqual(c.pairs.map(([k]) => k));
    c.pairs.forEach(([, value], i) => {
      if (typeof value === 'string') expect(entries[i]?.value).toBe(value);
      else expect(entries[i]?.nested?.entries.map((e) => [e.key, e.value])).toEqual(value);
    });
  });
});

describe('keys that cannot be written', () => {
  test.each(fixtures.invalidKeys.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(keyProblem(c.key)).toBe(c.reason);
    expect(() => serialize([[c.key, 'x']])).toThrow(InvalidKeyError);
    expect(() => encodeKey(c.key)).toThrow(`Cannot write the key ${JSON.stringify(c.key)}: ${c.reason}.`);
  });

  test('the error names the key and the reason', () => {
    try {
      serialize([['A', '1'], ['Bad\u0001Key', '2']]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidKeyError);
      expect((error as InvalidKeyError).key).toBe('Bad\u0001Key');
      expect((error as InvalidKeyError).reason).toMatch(/control character/);
    }
  });
});

describe('values that cannot be written', () => {
  test.each(fixtures.invalidValues.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(() => serialize(c.pairs)).toThrow(InvalidValueError);
  });
});

describe('quoting choices', () => {
  test.each([
    ['plain', 'abc', 'abc'],
    ['empty string is written as two quotes (key= would mean "unset")', '', "''"],
    ['leading space', ' a', '" a"'],
    ['trailing space', 'a ', '"a "'],
    ['inner space', 'a b', '"a b"'],
    ['semicolon', 'a;b', '"a;b"'],
    ['equals sign', 'a=b', '"a=b"'],
    ['single quote', "it's", `"it's"`],
    ['double quote', 'say "hi"', `'say "hi"'`],
    ['both quotes', `it's "x"`, `"it's ""x"""`],
    ['unicode', 'Zürich ☕', '"Zürich ☕"'],
    ['Windows path', 'C:\\profiles\\X.apip', 'C:\\profiles\\X.apip'],
    ['a leading curly quote (it would read as a pasted one)', '\u201cx\u201d', '"\u201cx\u201d"'],
    ['a curly quote inside stays bare', 'it\u2019s', 'it\u2019s'],
  ])('%s', (_name, value, quoted) => {
    expect(quoteValue(value)).toBe(quoted);
    expect(parse(`K=${quoted}`).entries[0]?.value).toBe(value);
  });
});

describe('nested ProfileSettings', () => {
  test.each([
    ['plain', [['APIKey', 'abc']], "ProfileSettings='APIKey=abc'"],
    ['two settings', [['APIKey', 'abc'], ['Region', 'eu']], "ProfileSettings='APIKey=abc;Region=eu'"],
    ['inner value with ;', [['APIKey', 'a;b']], `ProfileSettings='APIKey="a;b"'`],
    // The inner text then holds both quote kinds, so the outer layer uses .NET's "…" with " doubled (grammar §4.2).
    ['inner value with a single quote', [['APIKey', "a'b"]], `ProfileSettings="APIKey=""a'b"""`],
    ['inner value with both quotes', [['APIKey', `a'b"c`]], `ProfileSettings="APIKey=""a'b""""c"""`],
  ] as [string, [string, string][], string][])('%s round-trips through both levels', (_name, inner, expected) => {
    const text = serialize([['ProfileSettings', inner]]);
    expect(text).toBe(expected);
    const entry = parse(text).entries[0]!;
    expect(entry.nested?.entries.map((e) => [e.key, e.value])).toEqual(inner);
    expect(parse(entry.value!).entries.map((e) => [e.key, e.value])).toEqual(inner);
  });
});
