/**
 * The builder's form on the island's payload: which fields an auth method shows and the string they make. Runs
 * on the `acme` fixture service (tests/support/acme.ts), so content edits never break it; the same checks on the
 * real services are in tests/content/builder-model.test.ts.
 */
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { canonicalize, formById, parse, serialize } from '../../../src/lib/connstr/index.ts';
import { buildPairs, buildString, fieldsFor } from '../../../src/lib/builder/form.ts';
import { initialState, outputTabs, reduce, type Action, type BuilderState } from '../../../src/lib/builder/model.ts';
import { rulesOf } from '../../../src/lib/builder/service.ts';
import { buildProblems } from '../../../src/lib/builder/validation.ts';
import { problemsByField } from '../../../src/lib/builder/views.ts';
import { acmePayload } from '../../support/acme.ts';
import { completedFormString } from '../../support/builder-form.ts';

const s = acmePayload();
const profile = 'C:\\profiles\\AcmeLedger.apip';
const run = (state: BuilderState, ...actions: Action[]) => actions.reduce(reduce, state);
const names = (fields: { property: { name: string } }[]) => fields.map((f) => f.property.name);

describe('fields per auth method', () => {
  test.each([
    ['token', ['Profile', 'APIKey'], ['Region']],
    ['oauth', ['Profile', 'AuthScheme', 'InitiateOAuth', 'OAuthClientId', 'OAuthClientSecret', 'CallbackURL'], ['OAuthSettingsLocation', 'Region']],
    ['basic', ['Profile', 'AuthScheme', 'User', 'Password'], ['Timeout']],
  ])('%s requires %j and offers %j', (method, required, optional) => {
    const fields = fieldsFor(s, method);
    expect(names(fields.required)).toEqual(required);
    expect(names(fields.optional)).toEqual(optional);
    expect(fields.required.every((f) => f.required)).toBe(true);
  });

  test('input types follow the property: secrets are passwords, enums selects, URLs url inputs', () => {
    const { required } = fieldsFor(s, 'oauth');
    const kind = Object.fromEntries(required.map((f) => [f.property.name, f.input]));
    expect(kind).toMatchObject({ OAuthClientSecret: 'password', InitiateOAuth: 'select', CallbackURL: 'url', OAuthClientId: 'text' });
    expect(required.find((f) => f.property.name === 'AuthScheme')?.fixedValue).toBe('OAUTH');
    expect(required.find((f) => f.property.name === 'InitiateOAuth')?.recommendedValue).toBe('GETANDREFRESH');
    expect(fieldsFor(s, 'token').optional.find((f) => f.property.name === 'Region')?.input).toBe('select');
  });

  test('each field knows where its value is in the console', () => {
    expect(fieldsFor(s, 'token').required.find((f) => f.property.name === 'APIKey')?.menuPaths).toEqual([['Settings', 'API keys', 'New key']]);
    const { required } = fieldsFor(s, 'basic');
    expect(required.find((f) => f.property.name === 'User')?.menuPaths).toEqual([['Settings', 'Users', 'Service users']]);
  });
});

describe('the built string', () => {
  test('user and password at the top level, quoted when needed', () => {
    const state = run(initialState(s), { type: 'method', methodId: 'basic' }, { type: 'field', property: 'User', value: 'abc' }, { type: 'field', property: 'Password', value: 'p;w' });
    expect(buildString(s, state).text).toBe(`Profile=${profile};AuthScheme=BASIC;User=abc;Password="p;w"`);
  });

  test('the screen copy masks every secret value, nested ones too; a string without one has no screen copy', () => {
    const basic = run(initialState(s), { type: 'method', methodId: 'basic' }, { type: 'field', property: 'User', value: 'abc' }, { type: 'field', property: 'Password', value: 'p;w' });
    expect(buildString(s, basic)).toEqual({ text: `Profile=${profile};AuthScheme=BASIC;User=abc;Password="p;w"`, masked: `Profile=${profile};AuthScheme=BASIC;User=abc;Password=********` });
    const token = run(initialState(s), { type: 'field', property: 'APIKey', value: 'tok' }, { type: 'field', property: 'Region', value: 'eu' });
    expect(buildString(s, token).masked).toBe(`Profile=${profile};ProfileSettings='APIKey=********;Region=eu'`);
    const none = run(initialState(s), { type: 'method', methodId: 'basic' }, { type: 'field', property: 'User', value: 'abc' });
    expect(buildString(s, none)).toEqual({ text: `Profile=${profile};AuthScheme=BASIC;User=abc` });
  });

  test('token: APIKey nested into ProfileSettings', () => {
    const state = run(initialState(s), { type: 'field', property: 'APIKey', value: "tok'en;x" });
    const text = buildString(s, state).text;
    expect(text).toBe(`Profile=${profile};ProfileSettings="APIKey=""tok'en;x"""`); // .NET quotes with " unless the value has one; both quotes: " doubled
    // Both levels read back: the nested string holds the token exactly.
    const nested = parse(text).entries.find((e) => e.key === 'ProfileSettings')?.nested;
    expect(nested?.entries[0]).toMatchObject({ key: 'APIKey', value: "tok'en;x" });
  });

  test('OAuth writes the fixed AuthScheme and the recommended InitiateOAuth', () => {
    const state = run(
      initialState(s),
      { type: 'method', methodId: 'oauth' },
      { type: 'field', property: 'OAuthClientId', value: 'id' },
      { type: 'field', property: 'OAuthClientSecret', value: 'secret' },
      { type: 'field', property: 'CallbackURL', value: 'http://localhost:33333' },
    );
    const text = buildString(s, state).text;
    expect(text).toBe(`Profile=${profile};AuthScheme=OAUTH;InitiateOAuth=GETANDREFRESH;OAuthClientId=id;OAuthClientSecret=secret;CallbackURL=http://localhost:33333`);
    expect(buildProblems(s, text)).toEqual([]);
  });

  test('a completed form for every method validates clean', () => {
    for (const method of s.authMethods) {
      const text = completedFormString(s, method.id);
      expect(buildProblems(s, text), `${method.id}: ${text}`).toEqual([]);
    }
  });

  test('an empty required field is reported against its field', () => {
    const state = run(initialState(s), { type: 'method', methodId: 'basic' });
    const byField = problemsByField(buildProblems(s, buildString(s, state).text));
    expect(byField.get('User')?.[0]?.code).toBe('missing-required');
    expect(byField.get('Password')?.[0]?.code).toBe('missing-required');
  });

  test('a wrong value is reported against its field', () => {
    const state = run(initialState(s), { type: 'method', methodId: 'oauth' }, { type: 'field', property: 'CallbackURL', value: 'not a url' });
    const byField = problemsByField(buildProblems(s, buildString(s, state).text));
    expect(byField.get('CallbackURL')?.map((p) => p.code)).toContain('invalid-url');
  });

  test('a value the driver cannot read gives an error, not an exception', () => {
    const state = run(initialState(s), { type: 'method', methodId: 'basic' }, { type: 'field', property: 'User', value: 'a\u0000b' });
    expect(() => buildString(s, state)).not.toThrow();
    const output = buildString(s, state);
    expect(output.text).toBe('');
    expect(output.error).toMatch(/^Cannot write the value of "User": .+\.$/);
  });

  test('every output tab writes the one string in its form', () => {
    const text = `Profile=${profile};User=a`;
    const written = Object.fromEntries(outputTabs.map((id) => [id, formById(id).write(text)]));
    expect(written.plain).toBe(text);
    expect(written.jdbc).toBe(`jdbc:api:${text}`);
    expect(written.csharp).toContain(`@"${text}"`);
    expect(written.java).toContain('jdbc:api:');
    expect(written.python).toContain('AcmeLedger.apip');
  });

  // Written once: the form's pairs in the canonical order, the same string canonicalize gives after a round trip.
  propTest.prop([fc.constantFrom(...s.authMethods.map((m) => m.id)), fc.dictionary(fc.constantFrom(...s.properties.map((p) => p.name)), fc.string({ unit: 'grapheme', maxLength: 12 }))], { numRuns: 300 })(
    'the built string is the canonical form of the form\'s pairs',
    (methodId, typed) => {
      const state = run(initialState(s), { type: 'method', methodId }, ...Object.entries(typed).map(([property, value]): Action => ({ type: 'field', property, value })));
      const pairs = buildPairs(s, state);
      let expected: string;
      try {
        expected = canonicalize(serialize(pairs), rulesOf(s));
      } catch {
        expect(buildString(s, state).error).toBeDefined();
        return;
      }
      expect(buildString(s, state).text).toBe(expected);
    },
  );
});
