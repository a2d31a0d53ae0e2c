/**
 * The content rules the catalog enforces at load time (so `astro build` fails): shared corrections name the
 * services they apply to, connection strings in prose are checked, and the Intercom token method follows the
 * vendor's "None or OAuth". Also: every menu path in the data is verbatim in the project's seed fixture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import seedFacts from '../fixtures/seeds/facts.json';
import familyFacts from '../fixtures/family/facts.json';
import { resolveMethod, validate } from '../../src/lib/connstr/index.ts';
import { buildCatalog, CatalogError, unknownDecisionTargets } from '../../src/lib/providers/catalog.ts';
import { decisionAppliesTo, serviceDecisions } from '../../src/lib/providers/queries.ts';
import { fragmentProblems, fragmentServices, propertyExampleText } from '../../src/lib/providers/examples.ts';
import { loadCatalog } from '../../src/lib/providers/load.ts';
import { serviceRules } from '../../src/lib/providers/rules.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, any>;
const catalog = loadCatalog(join(root, 'content'));
const service = (id: string) => catalog.services.find((s) => s.id === id)!;

/** Problems of a catalog built from the real files after `mutate` changed them (common.json, then intercom.json). */
function problemsFor(mutate: (common: Record<string, any>, intercom: Record<string, any>) => void): string[] {
  const common = read('content/properties/common.json');
  const intercom = read('content/services/intercom.json');
  mutate(common, intercom);
  try {
    buildCatalog(
      { 'content/properties/common.json': common, 'content/properties/profile-settings.json': read('content/properties/profile-settings.json') },
      { 'content/services/intercom.json': intercom },
    );
  } catch (error) {
    if (error instanceof CatalogError) return error.problems;
    throw error;
  }
  return [];
}
const named = (common: Record<string, any>, name: string) => common.properties.find((p: { name: string }) => p.name === name);

describe('corrections say where they apply', () => {
  test('a shared property’s decision without appliesTo is rejected', () => {
    expect(problemsFor((common) => delete named(common, 'InitiateOAuth').decisions[0].appliesTo)).toEqual([
      expect.stringMatching(/^content\/properties\/common\.json › properties\[\d+\]\.decisions\[0\]\.appliesTo: a shared property's decision must name the services/),
    ]);
  });

  test('a service file’s decision may not carry appliesTo', () => {
    expect(problemsFor((_, intercom) => (intercom.decisions[0].appliesTo = ['intercom']))).toEqual([
      'content/services/intercom.json › service "intercom" › decisions[0].appliesTo: a decision in a service\'s file applies to that service only; leave appliesTo out',
    ]);
  });

  test('a misspelt service id in appliesTo is found on the whole catalog', () => {
    const broken = { ...catalog, properties: catalog.properties.map((p) => (p.name === 'InitiateOAuth' ? { ...p, decisions: [{ ...p.decisions[0]!, appliesTo: ['leadesk'] }] } : p)) };
    expect(unknownDecisionTargets(broken)).toEqual(['property "InitiateOAuth" › decisions[0].appliesTo: unknown service "leadesk" (did you mean "leaddesk"?)']);
    expect(unknownDecisionTargets(catalog)).toEqual([]);
  });

  test.each([
    ['leaddesk', true],
    ['intercom', false],
  ])('the GetAndRefresh correction is on the %s page: %s', (id, shown) => {
    const issues = serviceDecisions(service(id)).map((d) => d.decision.issue);
    expect(issues.some((issue) => issue.includes('GetAndRefresh'))).toBe(shown);
  });

  test('a decision of the service’s own file always applies to it; a shared one only where named', () => {
    expect(decisionAppliesTo({ issue: 'x', decision: 'y' }, { id: 'aircall' })).toBe(true);
    expect(decisionAppliesTo({ issue: 'x', decision: 'y', appliesTo: ['leaddesk'] }, { id: 'aircall' })).toBe(false);
    expect(decisionAppliesTo({ issue: 'x', decision: 'y', appliesTo: ['leaddesk', 'aircall'] }, { id: 'aircall' })).toBe(true);
  });

  test('no page shows the same correction twice', () => {
    for (const s of catalog.services) {
      const issues = serviceDecisions(s).map((d) => d.decision.issue);
      expect(new Set(issues).size, s.id).toBe(issues.length);
    }
  });
});

describe('connection strings in prose are checked at load', () => {
  test('a remark whose string no service accepts fails the build (the old ProfileSettings remark)', () => {
    const problems = problemsFor((common) => (named(common, 'ProfileSettings').remarks = "Wrap the list: `ProfileSettings='APIKey=abc;Other=x'`."));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^property "ProfileSettings" › remarks: the connection string "ProfileSettings='APIKey=abc;Other=x'" is wrong for every service/);
  });

  test('a string outside backticks in a remark, or anywhere in a step, is refused', () => {
    expect(problemsFor((common) => (named(common, 'Timeout').remarks = 'Write Timeout=30 for half a minute.'))).toEqual([
      'property "Timeout" › remarks: write connection strings in backticks so they are checked, or say it in words: "Timeout=3"',
    ]);
    expect(problemsFor((_, intercom) => (intercom.authMethods[0].steps[1].text = 'Add AuthScheme=APIKEY.'))).toEqual([
      'service "intercom" › auth method "token" › steps[1]: say it in words instead of writing a connection string here: "AuthScheme=A"',
    ]);
  });

  test('a property example that no service accepts fails the build', () => {
    expect(problemsFor((common) => (named(common, 'Profile').example = 'C:\\profiles\\Service.apip'))).toEqual([
      expect.stringMatching(/^property "Profile" › example: the connection string "Profile=C:\\\\profiles\\\\Service.apip" is wrong for every service/),
    ]);
  });

  test.each([
    [{ name: 'APIKey', placement: 'profileSettings', type: 'string', example: 'my_api_key' }, "ProfileSettings='APIKey=my_api_key'"],
    [{ name: 'ProfileSettings', placement: 'top', type: 'nested', example: 'APIKey=my_api_key' }, "ProfileSettings='APIKey=my_api_key'"],
    [{ name: 'Logfile', placement: 'top', type: 'path', example: 'C:\\my logs\\x.txt' }, 'Logfile="C:\\my logs\\x.txt"'],
  ] as const)('the example of %o is written %s', (property, text) => {
    expect(propertyExampleText(property)).toBe(text);
  });

  test('fragments: missing Profile and method settings are expected, wrong names and levels are not', () => {
    expect(fragmentProblems("ProfileSettings='APIKey=my_api_key'", service('intercom'))).toEqual([]);
    expect(fragmentProblems("ProfileSettings='APIKey=my_api_key'", service('aircall'))).not.toEqual([]);
    // The fragment is right for exactly the services whose APIKey goes inside ProfileSettings.
    const nestedKey = catalog.services.filter((s) => s.properties.some((p) => p.name === 'APIKey' && p.placement === 'profileSettings'));
    expect(nestedKey.length).toBeGreaterThan(1);
    expect(fragmentServices("ProfileSettings='APIKey=my_api_key'", catalog.services).map((s) => s.id)).toEqual(nestedKey.map((s) => s.id));
    expect(fragmentServices('APIKey=my_api_key', catalog.services)).toEqual([]);
  });
});

describe('Intercom’s token method (finding 1)', () => {
  const intercom = serviceRules(service('intercom'));
  const token = "Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=k'";

  test('no AuthScheme or NONE selects it, with no warning', () => {
    expect(resolveMethod(intercom, undefined)?.id).toBe('token');
    expect(resolveMethod(intercom, 'none')?.id).toBe('token');
    expect(validate(token.replace(';', ';AuthScheme=NONE;'), intercom, { reportSensitive: false })).toEqual([]);
  });

  test('APIKEY is listed by the build but no documented method uses it: the validator warns and points to NONE', () => {
    expect(resolveMethod(intercom, 'APIKEY')).toBeUndefined();
    const problems = validate(token.replace(';', ';AuthScheme=APIKEY;'), intercom, { reportSensitive: false });
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['undocumented-auth-scheme', 'warning']]);
    expect(problems[0]!.message).toContain('use NONE or OAUTH');
  });
});

describe('menu paths in the data', () => {
  // The vendor facts each service was written from: the seed help texts and the family's imported pages.
  const seeds = { ...seedFacts, ...familyFacts } as unknown as Record<string, { menuPaths: string[][]; menuItems: string[] }>;
  test.each(catalog.services.map((s) => [s.id, s] as const))('%s: every step’s path is a run of a path the vendor quotes', (id, s) => {
    const runs = [...seeds[id]!.menuPaths, ...seeds[id]!.menuItems.map((item) => [item])];
    const verbatim = (path: string[]) => runs.some((run) => run.some((_, start) => path.every((item, i) => run[start + i] === item)));
    const paths = s.authMethods.flatMap((m) => m.steps.flatMap((step) => (step.menuPath ? [step.menuPath] : [])));
    expect(paths.filter((path) => !verbatim(path))).toEqual([]);
  });
});
