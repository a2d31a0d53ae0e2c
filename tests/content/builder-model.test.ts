/**
 * The builder's state model on the real services: their fields, menu paths, built strings and share links
 * as content/ defines them today. The model's behaviour on its own is tested on the fixture service in
 * tests/lib/builder/model.test.ts; this file checks the real data through it.
 */
import { describe, expect, test } from 'vitest';
import { getCatalog } from '../../src/lib/providers/load.ts';
import { parse, recognizeService, validate } from '../../src/lib/connstr/index.ts';
import { builderService } from '../../src/lib/builder/data.ts';
import { buildString, fieldsFor } from '../../src/lib/builder/form.ts';
import { initialState, reduce, type Action, type BuilderState } from '../../src/lib/builder/model.ts';
import { type BuilderService } from '../../src/lib/builder/payload.ts';
import { rulesOf } from '../../src/lib/builder/service.ts';
import { buildProblems } from '../../src/lib/builder/validation.ts';
import { emptyRequired } from '../../src/lib/builder/views.ts';
import { serviceRules } from '../../src/lib/providers/rules.ts';
import { loadStep, run as runSteps } from '../support/builder-checker.ts';
import { completedFormString } from '../support/builder-form.ts';

const catalog = getCatalog();
const resolved = (id: string) => {
  const found = catalog.services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
};
/** What the island gets about a real service. */
const service = (id: string): BuilderService => builderService(resolved(id));
const run = (state: BuilderState, ...actions: Action[]) => actions.reduce(reduce, state);
const names = (fields: { property: { name: string } }[]) => fields.map((f) => f.property.name);

describe('fields per auth method', () => {
  test.each([
    ['aircall', 'basic', ['Profile', 'User', 'Password'], ['AuthScheme']],
    ['aircall', 'oauth', ['Profile', 'AuthScheme', 'InitiateOAuth', 'OAuthClientId', 'OAuthClientSecret', 'CallbackURL'], ['OAuthSettingsLocation']],
    ['intercom', 'token', ['Profile', 'APIKey'], []],
    ['helpscout', 'docs-token', ['Profile', 'APIKey'], []],
    ['leaddesk', 'oauth', ['Profile', 'AuthScheme', 'InitiateOAuth', 'OAuthClientId', 'OAuthClientSecret', 'User', 'Password'], ['CallbackURL', 'OAuthSettingsLocation']],
    ['infusionsoft', 'oauth', ['Profile', 'AuthScheme', 'InitiateOAuth', 'OAuthClientId', 'OAuthClientSecret'], ['CallbackURL', 'OAuthSettingsLocation']],
    ['avaza', 'oauth', ['Profile', 'AuthScheme', 'InitiateOAuth', 'OAuthClientId', 'OAuthClientSecret'], []],
    ['dotmailer', 'basic', ['Profile', 'User', 'Password', 'RegionId'], []],
    ['kairos3', 'apikey', ['Profile', 'User', 'Instance', 'AppCd', 'APIKey'], []],
    ['kairos3', 'password', ['Profile', 'User', 'Password', 'Instance', 'AppCd'], []],
    ['elorus', 'token', ['Profile', 'OrganizationId', 'APIKey'], []],
    ['everhour', 'token', ['Profile', 'APIKey'], []],
    ['closeio', 'token', ['Profile', 'APIKey'], []],
    ['codat', 'api-keys', ['Profile', 'APIKey'], []],
    ['aftership', 'api-keys', ['Profile', 'APIKey'], []],
  ])('%s %s requires %j and offers %j', (id, method, required, optional) => {
    const fields = fieldsFor(service(id), method);
    expect(names(fields.required)).toEqual(required);
    expect(names(fields.optional)).toEqual(optional);
    expect(fields.required.every((f) => f.required)).toBe(true);
  });
});

describe('the built string', () => {
  test('AirCall Basic', () => {
    const state = run(initialState(service('aircall')), { type: 'field', property: 'User', value: 'abc' }, { type: 'field', property: 'Password', value: 'p;w' });
    expect(buildString(service('aircall'), state).text).toBe('Profile=C:\\profiles\\AirCall.apip;User=abc;Password="p;w"');
  });

  test('Intercom token: APIKey nested into ProfileSettings', () => {
    const state = run(initialState(service('intercom')), { type: 'field', property: 'APIKey', value: "tok'en;x" });
    const text = buildString(service('intercom'), state).text;
    expect(text).toBe(`Profile=C:\\profiles\\Intercom.apip;ProfileSettings="APIKey=""tok'en;x"""`); // .NET quotes with " unless the value has one; both quotes: " doubled
    // Both levels read back: the nested string holds the token exactly.
    const nested = parse(text).entries.find((e) => e.key === 'ProfileSettings')?.nested;
    expect(nested?.entries[0]).toMatchObject({ key: 'APIKey', value: "tok'en;x" });
  });

  test('a completed form for every method of every service validates clean', () => {
    for (const s of catalog.services.map(builderService)) {
      for (const method of s.authMethods) {
        const text = completedFormString(s, method.id);
        expect(buildProblems(s, text), `${s.id} ${method.id}: ${text}`).toEqual([]);
      }
    }
  });
});

describe('the family’s shapes in the form (every vendor example from its fields: tests/content/vendor-examples.test.ts)', () => {
  test('Kairos3: Load into the builder picks the method by the credential the string carries', () => {
    const s = service('kairos3');
    for (const example of resolved('kairos3').examples) {
      const state = runSteps(initialState(s, 'validate'), { type: 'paste', text: example.vendorText! }, loadStep(s));
      expect(state.methods.kairos3, example.id).toBe(example.authMethod);
      expect(buildString(s, state).text).toBe(example.connectionString);
    }
  });

  test('JotForm: Domain is optional; without it the string holds the API key alone', () => {
    const s = service('jotform');
    expect(names(fieldsFor(s, 'token').required)).toEqual(['Profile', 'APIKey']);
    expect(names(fieldsFor(s, 'token').optional)).toEqual(['Domain']);
    const state = run(initialState(s), { type: 'field', property: 'APIKey', value: 'my_api_key' });
    expect(buildString(s, state).text).toBe("Profile=C:\\profiles\\JotForm.apip;ProfileSettings='APIKey=my_api_key'");
  });
});

// Until something changes, the island shows the form's first string without loading the engine: the form's own count
// of empty required settings must be the engine's whole verdict on it, for every method of every service.
test('a form as it starts: the engine finds exactly the required settings the form leaves empty, and nothing else', () => {
  for (const s of catalog.services.map(builderService)) {
    for (const method of s.authMethods) {
      const state = reduce(initialState(s), { type: 'method', methodId: method.id });
      const empty = emptyRequired(s, state).map((f) => f.property.name);
      const problems = buildProblems(s, buildString(s, state).text, method.id);
      expect(problems.map((p) => [p.code, p.property]), `${s.id} ${method.id}`).toEqual(empty.map((name) => ['missing-required', name]));
    }
  }
});

describe('validate mode', () => {
  test.each([
    ['Profile=C:\\profiles\\Intercom.apip', 'intercom'],
    ["Profile='D:\\Work Files\\helpscout.APIP';x=1", 'helpscout'],
    ['Profile=/home/me/AirCall.apip', 'aircall'],
    ['Profile=C:\\profiles\\Unknown.apip', undefined],
    ['User=x', undefined],
  ])('the service of %s is %s', (text, id) => {
    expect(recognizeService(text, catalog.services).service?.id).toBe(id);
  });
});

test('the island gets a smaller service that still validates the same', () => {
  const s = resolved('intercom');
  const payload = builderService(s);
  expect(JSON.stringify(payload).length).toBeLessThan(JSON.stringify(s).length * 0.75);
  const text = "Profile=C:\\profiles\\Intercom.apip;APIKey=x;Timeout=abc;OAuthClientSecert=1";
  expect(validate(text, rulesOf(payload))).toEqual(validate(text, serviceRules(s)));
});
