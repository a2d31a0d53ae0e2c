/**
 * canonicalize / canonicalPairs on the five real services: their spellings, aliases and auth methods as
 * content/ defines them. The engine's behaviour on its own is tested on the fixture service in
 * tests/lib/connstr/canonicalize.test.ts.
 */
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { canonicalPairs, canonicalize, effectivePairs, lookupProperty, parse, parseAny, validate, type Pair } from '../../../src/lib/connstr/index.ts';
import { getCatalog } from '../../../src/lib/providers/load.ts';

const services = getCatalog().services;
const service = (id: string) => {
  const found = services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id} in the catalog`);
  return found;
};

describe('canonical spelling', () => {
  test('keys take the documented spelling (any case, or an old alias); enum values their documented casing', () => {
    expect(
      canonicalize(
        `profile=C:\\p\\Intercom.apip;Auth Scheme=oauth;initiateoauth=GetAndRefresh;oauthclientid=i;OAUTHCLIENTSECRET=s;callbackurl=http://localhost:3333;firewalltype=socks4`,
        service('intercom'),
      ),
    ).toBe(
      'Profile=C:\\p\\Intercom.apip;AuthScheme=OAUTH;InitiateOAuth=GETANDREFRESH;OAuthClientId=i;OAuthClientSecret=s;CallbackURL=http://localhost:3333;FirewallType=SOCKS4',
    );
  });

  test('only enum values change: other values, booleans included, are kept as written', () => {
    expect(canonicalize('Profile=x.apip;Readonly=TRUE;User=MixedCase;Timeout= 30 ', service('aircall'))).toBe(
      'Profile=x.apip;User=MixedCase;Readonly=TRUE;Timeout=30',
    );
  });

  test('an enum value padded with spaces still maps to its documented spelling', () => {
    expect(canonicalPairs(`Profile=x;AuthScheme=" oauth "`, service('leaddesk'))).toEqual([
      ['Profile', 'x'],
      ['AuthScheme', 'OAUTH'],
    ]);
  });

  test('a value outside the allowed list is left alone (validate reports it)', () => {
    expect(canonicalPairs('AuthScheme=OAuth2', service('intercom'))).toEqual([['AuthScheme', 'OAuth2']]);
    expect(validate('AuthScheme=OAuth2', service('intercom')).filter((p) => p.property === 'AuthScheme').map((p) => p.code)).toEqual(['invalid-enum-value']);
  });

  test('ProfileSettings is canonicalized inside, and written in single quotes', () => {
    expect(canonicalize(`profilesettings="apikey=k"; Profile=C:\\p\\Intercom.apip`, service('intercom'))).toBe(
      "Profile=C:\\p\\Intercom.apip;ProfileSettings='APIKey=k'",
    );
    expect(canonicalPairs(`ProfileSettings='apikey=k;Zed=1;apikey=k2'`, service('intercom'))).toEqual([['ProfileSettings', [['APIKey', 'k2'], ['Zed', '1']]]]);
  });

  test('a ProfileSettings value with syntax errors is kept as text rather than rebuilt', () => {
    expect(canonicalPairs(`ProfileSettings='apikey=k;Region'`, service('intercom'))).toEqual([['ProfileSettings', 'apikey=k;Region']]);
  });
});

describe('duplicates and removals (builder semantics)', () => {
  test('the last value wins, under the first spelling and position; a null value removes the key', () => {
    expect(canonicalPairs('b=1;A=2;a=3;C=;c=4')).toEqual([
      ['b', '1'],
      ['A', '3'],
      ['c', '4'],
    ]);
    expect(canonicalize('Timeout=5;Logfile=x;Logfile=;User=a;user=b', service('aircall'))).toBe('User=b;Timeout=5');
  });

  test('a name and its alias are one property: the later one in the text wins', () => {
    expect(canonicalPairs('Auth Scheme=NONE;AuthScheme=OAUTH', service('helpscout'))).toEqual([['AuthScheme', 'OAUTH']]);
    expect(canonicalPairs('AuthScheme=OAUTH;Auth Scheme=none', service('helpscout'))).toEqual([['AuthScheme', 'NONE']]);
  });

  test('without a service, keys keep their spelling and order', () => {
    expect(canonicalize('zeta=1;Alpha=2;ZETA=3')).toBe('zeta=3;Alpha=2');
  });

  test('a jdbc:api: prefix is read and dropped', () => {
    expect(canonicalize('jdbc:api:User=u;Profile=x.apip', service('aircall'))).toBe('Profile=x.apip;User=u');
  });
});

describe('order', () => {
  test('Profile, AuthScheme, ProfileSettings, then the method requirements and options in its order, other known properties alphabetically, unknown keys as written', () => {
    const text =
      'Zulu=1;Timeout=5;OAuthSettingsLocation=C:\\t.txt;CallbackURL=http://x;Alpha=2;OAuthClientSecret=s;Readonly=true;' +
      'ProfileSettings=\'APIKey=k\';OAuthClientId=i;InitiateOAuth=GETANDREFRESH;AuthScheme=OAUTH;FirewallType=NONE;Profile=C:\\p\\Intercom.apip';
    expect(canonicalPairs(text, service('intercom')).map(([key]) => key)).toEqual([
      'Profile',
      'AuthScheme',
      'ProfileSettings',
      // requires of the OAuth method, in its order (AuthScheme already placed)
      'InitiateOAuth',
      'OAuthClientId',
      'OAuthClientSecret',
      'CallbackURL',
      // allows
      'OAuthSettingsLocation',
      // other known properties, alphabetically
      'FirewallType',
      'Readonly',
      'Timeout',
      // unknown, in the order written
      'Zulu',
      'Alpha',
    ]);
  });

  test('without AuthScheme the implied method decides the order (AirCall: User, then Password)', () => {
    expect(canonicalize('Password=p;Timeout=1;User=u;Profile=x.apip', service('aircall'))).toBe('Profile=x.apip;User=u;Password=p;Timeout=1');
  });

  test('the chosen method changes the order (AirCall OAuth: User and Password become ordinary properties)', () => {
    expect(canonicalize('Password=p;User=u;Profile=x.apip;AuthScheme=OAUTH;OAuthClientSecret=s;OAuthClientId=i', service('aircall'))).toBe(
      'Profile=x.apip;AuthScheme=OAUTH;OAuthClientId=i;OAuthClientSecret=s;Password=p;User=u',
    );
  });

  test('the order does not depend on the order written', () => {
    const pairs: Pair[] = [
      ['Profile', 'C:\\p\\LeadDesk.apip'],
      ['AuthScheme', 'OAUTH'],
      ['InitiateOAuth', 'GETANDREFRESH'],
      ['OAuthClientId', 'i'],
      ['OAuthClientSecret', 's'],
      ['User', 'u'],
      ['Password', 'p'],
      ['Timeout', '5'],
    ];
    const expected = canonicalize(pairs.map(([k, v]) => `${k}=${v as string}`).join(';'), service('leaddesk'));
    for (let shift = 1; shift < pairs.length; shift++) {
      const rotated = [...pairs.slice(shift), ...pairs.slice(0, shift)];
      expect(canonicalize(rotated.map(([k, v]) => `${k}=${v as string}`).join(';'), service('leaddesk'))).toBe(expected);
    }
  });
});

describe('properties', () => {
  const tokenText = fc
    .array(
      fc.constantFrom(
        'Profile', 'profile', 'ProfileSettings', 'APIKey', 'apikey', 'AuthScheme', 'Auth Scheme', 'oauth', 'None', 'BASIC',
        'InitiateOAuth', 'getandrefresh', 'OAuthClientId', 'OAuthClientSecret', 'CallbackURL', 'Timeout', 'User', 'Foo',
        'x.apip', '=', ';', "'", '"', ' ', 'a', '1', "ProfileSettings='", "'apikey=1;Foo=2'",
      ),
      { maxLength: 20 },
    )
    .map((tokens) => tokens.join(''));
  const cleanText = tokenText.filter((t) => !parseAny(t).problems.some((p) => p.severity === 'error'));
  const serviceId = fc.constantFrom(...services.map((s) => s.id));

  propTest.prop([cleanText, serviceId], { numRuns: 1500 })('canonicalize is idempotent', (text, id) => {
    const once = canonicalize(text, service(id));
    expect(canonicalize(once, service(id))).toBe(once);
  });

  propTest.prop([cleanText, serviceId], { numRuns: 1500 })(
    'the canonical form means the same settings and draws no spelling notes',
    (text, id) => {
      const s = service(id);
      const once = canonicalize(text, s);
      // Property → value in effect, a name and its alias being one property (the later one in the text wins).
      const fold = (t: string) => {
        const settings = new Map<string, string>();
        const pairs = effectivePairs(parse(t)).sort((a, b) => a.entry.span.start - b.entry.span.start);
        for (const p of pairs) {
          const name = lookupProperty(s, p.key)?.property.name ?? p.key;
          settings.set(name.toLowerCase(), p.entry.nested ? '(nested)' : p.value.trim().toLowerCase());
        }
        return [...settings].sort();
      };
      expect(fold(once)).toEqual(fold(text));
      const notes = validate(once, s).filter((p) => p.code === 'noncanonical-name' || p.code === 'enum-casing');
      expect(notes).toEqual([]);
    },
  );
});
