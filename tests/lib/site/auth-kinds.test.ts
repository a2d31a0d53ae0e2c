/** Sign-in kinds come from each method's data (AuthScheme values, required properties), never from a list per service. */
import { describe, expect, test } from 'vitest';
import { authKindCounts, methodAuthKind, serviceAuthKinds, serviceIndex } from '../../../src/lib/site/auth-kinds.ts';
import type { ResolvedService } from '../../../src/lib/providers/catalog.ts';
import type { AuthMethod } from '../../../src/lib/providers/schema.ts';
import { acme } from '../../support/acme.ts';

const service = acme();
const method = (id: string) => service.authMethods.find((m) => m.id === id)!;
/** The acme service with one method changed: a shape another service of the family has. */
const withMethod = (changes: Partial<AuthMethod>): [ResolvedService, AuthMethod] => {
  const changed = { ...method('token'), ...changes };
  return [{ ...service, authMethods: [changed] }, changed];
};
const requires = (...names: string[]) => names.map((property) => ({ property, valueRule: 'required' as const, unlessSet: [], source: 'x' }));

describe('methodAuthKind', () => {
  test('the acme fixture: an API key, OAuth, and BASIC with User and Password', () => {
    expect(methodAuthKind(service, method('token'))).toBe('token');
    expect(methodAuthKind(service, method('oauth'))).toBe('oauth');
    expect(methodAuthKind(service, method('basic'))).toBe('basic');
  });

  test.each<[string, Partial<AuthMethod>, string | undefined]>([
    ['an OAuth AuthScheme in any case', { authSchemes: ['OAuth'], requires: requires('APIKey') }, 'oauth'],
    ['a required OAuth property without an AuthScheme', { authSchemes: [], requires: requires('OAuthClientId') }, 'oauth'],
    ['an OAuth grant that also takes a user name and password (LeadDesk)', { authSchemes: ['OAUTH'], requires: requires('OAuthClientId', 'User', 'Password') }, 'oauth'],
    ['User and Password without an AuthScheme', { authSchemes: [], requires: requires('User', 'Password') }, 'basic'],
    ['BASIC whatever the credential is called (Aircall: an API id and token)', { authSchemes: ['Basic'], requires: requires('User', 'APIKey') }, 'basic'],
    ['a token selected with AuthScheme=APIKey (Discord)', { authSchemes: ['APIKey'], requires: requires('APIKey') }, 'token'],
    ['a key beside a non-secret account id', { authSchemes: [], requires: requires('APIKey', 'Region') }, 'token'],
    ['no secret at all', { authSchemes: [], requires: requires('Region') }, undefined],
  ])('%s', (_, changes, kind) => {
    const [changed, m] = withMethod(changes);
    expect(methodAuthKind(changed, m)).toBe(kind);
  });
});

test('a service has the kinds of its methods, once each, in a fixed order', () => {
  expect(serviceAuthKinds(service)).toEqual(['token', 'oauth', 'basic']);
  const [tokenOnly] = withMethod({});
  expect(serviceAuthKinds(tokenOnly)).toEqual(['token']);
  expect(authKindCounts([service, tokenOnly, tokenOnly])).toEqual({ token: 3, oauth: 1, basic: 1 });
});

test('the index names each service as pages do, with the driver spelling when it differs', () => {
  const branded = { ...service, id: 'beta', name: 'BetaBooks', brandName: 'Beta Books' };
  expect(serviceIndex([service, branded]).services).toEqual([
    { id: 'acme', name: 'Acme Ledger', kinds: ['token', 'oauth', 'basic'] },
    { id: 'beta', name: 'Beta Books', also: 'BetaBooks', kinds: ['token', 'oauth', 'basic'] },
  ]);
});
