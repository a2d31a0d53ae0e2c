/**
 * canonicalize / canonicalPairs on the five real services: their spellings, aliases and auth methods as
 * content/ defines them. The engine's behaviour on its own is tested on the fixture service in
 * tests/lib/connstr/canonicalize.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { canonicalize } from '../../src/lib/connstr/index.ts';
import { getCatalog } from '../../src/lib/providers/load.ts';
import { serviceRules } from '../../src/lib/providers/rules.ts';

const services = getCatalog().services;
const service = (id: string) => {
  const found = services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id} in the catalog`);
  return serviceRules(found);
};

describe('order', () => {
  test('without AuthScheme the implied method decides the order (AirCall: User, then Password)', () => {
    expect(canonicalize('Password=p;Timeout=1;User=u;Profile=x.apip', service('aircall'))).toBe('Profile=x.apip;User=u;Password=p;Timeout=1');
  });

  test('the chosen method changes the order (AirCall OAuth: User and Password become ordinary properties)', () => {
    expect(canonicalize('Password=p;User=u;Profile=x.apip;AuthScheme=OAUTH;OAuthClientSecret=s;OAuthClientId=i', service('aircall'))).toBe(
      'Profile=x.apip;AuthScheme=OAUTH;OAuthClientId=i;OAuthClientSecret=s;Password=p;User=u',
    );
  });
});
