import { expect, test } from 'vitest';
import { editDistance, closestName } from '../../src/lib/providers/names';
test('edit distance', () => {
  expect(editDistance('OAuthClientSecert', 'OAuthClientSecret')).toBe(2);
  expect(closestName('OAuthClientSecert', ['OAuthClientSecret', 'OAuthClientId'])).toBe('OAuthClientSecret');
});
