/**
 * The builder's state model on the five real services: their fields, menu paths, built strings and share links
 * as content/ defines them today. The model's behaviour on its own is tested on the fixture service in
 * tests/lib/builder/model.test.ts; this file checks the real data through it.
 */
import { describe, expect, test } from 'vitest';
import { getCatalog } from '../../../src/lib/providers/load.ts';
import type { ResolvedService } from '../../../src/lib/providers/catalog.ts';
import { canonicalPairs, parse } from '../../../src/lib/connstr/index.ts';
import {
  buildPairs,
  buildProblems,
  buildString,
  fieldsFor,
  inferServiceId,
  initialState,
  reduce,
  slimService,
  type Action,
  type BuilderState,
} from '../../../src/lib/builder/model.ts';
import { completedFormString } from '../../support/builder-form.ts';

const catalog = getCatalog();
const service = (id: string): ResolvedService => {
  const found = catalog.services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
};
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
    for (const s of catalog.services) {
      for (const method of s.authMethods) {
        const text = completedFormString(s, method.id);
        expect(buildProblems(s, text), `${s.id} ${method.id}: ${text}`).toEqual([]);
      }
    }
  });
});

describe('the family’s API-key services: the vendor’s example from the fields alone', () => {
  /** The values a vendor example sets, at either level, by property name. */
  const valuesIn = (s: ResolvedService, text: string) =>
    new Map(canonicalPairs(text, s).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value] as const] : value.map(([k, v]) => [k, v as string] as const))));

  test.each([
    ['elorus', 'token', ['Profile', 'OrganizationId', 'APIKey']],
    ['everhour', 'token', ['Profile', 'APIKey']],
    ['closeio', 'token', ['Profile', 'APIKey']],
    ['codat', 'api-keys', ['Profile', 'APIKey']],
    ['aftership', 'api-keys', ['Profile', 'APIKey']],
  ])('%s %s: fields %j, filled with the example’s values, write the published string and mean the vendor’s', (id, methodId, required) => {
    const s = service(id);
    const example = s.examples.find((e) => e.authMethod === methodId)!;
    expect(names(fieldsFor(s, methodId).required)).toEqual(required);
    const values = valuesIn(s, example.vendorText!);
    const state = run(
      initialState(s),
      { type: 'method', methodId },
      ...required.filter((name) => name !== 'Profile').map((property): Action => ({ type: 'field', property, value: values.get(property)! })),
    );
    const built = buildString(s, state).text;
    expect(built).toBe(example.connectionString);
    expect(canonicalPairs(built, s)).toEqual(canonicalPairs(example.vendorText!, s));
    // The vendor's placeholders draw only the placeholder note.
    expect(buildProblems(s, built).filter((p) => p.code !== 'placeholder-value')).toEqual([]);
  });
});

describe('validate mode', () => {
  test.each([
    ['Profile=C:\\profiles\\Intercom.apip', 'intercom'],
    ["Profile='D:\\Work Files\\helpscout.APIP';x=1", 'helpscout'],
    ['Profile=/home/me/AirCall.apip', 'aircall'],
    ['Profile=C:\\profiles\\Unknown.apip', undefined],
    ['User=x', undefined],
  ])('the service of %s is %s', (text, id) => {
    expect(inferServiceId(text, catalog.services)).toBe(id);
  });
});

test('the island gets a smaller service that still validates the same', () => {
  const s = service('intercom');
  const slim = slimService(s);
  expect(JSON.stringify(slim).length).toBeLessThan(JSON.stringify(s).length * 0.75);
  const text = "Profile=C:\\profiles\\Intercom.apip;APIKey=x;Timeout=abc;OAuthClientSecert=1";
  expect(buildProblems(slim, text)).toEqual(buildProblems(s, text));
  expect(buildPairs(slim, initialState(slim))).toEqual(buildPairs(s, initialState(s)));
});
