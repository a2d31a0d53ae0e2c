/**
 * canonicalize / canonicalPairs: documented spellings, duplicates resolved, a stable order, meaning kept. Runs on
 * the `acme` fixture service (tests/support/acme.ts) and inline variations of it, never on content/; the same
 * checks on the real services are in tests/content/canonicalize.test.ts.
 */
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { canonicalPairs, canonicalize, effectivePairs, lookupProperty, parse, parseAny, validate, type Pair } from '../../../src/lib/connstr/index.ts';
import type { ServiceRules } from '../../../src/lib/connstr/index.ts';
import { acmeRules } from '../../support/acme.ts';

const s = acmeRules();
/** acme with its user-and-password method as the one a string without AuthScheme selects. */
const basicImplied: ServiceRules = { ...s, authMethods: s.authMethods.map((m) => ({ ...m, impliedWithoutAuthScheme: m.id === 'basic' })) };

describe('canonical spelling', () => {
  test('keys take the documented spelling (any case, or an old alias); enum values their documented casing', () => {
    expect(
      canonicalize(
        `profile=C:\\p\\AcmeLedger.apip;Auth Scheme=oauth;initiateoauth=GetAndRefresh;oauthclientid=i;OAUTHCLIENTSECRET=s;callbackurl=http://localhost:3333;firewalltype=socks4`,
        s,
      ),
    ).toBe(
      'Profile=C:\\p\\AcmeLedger.apip;AuthScheme=OAUTH;InitiateOAuth=GETANDREFRESH;OAuthClientId=i;OAuthClientSecret=s;CallbackURL=http://localhost:3333;FirewallType=SOCKS4',
    );
  });

  test('only enum values change: other values, booleans included, are kept as written', () => {
    expect(canonicalize('Profile=x.apip;AuthScheme=basic;Readonly=TRUE;User=MixedCase;Timeout= 30 ', s)).toBe(
      'Profile=x.apip;AuthScheme=BASIC;User=MixedCase;Timeout=30;Readonly=TRUE',
    );
  });

  test('an enum value padded with spaces still maps to its documented spelling', () => {
    expect(canonicalPairs(`Profile=x;AuthScheme=" oauth "`, s)).toEqual([
      ['Profile', 'x'],
      ['AuthScheme', 'OAUTH'],
    ]);
  });

  test('a value outside the allowed list is left alone (validate reports it)', () => {
    expect(canonicalPairs('AuthScheme=OAuth2', s)).toEqual([['AuthScheme', 'OAuth2']]);
    expect(validate('AuthScheme=OAuth2', s).filter((p) => p.property === 'AuthScheme').map((p) => p.code)).toEqual(['invalid-enum-value']);
  });

  test('ProfileSettings is canonicalized inside, and written in single quotes', () => {
    expect(canonicalize(`profilesettings="apikey=k"; Profile=C:\\p\\AcmeLedger.apip`, s)).toBe(
      "Profile=C:\\p\\AcmeLedger.apip;ProfileSettings='APIKey=k'",
    );
    expect(canonicalPairs(`ProfileSettings='apikey=k;Zed=1;apikey=k2'`, s)).toEqual([['ProfileSettings', [['APIKey', 'k2'], ['Zed', '1']]]]);
  });

  test('a ProfileSettings value with syntax errors is kept as text rather than rebuilt', () => {
    expect(canonicalPairs(`ProfileSettings='apikey=k;Region'`, s)).toEqual([['ProfileSettings', 'apikey=k;Region']]);
  });
});

describe('duplicates and removals (builder semantics)', () => {
  test('the last value wins, under the first spelling and position; a null value removes the key', () => {
    expect(canonicalPairs('b=1;A=2;a=3;C=;c=4')).toEqual([
      ['b', '1'],
      ['A', '3'],
      ['c', '4'],
    ]);
    expect(canonicalize('Timeout=5;Logfile=x;Logfile=;User=a;user=b', s)).toBe('Timeout=5;User=b');
    expect(canonicalize('Timeout=5;Logfile=x;Logfile=;User=a;user=b', basicImplied)).toBe('User=b;Timeout=5');
  });

  test('a name and its alias are one property: the later one in the text wins', () => {
    expect(canonicalPairs('Auth Scheme=NONE;AuthScheme=OAUTH', s)).toEqual([['AuthScheme', 'OAUTH']]);
    expect(canonicalPairs('AuthScheme=OAUTH;Auth Scheme=none', s)).toEqual([['AuthScheme', 'NONE']]);
  });

  test('without a service, keys keep their spelling and order', () => {
    expect(canonicalize('zeta=1;Alpha=2;ZETA=3')).toBe('zeta=3;Alpha=2');
  });

  test('a jdbc:api: prefix is read and dropped', () => {
    expect(canonicalize('jdbc:api:User=u;Profile=x.apip', s)).toBe('Profile=x.apip;User=u');
  });
});

describe('order', () => {
  test('Profile, AuthScheme, ProfileSettings, then the method requirements and options in its order, other known properties alphabetically, unknown keys as written', () => {
    const text =
      'Zulu=1;Timeout=5;OAuthSettingsLocation=C:\\t.txt;CallbackURL=http://x;Alpha=2;OAuthClientSecret=s;Readonly=true;' +
      'ProfileSettings=\'APIKey=k\';OAuthClientId=i;InitiateOAuth=GETANDREFRESH;AuthScheme=OAUTH;FirewallType=NONE;Profile=C:\\p\\AcmeLedger.apip';
    expect(canonicalPairs(text, s).map(([key]) => key)).toEqual([
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

  test('without AuthScheme the implied method decides the order (user and password implied: User, then Password)', () => {
    expect(canonicalize('Password=p;Timeout=1;User=u;Profile=x.apip', basicImplied)).toBe('Profile=x.apip;User=u;Password=p;Timeout=1');
    // acme's implied method (token) has no top-level fields: the same keys fall back to alphabetical.
    expect(canonicalize('Password=p;Timeout=1;User=u;Profile=x.apip', s)).toBe('Profile=x.apip;Password=p;Timeout=1;User=u');
  });

  test('the chosen method changes the order (OAuth: User and Password become ordinary properties)', () => {
    expect(canonicalize('Password=p;User=u;Profile=x.apip;AuthScheme=BASIC;Timeout=3', s)).toBe('Profile=x.apip;AuthScheme=BASIC;User=u;Password=p;Timeout=3');
    expect(canonicalize('Password=p;User=u;Profile=x.apip;AuthScheme=OAUTH;OAuthClientSecret=s;OAuthClientId=i', basicImplied)).toBe(
      'Profile=x.apip;AuthScheme=OAUTH;OAuthClientId=i;OAuthClientSecret=s;Password=p;User=u',
    );
  });

  test('the order does not depend on the order written', () => {
    const pairs: Pair[] = [
      ['Profile', 'C:\\p\\AcmeLedger.apip'],
      ['AuthScheme', 'OAUTH'],
      ['InitiateOAuth', 'GETANDREFRESH'],
      ['OAuthClientId', 'i'],
      ['OAuthClientSecret', 's'],
      ['User', 'u'],
      ['Password', 'p'],
      ['Timeout', '5'],
    ];
    const expected = canonicalize(pairs.map(([k, v]) => `${k}=${v as string}`).join(';'), s);
    for (let shift = 1; shift < pairs.length; shift++) {
      const rotated = [...pairs.slice(shift), ...pairs.slice(0, shift)];
      expect(canonicalize(rotated.map(([k, v]) => `${k}=${v as string}`).join(';'), s)).toBe(expected);
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
  // acme and a variation, so the order rules of both an implied ProfileSettings method and a top-level one are hit.
  const variants: Record<string, ServiceRules> = { acme: s, basicImplied };
  const serviceId = fc.constantFrom(...Object.keys(variants));
  const service = (id: string) => variants[id]!;

  propTest.prop([cleanText, serviceId], { numRuns: 1500 })('canonicalize is idempotent', (text, id) => {
    const once = canonicalize(text, service(id));
    expect(canonicalize(once, service(id))).toBe(once);
  });

  propTest.prop([cleanText, serviceId], { numRuns: 1500 })(
    'the canonical form means the same settings and draws no spelling notes',
    (text, id) => {
      const svc = service(id);
      const once = canonicalize(text, svc);
      // Property → value in effect, a name and its alias being one property (the later one in the text wins).
      const fold = (t: string) => {
        const settings = new Map<string, string>();
        const pairs = effectivePairs(parse(t)).sort((a, b) => a.entry.span.start - b.entry.span.start);
        for (const p of pairs) {
          const name = lookupProperty(svc, p.key)?.property.name ?? p.key;
          settings.set(name.toLowerCase(), p.entry.nested ? '(nested)' : p.value.trim().toLowerCase());
        }
        return [...settings].sort();
      };
      expect(fold(once)).toEqual(fold(text));
      const notes = validate(once, svc).filter((p) => p.code === 'noncanonical-name' || p.code === 'enum-casing');
      expect(notes).toEqual([]);
    },
  );
});
