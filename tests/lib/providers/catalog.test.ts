/**
 * The provider metadata: each kind of bad data is rejected with a message naming the file, the service and the
 * field (a fixture service picked up from data alone: tests/content/catalog.test.ts). The bad data are variations of the
 * acme fixture (tests/fixtures/providers/acme-content), so content edits never change these messages; what
 * the real content holds is checked in tests/content/catalog.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildCatalog, CatalogError, type ResolvedService } from '../../../src/lib/providers/catalog.ts';
import { lookupProperty } from '../../../src/lib/connstr/index.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;
const acmeContent = join(root, 'tests/fixtures/providers/acme-content');
const sharedFiles = () => ({
  'content/properties/driver.json': read(join(acmeContent, 'properties/driver.json')),
  'content/properties/profile-settings.json': read(join(acmeContent, 'properties/profile-settings.json')),
});
const acmeFile = () => read(join(acmeContent, 'services/acme.json'));
const findProperty = (service: ResolvedService, name: string) => lookupProperty(service, name)?.property;

/** Builds a catalog with one (possibly broken) acme file and returns the problems it reports. */
function problemsFor(mutate: (service: Record<string, any>) => void, file = 'content/services/acme.json'): string[] {
  const service = acmeFile();
  mutate(service);
  try {
    buildCatalog(sharedFiles(), { [file]: service });
  } catch (error) {
    if (error instanceof CatalogError) return error.problems;
    throw error;
  }
  return [];
}

describe('bad data is rejected with file, service and field', () => {
  const at = 'content/services/acme.json › service "acme"';

  test('an unknown property in an auth method, with a suggestion', () => {
    expect(problemsFor((s) => (s.authMethods[1].requires[1].property = 'OAuthClientSecert'))).toContain(
      `${at} › authMethods[1].requires[1].property: unknown property "OAuthClientSecert" (did you mean "OAuthClientSecret"?)`,
    );
  });

  test('a non-canonical spelling of a known property', () => {
    expect(problemsFor((s) => (s.authMethods[1].allows = ['oauthsettingslocation']))).toContain(
      `${at} › authMethods[1].allows[0]: write "OAuthSettingsLocation", the canonical spelling, not "oauthsettingslocation"`,
    );
  });

  test('an allowed value outside the property’s list', () => {
    expect(problemsFor((s) => s.properties[2].allowedValues.push('KERBEROS'))).toContain(
      `${at} › properties[2].allowedValues[3]: "KERBEROS" is not an allowed value of AuthScheme (allowed: BASIC, NONE, NTLM, OAUTH, OAUTH_CLIENT, APIKEY)`,
    );
  });

  test('a required value outside the list', () => {
    expect(problemsFor((s) => (s.authMethods[1].requires[1].value = 'GETANDREFESH'))).toContain(
      `${at} › authMethods[1].requires[1].value: "GETANDREFESH" is not an allowed value of InitiateOAuth (allowed: OFF, GETANDREFRESH, REFRESH)`,
    );
  });

  test('a duplicate auth method id', () => {
    expect(problemsFor((s) => (s.authMethods[1].id = 'token'))).toContain(`${at} › authMethods[1].id: duplicate auth method id "token"`);
  });

  test('a duplicate service id across files', () => {
    const service = acmeFile();
    expect(() =>
      buildCatalog(sharedFiles(), { 'content/services/acme.json': service, 'content/services/zz/acme.json': service }),
    ).toThrow(/content\/services\/zz\/acme\.json › service "acme" › id: duplicate service id, also used by content\/services\/acme\.json/);
  });

  test('a missing example', () => {
    expect(problemsFor((s) => (s.examples = s.examples.filter((e: { id: string }) => e.id !== 'oauth')))).toContain(
      `${at} › authMethods[1].example: missing example "oauth"; add it to "examples"`,
    );
  });

  test('no examples at all fails the schema', () => {
    expect(problemsFor((s) => (s.examples = []))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^content\/services\/acme\.json › service "acme" › examples: /)]),
    );
  });

  test('a field of the wrong shape', () => {
    expect(problemsFor((s) => (s.authMethods[0].audience = 'everyone'))).toEqual([
      expect.stringMatching(/^content\/services\/acme\.json › service "acme" › authMethods\[0\]\.audience: /),
    ]);
  });

  test('an unknown shared property referenced by the service', () => {
    const listed = acmeFile().properties.length;
    expect(problemsFor((s) => s.properties.push({ name: 'ApiToken' }))).toEqual([
      expect.stringContaining(`${at} › properties[${listed}].name: unknown property "ApiToken"`),
    ]);
  });

  test('a file name that does not match the id', () => {
    expect(problemsFor(() => {}, 'content/services/acmee.json')).toContain(
      'content/services/acmee.json › service "acme" › id: the id must match the file name ("acmee")',
    );
  });

  test('an AuthScheme value a method claims but the service does not list', () => {
    expect(problemsFor((s) => (s.authMethods[0].authSchemes = ['BEARER']))).toContain(
      `${at} › authMethods[0].authSchemes[0]: "BEARER" is not in this service's AuthScheme values (BASIC, NONE, OAUTH)`,
    );
  });

  test('the error message lists every problem', () => {
    const service = acmeFile();
    service.authMethods[1].requires[1].property = 'Nope';
    service.authMethods[1].id = 'token';
    expect(() => buildCatalog(sharedFiles(), { 'content/services/acme.json': service })).toThrow(
      /The provider metadata is invalid:\n {2}- .*\n {2}- /,
    );
  });
});

describe('the shapes of the family are data', () => {
  const build = (mutate: (service: Record<string, any>) => void) => {
    const service = acmeFile();
    mutate(service);
    // The shared Password's example is written at its shared (top) level; with acme the only service, and acme
    // nesting it, no service would read that example as written, so it goes here.
    const shared = sharedFiles();
    delete shared['content/properties/driver.json'].properties.find((p: { name: string }) => p.name === 'Password').example;
    return buildCatalog(shared, { 'content/services/acme.json': service }).services[0]!;
  };

  test('a shared property may have a per-service placement (a Password inside ProfileSettings for this service only)', () => {
    const service = build((s) => {
      s.properties.find((p: { name: string }) => p.name === 'Password').placement = 'profileSettings';
      s.examples.find((e: { id: string }) => e.id === 'basic').connectionString = "Profile=C:\\profiles\\AcmeLedger.apip;AuthScheme=BASIC;ProfileSettings='Password=secret';User=me";
    });
    expect(findProperty(service, 'Password')).toMatchObject({ origin: 'shared', placement: 'profileSettings', sensitive: true });
    expect(findProperty(service, 'User')).toMatchObject({ placement: 'top' });
    expect(problemsFor((s) => (s.properties.find((p: { name: string }) => p.name === 'Region').placement = 'top'))).toContain(
      `content/services/acme.json › service "acme" › properties[1].placement: a property this service defines sets its placement inside "define"`,
    );
  });

  test('a method selected by its credential must require it; a pitfall names a known property', () => {
    expect(build((s) => (s.authMethods[2].impliedWhenSet = ['Password'])).authMethods[2]!.impliedWhenSet).toEqual(['Password']);
    expect(problemsFor((s) => (s.authMethods[0].impliedWhenSet = ['Password']))).toContain(
      'content/services/acme.json › service "acme" › authMethods[0].impliedWhenSet[0]: "Password" selects this method, so the method must require it',
    );
    expect(problemsFor((s) => (s.authMethods[0].pitfalls = [{ property: 'ApiKee', text: 'A pasted prefix.', rejectedPrefix: 'Bot ' }]))).toEqual([
      'content/services/acme.json › service "acme" › authMethods[0].pitfalls[0].property: unknown property "ApiKee" (did you mean "APIKey"?)',
    ]);
  });
});
