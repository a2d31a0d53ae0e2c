/** Finding connection strings in text, .env and JSON inputs, with positions back into the file. */
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { findStrings, kindOf, lineIndex, rewrite, type InputKind } from '../../src/cli/sources';

const all = () => true;

describe('kindOf', () => {
  test.each([
    ['.env', 'env'],
    ['config/.env.production', 'env'],
    ['staging.env', 'env'],
    ['appsettings.json', 'json'],
    ['C:\\app\\appsettings.Development.json', 'json'],
    ['connections.txt', 'text'],
    ['strings', 'text'],
  ])('%s is %s', (path, kind) => expect(kindOf(path)).toBe(kind));
});

describe('lineIndex', () => {
  test.each([
    [0, 1, 1],
    [2, 1, 3],
    [3, 2, 1],
    [6, 3, 1],
  ])('offset %i is line %i, column %i of "ab\\ncd\\nef"', (offset, line, column) => {
    expect(lineIndex('ab\ncd\nef')(offset)).toEqual({ line, column });
  });
});

describe('findStrings', () => {
  test('text: one string a line; blank lines and # comments skipped; surrounding spaces ignored', () => {
    const found = findStrings('# note\n\n  A=1;B=2  \r\nC=3\n', 'text', all);
    expect(found.map((f) => f.value)).toEqual(['A=1;B=2', 'C=3']);
    expect(found[0]!.offsets[0]).toBe(10);
  });

  test('.env: export, quotes, escapes and trailing comments; only the variables the test accepts', () => {
    const text = [
      'export A="x=\\"1\\";y=\\\\2"',
      "B='p=a\\b' # single quotes keep backslashes",
      'C=plain=1;two=2 # comment',
      '# D=commented out',
      'E=no',
    ].join('\n');
    const found = findStrings(text, 'env', (v) => v.includes('='));
    expect(found.map((f) => [f.label, f.value])).toEqual([
      ['A', 'x="1";y=\\2'],
      ['B', 'p=a\\b'],
      ['C', 'plain=1;two=2'],
    ]);
    // Offsets land on the characters as written: `\"` in the file is the `"` of the value.
    const a = found[0]!;
    expect(text[a.offsets[2]!]).toBe('\\');
    expect(text[a.offsets[3]!]).toBe('1');
  });

  test('.env: an unclosed quote is an error naming the line and variable', () => {
    expect(() => findStrings('OK=1\nBAD="a=1', 'env', all)).toThrow('line 2: the value of BAD opens a " quote that is never closed');
  });

  test('JSON: every string under ConnectionStrings, and elsewhere only those the test accepts', () => {
    const text = JSON.stringify({ ConnectionStrings: { a: 'x', b: 'y=1' }, Nested: { list: ['Profile=p', 'hello'] }, n: 1, t: true, z: null });
    const found = findStrings(text, 'json', (v) => v.startsWith('Profile='));
    expect(found.map((f) => [f.label, f.value])).toEqual([
      ['ConnectionStrings.a', 'x'],
      ['ConnectionStrings.b', 'y=1'],
      ['Nested.list.0', 'Profile=p'],
    ]);
  });

  test('JSON: a file that is not JSON is an error saying so', () => {
    expect(() => findStrings('{"a": 1,}', 'json', all)).toThrow(/^not valid JSON \(/);
  });
});

// Any value survives being written into a file and read back, in every notation.
const oneLine = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !/[\r\n]/.test(s));
const cases: [InputKind, string, fc.Arbitrary<string>][] = [
  ['env', 'A=placeholder\nB="x"\n', oneLine],
  ['json', '{"ConnectionStrings": {"A": "placeholder"}, "B": "x"}', fc.string({ unit: 'binary-ascii', maxLength: 40 })],
  ['text', '# c\nplaceholder\n', oneLine.map((s) => s.trim()).filter((s) => s !== '' && !s.startsWith('#'))],
];
describe.each(cases)('%s: rewrite then find gives back the value', (kind, text, values) => {
  prop.prop([values])('round trip', (value) => {
    const found = findStrings(text, kind, all);
    const target = found[0]!;
    const written = rewrite(text, found, (f) => (f === target ? value : undefined));
    const again = findStrings(written, kind, all);
    expect(again[0]!.value).toBe(value);
    expect(again.slice(1).map((f) => f.value)).toEqual(found.slice(1).map((f) => f.value));
    // Offsets grow with the value and stay inside the raw text.
    const { offsets, start, end } = again[0]!;
    expect(offsets).toHaveLength(value.length + 1);
    offsets.forEach((o, i) => i > 0 && expect(o).toBeGreaterThan(offsets[i - 1]!));
    expect(offsets[0]!).toBeGreaterThanOrEqual(start);
    expect(offsets.at(-1)!).toBeLessThanOrEqual(end);
  });
});
