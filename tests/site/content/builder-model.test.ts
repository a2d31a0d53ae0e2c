/**
 * The builder's state model on the five real services: their fields, menu paths, built strings and share links
 * as content/ defines them today. The model's behaviour on its own is tested on the fixture service in
 * tests/lib/builder/model.test.ts; this file checks the real data through it.
 */
import { describe, expect, test } from 'vitest';
import { getCatalog } from '../../../src/lib/providers/load.ts';
import type { ResolvedService } from '../../../src/lib/providers/catalog.ts';
import { parse } from '../../../src/lib/connstr/index.ts';
import {
  buildPairs,
  buildProblems,
  buildString,
  excerpt,
  fieldsFor,
  fromConnectionString,
  inferServiceId,
  initialState,
  menuPathsFor,
  outputs,
  problemsByField,
  readShareFragment,
  reduce,
  restoreShared,
  shareFragment,
  slimService,
  withService,
  type Action,
  type BuilderState,
} from '../../../src/lib/builder/model.ts';

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

  test('input types follow the property: secrets are passwords, enums selects, URLs url inputs', () => {
    const { required } = fieldsFor(service('aircall'), 'oauth');
    const kind = Object.fromEntries(required.map((f) => [f.property.name, f.input]));
    expect(kind).toMatchObject({ OAuthClientSecret: 'password', InitiateOAuth: 'select', CallbackURL: 'url', OAuthClientId: 'text' });
    expect(required.find((f) => f.property.name === 'AuthScheme')?.fixedValue).toBe('OAUTH');
    expect(required.find((f) => f.property.name === 'InitiateOAuth')?.recommendedValue).toBe('GETANDREFRESH');
  });

  test('each field knows where its value is in the console', () => {
    expect(menuPathsFor(service('intercom').authMethods[0]!, 'APIKey')).toEqual([['Configure', 'Authentication', 'Your workspace']]);
    const { required } = fieldsFor(service('aircall'), 'basic');
    expect(required.find((f) => f.property.name === 'User')?.menuPaths).toEqual([['Add a new API Key']]);
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

  test('OAuth writes the fixed AuthScheme and the recommended InitiateOAuth', () => {
    const state = run(
      initialState(service('intercom')),
      { type: 'method', methodId: 'oauth' },
      { type: 'field', property: 'OAuthClientId', value: 'id' },
      { type: 'field', property: 'OAuthClientSecret', value: 'secret' },
      { type: 'field', property: 'CallbackURL', value: 'http://localhost:33333' },
    );
    expect(buildString(service('intercom'), state).text).toBe(
      'Profile=C:\\profiles\\Intercom.apip;AuthScheme=OAUTH;InitiateOAuth=GETANDREFRESH;OAuthClientId=id;OAuthClientSecret=secret;CallbackURL=http://localhost:33333',
    );
    expect(buildProblems(service('intercom'), buildString(service('intercom'), state).text)).toEqual([]);
  });

  test('a completed form for every method of every service validates clean', () => {
    for (const s of catalog.services) {
      for (const method of s.authMethods) {
        let state = run(initialState(s), { type: 'method', methodId: method.id });
        for (const field of fieldsFor(s, method.id).required) {
          if (field.fixedValue || field.recommendedValue || field.property.name === 'Profile') continue;
          const value = field.input === 'url' ? 'http://localhost:33333' : `value-of-${field.property.name}`;
          state = reduce(state, { type: 'field', property: field.property.name, value });
        }
        const text = buildString(s, state).text;
        expect(buildProblems(s, text), `${s.id} ${method.id}: ${text}`).toEqual([]);
      }
    }
  });

  test('an empty required field is reported against its field', () => {
    const text = buildString(service('aircall'), initialState(service('aircall'))).text;
    const byField = problemsByField(buildProblems(service('aircall'), text));
    expect(byField.get('User')?.[0]?.code).toBe('missing-required');
    expect(byField.get('Password')?.[0]?.code).toBe('missing-required');
  });

  test('a wrong value is reported against its field', () => {
    const state = run(initialState(service('aircall')), { type: 'method', methodId: 'oauth' }, { type: 'field', property: 'CallbackURL', value: 'not a url' });
    const byField = problemsByField(buildProblems(service('aircall'), buildString(service('aircall'), state).text));
    expect(byField.get('CallbackURL')?.map((p) => p.code)).toContain('invalid-url');
  });

  test('a value the driver cannot read gives an error, not an exception', () => {
    const state = run(initialState(service('aircall')), { type: 'field', property: 'User', value: 'a\u0000b' });
    expect(() => buildString(service('aircall'), state)).not.toThrow();
    const output = buildString(service('aircall'), state);
    expect(output.text).toBe('');
    expect(output.error).toMatch(/^Cannot write the value of "User": .+\.$/);
  });

  test('all five output forms come from the one string', () => {
    const forms = outputs('Profile=C:\\profiles\\AirCall.apip;User=a');
    expect(forms.plain).toBe('Profile=C:\\profiles\\AirCall.apip;User=a');
    expect(forms.jdbc).toBe('jdbc:api:Profile=C:\\profiles\\AirCall.apip;User=a');
    expect(forms.csharp).toContain('@"Profile=C:\\profiles\\AirCall.apip;User=a"');
    expect(forms.java).toContain('jdbc:api:');
    expect(forms.python).toContain('AirCall.apip');
  });
});

describe('nothing typed is lost', () => {
  test('switching method keeps values, and switching back restores the output', () => {
    const s = service('aircall');
    const basic = run(initialState(s), { type: 'field', property: 'User', value: 'u' }, { type: 'field', property: 'Password', value: 'p' });
    const before = buildString(s, basic).text;
    const oauth = run(basic, { type: 'method', methodId: 'oauth' }, { type: 'field', property: 'OAuthClientId', value: 'id' });
    expect(buildString(s, oauth).text).not.toContain('User=');
    const back = run(oauth, { type: 'method', methodId: 'basic' });
    expect(buildString(s, back).text).toBe(before);
    expect(back.values.aircall?.OAuthClientId).toBe('id');
  });

  test('switching service and mode keeps each service values and the pasted text', () => {
    let state = run(initialState(service('aircall')), { type: 'field', property: 'User', value: 'u' }, { type: 'paste', text: 'abc' }, { type: 'mode', mode: 'validate' });
    state = withService(reduce(state, { type: 'service', serviceId: 'intercom' }), service('intercom'));
    state = run(state, { type: 'field', property: 'APIKey', value: 'k' }, { type: 'service', serviceId: 'aircall' }, { type: 'mode', mode: 'build' });
    expect(state.values.aircall?.User).toBe('u');
    expect(state.values.intercom?.APIKey).toBe('k');
    expect(state.pasted).toBe('abc');
  });

  test('reset clears the form to its defaults but keeps the pasted text', () => {
    const s = service('aircall');
    const state = run(initialState(s), { type: 'field', property: 'User', value: 'u' }, { type: 'field', property: 'Profile', value: 'D:\\x\\AirCall.apip' }, { type: 'paste', text: 'keep' }, { type: 'reset', service: s });
    expect(state.values.aircall).toEqual({ Profile: 'C:\\profiles\\AirCall.apip' });
    expect(state.pasted).toBe('keep');
  });
});

describe('share link', () => {
  const s = service('aircall');
  const filled = run(
    initialState(s),
    { type: 'method', methodId: 'oauth' },
    { type: 'field', property: 'OAuthClientId', value: 'my id' },
    { type: 'field', property: 'OAuthClientSecret', value: 'TOPSECRET' },
    { type: 'field', property: 'CallbackURL', value: 'http://localhost:33333/cb?x=1&y=2' },
    { type: 'field', property: 'Password', value: 'PASSWORD1' },
  );

  test('carries non-secret fields only', () => {
    const fragment = shareFragment(s, filled);
    expect(fragment).not.toContain('TOPSECRET');
    expect(fragment).not.toContain('PASSWORD1');
    expect(fragment).toContain('service=aircall');
    expect(fragment).toContain('method=oauth');
  });

  test('restores the form it was made from, secrets empty', () => {
    const restored = restoreShared(initialState(s), s, shareFragment(s, filled));
    expect(restored.methods.aircall).toBe('oauth');
    expect(restored.values.aircall).toEqual({
      Profile: 'C:\\profiles\\AirCall.apip',
      OAuthClientId: 'my id',
      CallbackURL: 'http://localhost:33333/cb?x=1&y=2',
    });
  });

  test('a hand-edited link cannot inject a secret or an unknown method', () => {
    const read = readShareFragment('#service=aircall&method=evil&p.OAuthClientSecret=x&p.Nope=1&p.User=u', s);
    expect(read).toEqual({ serviceId: 'aircall', methodId: undefined, values: { User: 'u' } });
  });
});

describe('validate mode', () => {
  test('applying a did-you-mean fix rewrites only the misspelt key', () => {
    const s = service('aircall');
    const pasted = 'Profile=C:\\profiles\\AirCall.apip;AuthScheme=OAUTH;OAuthClientId=a;OAuthClientSecert=b;CallbackURL=http://localhost:1';
    const problem = buildProblems(s, pasted).find((p) => p.code === 'unknown-property');
    expect(problem?.fix).toBeDefined();
    const state = run(initialState(s), { type: 'paste', text: pasted }, { type: 'apply-fix', problem: problem! });
    expect(state.pasted).toBe(pasted.replace('OAuthClientSecert', 'OAuthClientSecret'));
  });

  test('a pasted string loads into the form with its method and values', () => {
    const s = service('intercom');
    const pasted = "profile=C:\\p\\Intercom.apip;authscheme=oauth;initiateoauth=off;OAuthClientId=x;ProfileSettings='APIKey=k'";
    expect(fromConnectionString(pasted, s)).toEqual({
      methodId: 'oauth',
      values: { Profile: 'C:\\p\\Intercom.apip', AuthScheme: 'OAUTH', InitiateOAuth: 'OFF', OAuthClientId: 'x', APIKey: 'k' },
    });
    const state = run(initialState(s, 'validate'), { type: 'paste', text: pasted }, { type: 'load-pasted', service: s });
    expect(state.mode).toBe('build');
    expect(buildString(s, state).text).toContain('InitiateOAuth=OFF');
  });

  test.each([
    ['Profile=C:\\profiles\\Intercom.apip', 'intercom'],
    ["Profile='D:\\Work Files\\helpscout.APIP';x=1", 'helpscout'],
    ['Profile=/home/me/AirCall.apip', 'aircall'],
    ['Profile=C:\\profiles\\Unknown.apip', undefined],
    ['User=x', undefined],
  ])('the service of %s is %s', (text, id) => {
    expect(inferServiceId(text, catalog.services)).toBe(id);
  });

  test('an excerpt marks exactly the span', () => {
    const text = 'Profile=x;' + 'A'.repeat(40) + ';OAuthClientSecert=b';
    const at = text.indexOf('OAuthClientSecert');
    const cut = excerpt(text, { start: at, end: at + 17 }, 5);
    expect(cut).toEqual({ before: '…AAAA;', marked: 'OAuthClientSecert', after: '=b' });
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
