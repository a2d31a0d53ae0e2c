import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { closestName, editDistance } from '../../../src/lib/connstr/names.ts';

describe('editDistance', () => {
  test.each([
    ['OAuthClientSecert', 'OAuthClientSecret', 2],
    ['authscheme', 'AuthScheme', 0],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('%s ~ %s = %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));
});

describe('closestName', () => {
  const names = ['OAuthClientSecret', 'OAuthClientId', 'CallbackURL', 'APIKey', 'User'];
  test.each([
    ['OAuthClientSecert', 'OAuthClientSecret'],
    ['callbackurl', 'CallbackURL'],
    ['ApiKy', 'APIKey'],
    ['Usr', 'User'],
  ])('%s → %s', (typo, expected) => expect(closestName(typo, names)).toBe(expected));
  test('nothing plausible gives undefined', () => {
    expect(closestName('Timeout', names)).toBeUndefined();
    expect(closestName('x', [])).toBeUndefined();
  });
});

/** The textbook Levenshtein distance (full table), the reference the banded, early-stopping one must agree with. */
function reference(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const table = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) table[i]![j] = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
  }
  return table[s.length]![t.length]!;
}

describe('the bounded distance agrees with the textbook one', () => {
  // Few letters, so random strings are often close enough to be suggested.
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'd'), maxLength: 12 });
  test('editDistance', () => {
    fc.assert(fc.property(word, word, (a, b) => editDistance(a, b) === reference(a, b)));
  });
  test('closestName picks the first candidate at the smallest distance within a third of the longer name', () => {
    const expected = (name: string, candidates: string[]) => {
      let best: string | undefined;
      let bestDistance = Infinity;
      for (const c of candidates) {
        const d = reference(name, c);
        if (d <= Math.max(1, Math.floor(Math.max(name.length, c.length) / 3)) && d < bestDistance) [best, bestDistance] = [c, d];
      }
      return best;
    };
    fc.assert(fc.property(word, fc.array(word, { maxLength: 8 }), (name, candidates) => closestName(name, candidates) === expected(name, candidates)), { numRuns: 2000 });
  });
});
