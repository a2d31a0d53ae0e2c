/** How the real services sign in, as the finder and the pages classify them from the data. */
import { expect, test } from 'vitest';
import { getCatalog } from '../../src/lib/providers/load.ts';
import { serviceAuthKinds } from '../../src/lib/site/auth-kinds.ts';

test.each([
  ['aircall', ['oauth', 'basic']],
  ['helpscout', ['token', 'oauth']],
  ['infusionsoft', ['oauth']],
  ['intercom', ['token', 'oauth']],
  ['leaddesk', ['oauth']],
])('%s signs in with %j', (id, kinds) => {
  const service = getCatalog().services.find((s) => s.id === id)!;
  expect(serviceAuthKinds(service)).toEqual(kinds);
});

test('every real service signs in some way the finder offers', () => {
  for (const service of getCatalog().services) expect(serviceAuthKinds(service).length, service.id).toBeGreaterThan(0);
});
