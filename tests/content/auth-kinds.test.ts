/** How the real services sign in, as the finder and the pages classify them from the data. */
import { expect, test } from 'vitest';
import { getCatalog } from '../../src/lib/providers/load.ts';
import { serviceAuthKinds } from '../../src/lib/site/auth-kinds.ts';

/** How each real service signs in, reviewed by hand against its methods: a new service gets a row. */
const expected: [id: string, kinds: string[]][] = [
  ['aftership', ['token']],
  ['aircall', ['oauth', 'basic']],
  ['avaza', ['oauth']],
  ['closeio', ['token']],
  ['codat', ['token']],
  // The bot token is an APIKEY method beside OAuth.
  ['discord', ['token', 'oauth']],
  ['dotmailer', ['basic']],
  ['drift', ['oauth']],
  ['elorus', ['token']],
  ['everhour', ['token']],
  ['freeehr', ['oauth']],
  ['harvest', ['token', 'oauth']],
  ['helpscout', ['token', 'oauth']],
  ['humanity', ['oauth']],
  // Its credentials are an application's user name and password, inside ProfileSettings.
  ['icontact', ['basic']],
  ['infusionsoft', ['oauth']],
  ['intercom', ['token', 'oauth']],
  ['jotform', ['token']],
  // Two methods told apart by the credential: an API key or a password.
  ['kairos3', ['token', 'basic']],
  ['leaddesk', ['oauth']],
  ['smarthr', ['token']],
  ['zoom', ['oauth']],
];

test.each(expected)('%s signs in with %j', (id, kinds) => {
  const service = getCatalog().services.find((s) => s.id === id)!;
  expect(serviceAuthKinds(service)).toEqual(kinds);
});

test('the table above covers every real service', () => {
  expect(expected.map(([id]) => id).sort()).toEqual(getCatalog().services.map((s) => s.id).sort());
});

test('every real service signs in some way the finder offers', () => {
  for (const service of getCatalog().services) expect(serviceAuthKinds(service).length, service.id).toBeGreaterThan(0);
});
