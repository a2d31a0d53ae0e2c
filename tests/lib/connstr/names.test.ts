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
