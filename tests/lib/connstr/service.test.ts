/**
 * selectMethod: the one answer to "which auth method does this string select", on the `acme` fixture service
 * (token is its method without AuthScheme; "Auth Scheme" is an old alias of AuthScheme).
 */
import { describe, expect, test } from 'vitest';
import { canonicalize, parse, selectMethod, validate } from '../../../src/lib/connstr/index.ts';
import { acmeRules } from '../../support/acme.ts';

const s = acmeRules();

describe('selectMethod', () => {
  const cases: { text: string; method: string | undefined; scheme?: string }[] = [
    { text: 'Profile=p.apip', method: 'token' },
    { text: 'AuthScheme=OAUTH', method: 'oauth', scheme: 'OAUTH' },
    { text: 'authscheme= basic ', method: 'basic', scheme: 'basic' },
    { text: 'Auth Scheme=OAuth', method: 'oauth', scheme: 'OAuth' },
    // Two spellings of one property: the later in the text is the one the driver keeps.
    { text: 'Auth Scheme=OAUTH;AuthScheme=BASIC', method: 'basic', scheme: 'BASIC' },
    { text: 'AuthScheme=BASIC;Auth Scheme=OAUTH', method: 'oauth', scheme: 'OAUTH' },
    // Last wins, and `key=` removes it: the default method again.
    { text: 'AuthScheme=OAUTH;authscheme=BASIC', method: 'basic', scheme: 'BASIC' },
    { text: 'AuthScheme=OAUTH;AuthScheme=', method: 'token' },
    // A value no method documents selects nothing (no fallback to the default).
    { text: 'AuthScheme=NTLM', method: undefined, scheme: 'NTLM' },
    // Inside ProfileSettings the driver does not read it.
    { text: "ProfileSettings='AuthScheme=OAUTH'", method: 'token' },
  ];
  test.each(cases)('$text → $method', ({ text, method, scheme }) => {
    const selected = selectMethod(s, text);
    expect(selected.method?.id).toBe(method);
    expect(selected.authScheme?.value).toBe(scheme);
    // A parse result reads the same as its text.
    expect(selectMethod(s, parse(text)).method?.id).toBe(method);
  });

  test('validate and canonicalize follow the same selection', () => {
    // Canonical order puts the selected method's required properties first: basic's User before Password.
    expect(canonicalize('Password=p;Auth Scheme=OAUTH;AuthScheme=BASIC;User=u;Profile=p.apip', s)).toMatch(/^Profile=p\.apip;AuthScheme=BASIC;User=u;Password=p/);
    const codes = validate('Profile=C:\\p\\AcmeLedger.apip;Auth Scheme=OAUTH;AuthScheme=BASIC', s).filter((p) => p.code === 'missing-required').map((p) => p.property);
    expect(codes).toEqual(expect.arrayContaining(['User']));
    expect(codes).not.toContain('OAuthClientId');
  });

  test('a wrong argument is a TypeError that names it', () => {
    expect(() => selectMethod(s, 42 as unknown as string)).toThrow(/selectMethod\(service, input\): input must be/);
    expect(() => selectMethod(null as never, 'a=b')).toThrow(/selectMethod\(service, input\): service must be/);
  });
});

describe('a method selected by the credential the string sets', () => {
  // The acme variant of a service whose two methods differ only in the credential (no AuthScheme in either).
  const byCredential = {
    ...s,
    authMethods: s.authMethods.map((m) =>
      m.id === 'basic' ? { ...m, authSchemes: [], requires: m.requires.filter((r) => r.property !== 'AuthScheme'), impliedWhenSet: ['Password'] } : m,
    ),
  };
  test.each([
    ['Profile=p.apip;User=u;Password=p', 'basic'],
    ["Profile=p.apip;ProfileSettings='APIKey=k'", 'token'],
    ['Profile=p.apip;User=u;Password=', 'token'],
    ['Profile=p.apip;User=u;Password=  ', 'token'],
    // An AuthScheme still decides first.
    ['Profile=p.apip;AuthScheme=OAUTH;Password=p', 'oauth'],
  ])('%s → %s', (text, method) => {
    expect(selectMethod(byCredential, text).method?.id).toBe(method);
  });

  test('validate and canonicalize follow it: the password method asks for its User, not for an APIKey', () => {
    const problems = validate('Profile=C:\\p\\AcmeLedger.apip;Password=p', byCredential).filter((p) => p.code === 'missing-required');
    expect(problems.map((p) => p.property)).toEqual(['User']);
    expect(canonicalize('Password=p;User=u;Profile=p.apip', byCredential)).toBe('Profile=p.apip;User=u;Password=p');
  });
});

