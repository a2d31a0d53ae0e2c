/**
 * Example strings are checked with the engine when the catalog is built (so during `astro build`): each kind of
 * wrong example fails with the file, the service, the example and the engine's message. (The real services'
 * examples pass the same check whenever the real catalog loads, so every content test holds them.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildCatalog, CatalogError } from '../../../src/lib/providers/catalog.ts';
import { acme } from '../../support/acme.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const read = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));
// The acme fixture (never content/), under the file name a writer would see.
const fixture = 'tests/fixtures/providers/acme-content';
const sharedFiles = () => ({
  'content/properties/driver.json': read(`${fixture}/properties/driver.json`),
  'content/properties/profile-settings.json': read(`${fixture}/properties/profile-settings.json`),
});
const file = 'content/services/acme.json';
const at = `${file} › service "acme"`;

/** acme with its token example (examples[0]) replaced. */
function problemsWithTokenExample(connectionString: string, vendorText?: string): string[] {
  const service = read(`${fixture}/services/acme.json`);
  service.examples[0].connectionString = connectionString;
  if (vendorText === undefined) delete service.examples[0].vendorText;
  else service.examples[0].vendorText = vendorText;
  try {
    buildCatalog(sharedFiles(), { [file]: service });
  } catch (error) {
    if (error instanceof CatalogError) return error.problems;
    throw error;
  }
  return [];
}

test('the fixture service: one valid example per method', () => {
  const service = acme();
  // (Their validity needs no check here: the catalog build that acme() runs fails on a wrong example.)
  expect(service.examples.map((e) => e.authMethod).sort()).toEqual(service.authMethods.map((m) => m.id).sort());
});

describe('a wrong example fails the catalog build', () => {
  const token = "Profile=C:\\profiles\\AcmeLedger.apip;ProfileSettings='APIKey=my_api_key'";

  test('the unchanged token example passes', () => {
    expect(problemsWithTokenExample(token)).toEqual([]);
  });

  test('a misspelt property, with the engine suggestion', () => {
    const problems = problemsWithTokenExample("Profile=C:\\profiles\\AcmeLedger.apip;ProfileSettings='APIKey=my_api_key';OAuthClientSecert=x");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${at} › examples\\[0\\] "token" › connectionString: (error|warning) unknown-property at \\d+: .*OAuthClientSecret`));
  });

  test('a service setting at the wrong level', () => {
    const problems = problemsWithTokenExample('Profile=C:\\profiles\\AcmeLedger.apip;APIKey=my_api_key');
    expect(problems.join('\n')).toMatch(/examples\[0\] "token" › connectionString: \w+ wrong-level .*ProfileSettings/);
  });

  test('a syntax error', () => {
    const problems = problemsWithTokenExample("Profile=C:\\profiles\\AcmeLedger.apip;ProfileSettings='APIKey=my_api_key");
    expect(problems.join('\n')).toMatch(/connectionString: error unterminated-quote at \d+/);
  });

  test('an example filed under the wrong auth method', () => {
    const problems = problemsWithTokenExample(
      'Profile=C:\\profiles\\AcmeLedger.apip;AuthScheme=OAUTH;OAuthClientId=a;OAuthClientSecret=b;CallbackURL=http://localhost:33333;InitiateOAuth=GETANDREFRESH',
    );
    expect(problems).toContain(`${at} › examples[0] "token" › connectionString: selects the auth method "oauth", but the example is filed under "token".`);
  });

  test('a non-canonical example names the canonical form', () => {
    const problems = problemsWithTokenExample("ProfileSettings='APIKey=my_api_key';Profile=C:\\profiles\\AcmeLedger.apip");
    expect(problems).toEqual([`${at} › examples[0] "token" › connectionString: not in canonical form; write ${token}`]);
  });

  test('vendor text that means something else', () => {
    const problems = problemsWithTokenExample(token, "Profile=C:\\profiles\\AcmeLedger.apip;ProfileSettings='APIKey=other_key'");
    expect(problems).toEqual([`${at} › examples[0] "token" › vendorText: does not mean the same settings as connectionString (canonical forms differ).`]);
  });

  test('vendor text differing only in case is accepted', () => {
    expect(problemsWithTokenExample(token, "profile=C:\\profiles\\AcmeLedger.apip;profilesettings='apikey=my_api_key';")).toEqual([]);
  });
});
