/**
 * The builder's state model, without rendering: what the island shows and produces comes from here. Runs on
 * the `acme` fixture service (tests/support/acme.ts), so content edits never break it; the same checks on
 * the real services are in tests/site/content/builder-model.test.ts.
 */
import { describe, expect, test } from 'vitest';
import type { ResolvedService } from '../../../src/lib/providers/catalog.ts';
import { parse } from '../../../src/lib/connstr/index.ts';
import {
  buildPairs,
  buildProblems,
  buildString,
  buildView,
  currentMethod,
  excerpt,
  fieldsFor,
  fromConnectionString,
  initialState,
  menuPathsFor,
  outputOf,
  outputTabs,
  outputs,
  problemsByField,
  readShareFragment,
  reduce,
  restoreShared,
  shareFragment,
  slimService,
  validateView,
  withService,
  type Action,
  type BuilderState,
} from '../../../src/lib/builder/model.ts';
import { acme } from '../../support/acme.ts';
import { completedFormString } from '../../support/builder-form.ts';

const s = acme();
const profile = 'C:\\profiles\\AcmeLedger.apip';
/** A second service for the switching tests: acme under another id, profile file and name. */
const other: ResolvedService = { ...s, id: 'other', name: 'Other Ledger', profileFile: 'OtherLedger.apip' };
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
    const token = s.authMethods.find((m) => m.id === 'token')!;
    expect(menuPathsFor(token, 'APIKey')).toEqual([['Settings', 'API keys', 'New key']]);
    const { required } = fieldsFor(s, 'basic');
    expect(required.find((f) => f.property.name === 'User')?.menuPaths).toEqual([['Settings', 'Users', 'Service users']]);
  });
});

describe('the built string', () => {
  test('user and password at the top level, quoted when needed', () => {
    const state = run(initialState(s), { type: 'method', methodId: 'basic' }, { type: 'field', property: 'User', value: 'abc' }, { type: 'field', property: 'Password', value: 'p;w' });
    expect(buildString(s, state).text).toBe(`Profile=${profile};AuthScheme=BASIC;User=abc;Password="p;w"`);
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

  test('all five output forms come from the one string', () => {
    const text = `Profile=${profile};User=a`;
    const forms = outputs(text);
    expect(forms.plain).toBe(text);
    expect(forms.jdbc).toBe(`jdbc:api:${text}`);
    expect(forms.csharp).toContain(`@"${text}"`);
    expect(forms.java).toContain('jdbc:api:');
    expect(forms.python).toContain('AcmeLedger.apip');
  });
});

describe('one method fallback', () => {
  // A state whose method id for acme is not one of acme's (a stale id), and one with no entry for acme at all.
  const stale: BuilderState = { ...initialState(s), methods: { acme: 'gone' } };
  const none: BuilderState = { ...initialState(s), methods: {} };

  test.each([
    ['a stale method id', stale],
    ['no method chosen', none],
  ])('%s: fields, string and share link all use the starting method', (_, state) => {
    expect(currentMethod(s, state).id).toBe('token');
    const view = buildView(state, s);
    expect(view.method.id).toBe('token');
    expect(names(view.required)).toEqual(['Profile', 'APIKey']);
    expect(view.share).toContain('method=token');
    expect(view.share).not.toContain('gone');
  });

  test('a chosen method wins over the default', () => {
    expect(currentMethod(s, run(initialState(s), { type: 'method', methodId: 'basic' })).id).toBe('basic');
  });

  test('a pasted string whose AuthScheme no method takes loads on the starting method', () => {
    expect(fromConnectionString(`Profile=${profile};AuthScheme=NOSUCH`, s).methodId).toBe('token');
  });
});

describe('buildView: what build mode renders', () => {
  test('a fresh form: the default method, Profile set, one required setting still empty', () => {
    const view = buildView(initialState(s), s);
    expect(view.output.text).toBe(`Profile=${profile}`);
    expect(view.typed).toEqual({ Profile: profile });
    expect(view.byField.get('APIKey')?.map((p) => p.code)).toEqual(['missing-required']);
    expect(view.summary).toBe('1 required setting is still empty.');
    expect(view.share).toBe('#service=acme&method=token');
  });

  test('two empty settings are counted in the plural', () => {
    expect(buildView(run(initialState(s), { type: 'method', methodId: 'basic' }), s).summary).toBe('2 required settings are still empty.');
  });

  test('a complete form is ready to use', () => {
    const view = buildView(run(initialState(s), { type: 'field', property: 'APIKey', value: 'k' }), s);
    expect(view.problems).toEqual([]);
    expect(view.summary).toBe('Ready to use.');
  });

  test('a wrong value asks for a fix', () => {
    const state = run(
      initialState(s),
      { type: 'method', methodId: 'oauth' },
      { type: 'field', property: 'OAuthClientId', value: 'id' },
      { type: 'field', property: 'OAuthClientSecret', value: 'secret' },
      { type: 'field', property: 'CallbackURL', value: 'not a url' },
    );
    expect(buildView(state, s).summary).toBe('Fix the settings marked above.');
  });

  test('a value the driver cannot read says so instead of a string', () => {
    const view = buildView(run(initialState(s), { type: 'field', property: 'APIKey', value: 'a\u0000b' }), s);
    expect(view.output.text).toBe('');
    expect(view.problems).toEqual([]);
    expect(view.summary).toMatch(/^Cannot write this string: Cannot write the value of "APIKey"/);
  });
});

describe('validateView: what validate mode renders', () => {
  const paste = (text: string) => run(initialState(s, 'validate'), { type: 'paste', text });

  test('nothing pasted: no findings, a hint', () => {
    expect(validateView(paste('  '), s, [s, other], false)).toEqual({ text: '  ', problems: [], summary: 'Checked against Acme Ledger when you paste.', safeFixes: 0, secrets: [] });
  });

  test('the service goes by its one label (the brand spelling when it has one)', () => {
    const branded: ResolvedService = { ...s, brandName: 'ACME ledger' };
    expect(validateView(paste(''), branded, [branded], true).summary).toBe('Checked against ACME ledger when you paste.');
  });

  test('a valid string for the service', () => {
    const view = validateView(paste(`Profile=${profile};ProfileSettings='APIKey=k'`), s, [s, other], true);
    expect(view.problems).toEqual([]);
    expect(view.summary).toBe('No problems: this string is valid for Acme Ledger.');
  });

  test('findings are counted by severity', () => {
    const view = validateView(paste(`Profile=${profile};AuthScheme=BASIC;User=u`), s, [s, other], true);
    const errors = view.problems.filter((p) => p.severity === 'error').length;
    expect(errors).toBeGreaterThan(0);
    expect(view.summary).toMatch(new RegExp(`^${view.problems.length} findings? for Acme Ledger: ${errors} errors?, \\d+ warnings?, \\d+ notes?\\.$`));
  });

  test('on /builder/ the Profile names the service; on a service page it does not', () => {
    const state = paste("Profile='D:\\x\\OtherLedger.apip'");
    // Still on acme: the island switches to the service named; nothing is checked against acme meanwhile.
    const switching = validateView(state, s, [s, other], false);
    expect(switching.inferredServiceId).toBe('other');
    expect(switching.problems).toEqual([]);
    expect(switching.summary).toBe('This string is for Other Ledger (from its Profile); loading its settings…');
    const open = validateView(state, other, [s, other], false);
    expect(open.inferredServiceId).toBe('other');
    expect(open.summary).toMatch(/ Service recognized from the Profile file name\.$/);
    const fixed = validateView(state, s, [s, other], true);
    expect(fixed.inferredServiceId).toBeUndefined();
    expect(fixed.summary).not.toContain('recognized');
  });
});

describe('nothing typed is lost', () => {
  test('switching method keeps values, and switching back restores the output', () => {
    const basic = run(initialState(s), { type: 'method', methodId: 'basic' }, { type: 'field', property: 'User', value: 'u' }, { type: 'field', property: 'Password', value: 'p' });
    const before = buildString(s, basic).text;
    const oauth = run(basic, { type: 'method', methodId: 'oauth' }, { type: 'field', property: 'OAuthClientId', value: 'id' });
    expect(buildString(s, oauth).text).not.toContain('User=');
    const back = run(oauth, { type: 'method', methodId: 'basic' });
    expect(buildString(s, back).text).toBe(before);
    expect(back.values.acme?.OAuthClientId).toBe('id');
  });

  test('switching service and mode keeps each service values and the pasted text', () => {
    let state = run(initialState(s), { type: 'field', property: 'User', value: 'u' }, { type: 'paste', text: 'abc' }, { type: 'mode', mode: 'validate' });
    state = withService(reduce(state, { type: 'service', serviceId: 'other' }), other);
    state = run(state, { type: 'field', property: 'APIKey', value: 'k' }, { type: 'service', serviceId: 'acme' }, { type: 'mode', mode: 'build' });
    expect(state.values.acme?.User).toBe('u');
    expect(state.values.other?.APIKey).toBe('k');
    expect(state.pasted).toBe('abc');
  });

  test('reset clears the form to its defaults but keeps the pasted text', () => {
    const state = run(initialState(s), { type: 'field', property: 'User', value: 'u' }, { type: 'field', property: 'Profile', value: 'D:\\x\\AcmeLedger.apip' }, { type: 'paste', text: 'keep' }, { type: 'reset', service: s });
    expect(state.values.acme).toEqual({ Profile: profile });
    expect(state.pasted).toBe('keep');
  });
});

describe('share link', () => {
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
    expect(fragment).toContain('service=acme');
    expect(fragment).toContain('method=oauth');
  });

  test('restores the form it was made from, secrets empty', () => {
    const restored = restoreShared(initialState(s), s, shareFragment(s, filled));
    expect(restored.methods.acme).toBe('oauth');
    expect(restored.values.acme).toEqual({
      Profile: profile,
      OAuthClientId: 'my id',
      CallbackURL: 'http://localhost:33333/cb?x=1&y=2',
    });
  });

  test('a hand-edited link cannot inject a secret or an unknown method', () => {
    const read = readShareFragment('#service=acme&method=evil&p.OAuthClientSecret=x&p.Nope=1&p.Region=eu', s);
    expect(read).toEqual({ serviceId: 'acme', methodId: undefined, values: { Region: 'eu' } });
  });
});

describe('validate mode', () => {
  test('applying a did-you-mean fix rewrites only the misspelt key', () => {
    const pasted = `Profile=${profile};AuthScheme=OAUTH;OAuthClientId=a;OAuthClientSecert=b;CallbackURL=http://localhost:1`;
    const problem = buildProblems(s, pasted).find((p) => p.code === 'unknown-property');
    expect(problem?.fix).toBeDefined();
    const state = run(initialState(s), { type: 'paste', text: pasted }, { type: 'apply-fix', problem: problem! });
    expect(state.pasted).toBe(pasted.replace('OAuthClientSecert', 'OAuthClientSecret'));
  });

  test('a pasted string loads into the form with its method and values', () => {
    const pasted = "profile=C:\\p\\AcmeLedger.apip;authscheme=oauth;initiateoauth=off;OAuthClientId=x;ProfileSettings='APIKey=k'";
    expect(fromConnectionString(pasted, s)).toEqual({
      methodId: 'oauth',
      values: { Profile: 'C:\\p\\AcmeLedger.apip', AuthScheme: 'OAUTH', InitiateOAuth: 'OFF', OAuthClientId: 'x', APIKey: 'k' },
      names: ['Profile', 'InitiateOAuth', 'OAuthClientId', 'APIKey'],
    });
    const state = run(initialState(s, 'validate'), { type: 'paste', text: pasted }, { type: 'load-pasted', service: s });
    expect(state.mode).toBe('build');
    expect(buildString(s, state).text).toContain('InitiateOAuth=OFF');
  });

  test('an excerpt marks exactly the span', () => {
    const text = 'Profile=x;' + 'A'.repeat(40) + ';OAuthClientSecert=b';
    const at = text.indexOf('OAuthClientSecert');
    const cut = excerpt(text, { start: at, end: at + 17 }, 5);
    expect(cut).toEqual({ before: '…AAAA;', marked: 'OAuthClientSecert', after: '=b' });
  });
});

test('the island gets a smaller service that still validates the same', () => {
  const slim = slimService(s);
  // The prose the island never shows is gone (the size it saves on the real pages: tests/site/content/).
  expect(JSON.stringify(slim).length).toBeLessThan(JSON.stringify(s).length);
  expect(slim.overview).toBe('');
  expect(slim.properties.filter((p) => p.remarks !== undefined)).toEqual([]);
  expect(slim.properties.flatMap((p) => p.allowedValues ?? []).filter((v) => v.summary !== '')).toEqual([]);
  expect(slim.authMethods.flatMap((m) => m.steps).filter((step) => step.text !== '')).toEqual([]);
  const text = `Profile=${profile};APIKey=x;Timeout=abc;OAuthClientSecert=1`;
  expect(buildProblems(slim, text)).toEqual(buildProblems(s, text));
  expect(buildPairs(slim, initialState(slim))).toEqual(buildPairs(s, initialState(s)));
});

test('outputOf writes one output form, the same as the full set', () => {
  const text = 'Profile=C:\\profiles\\AirCall.apip;User="a b";Password=\'x;y\'';
  const forms = outputs(text);
  for (const tab of outputTabs) expect(outputOf(tab, text), tab).toBe(forms[tab]);
  expect(outputOf('jdbc', text)).not.toBe(text);
});

describe('the Validate tab never guesses a service (issue 20)', () => {
  const services = [other, s];
  /** /builder/ as it starts: the first service of the list selected, not picked by the user. */
  const start = (text: string) => run({ serviceId: 'other', mode: 'validate', methods: {}, values: {}, pasted: '', tab: 'plain' }, { type: 'paste', text });

  test.each([
    ['User=u;Password=p', 'The string has no Profile'],
    ['Profile=C:\\profiles\\Zoom.apip;User=u', 'The Profile names "Zoom.apip"'],
    ['Profile=\u201c\u201d;User=u', 'The Profile cannot be read'],
  ])('%s: asks which service, says why, and checks nothing', (text, why) => {
    const view = validateView(start(text), other, services, false);
    expect(view.needsService).toMatch(new RegExp(`^${why.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(view.summary).toMatch(/ Pick the service it is for in the Service list\.$/);
    expect(view.problems).toEqual([]);
    expect(view.safeFixes).toBe(0);
  });

  test('once the user picks a service, the string is checked against it, and the summary says why that one', () => {
    const picked = reduce(start('User=u;Password=p'), { type: 'service', serviceId: 'acme' });
    expect(picked.serviceBy).toBe('user');
    const view = validateView(picked, s, services, false);
    expect(view.needsService).toBeUndefined();
    expect(view.problems.map((p) => p.code)).toContain('missing-profile');
    expect(view.summary).toMatch(/ The string has no Profile, so it does not say which service it is for\. Checked against Acme Ledger because you picked it\.$/);
  });

  test('a service switched to from a Profile is not a pick: a later unrecognized string asks again', () => {
    const recognized = reduce(start(`Profile=${profile}`), { type: 'service', serviceId: 'acme', by: 'profile' });
    expect(validateView(recognized, s, services, false).inferredServiceId).toBe('acme');
    const edited = reduce(recognized, { type: 'paste', text: 'Profile=C:\\profiles\\Zoom.apip' });
    expect(validateView(edited, s, services, false).needsService).toContain('Zoom.apip');
  });

  test('the curly-quoted paste is recognized, and Fix all never names another service’s profile', () => {
    const pasted = 'Profile=\u201cC:\\profiles\\AcmeLedger.apip\u201d;ProfileSettings=\u2018APIKey=abc\u2019';
    const first = validateView(start(pasted), other, services, false);
    expect(first.inferredServiceId).toBe('acme');
    expect(first.problems).toEqual([]);
    const switched = reduce(start(pasted), { type: 'service', serviceId: 'acme', by: 'profile' });
    const view = validateView(switched, s, services, false);
    expect(view.problems.map((p) => p.code)).toEqual(['curly-quote', 'curly-quote']);
    const fixed = reduce(switched, { type: 'fix-all', service: s });
    expect(fixed.pasted).toBe("Profile=\"C:\\profiles\\AcmeLedger.apip\";ProfileSettings='APIKey=abc'");
    expect(fixed.pasted).not.toContain('OtherLedger');
    expect(validateView(fixed, s, services, false).summary).toBe('No problems: this string is valid for Acme Ledger. Service recognized from the Profile file name.');
  });

  test('a service picked over the Profile is checked, and the summary says the Profile names another', () => {
    const switched = reduce(start('Profile=C:\\profiles\\OtherLedger.apip;User=u'), { type: 'service', serviceId: 'other', by: 'profile' });
    const picked = reduce(switched, { type: 'service', serviceId: 'acme' });
    const view = validateView(picked, s, services, false);
    expect(view.inferredServiceId).toBe('other');
    expect(view.problems.map((p) => p.code)).toContain('wrong-profile');
    expect(view.summary).toMatch(/ Its Profile names the Other Ledger profile; checked against Acme Ledger because you picked it\.$/);
  });

  test('a picked service does not re-point a Profile that names another service, by single fix or Fix all', () => {
    const picked = reduce(start(`Profile=C:\\profiles\\OtherLedger.apip;ProfileSettings='APIKey=k'`), { type: 'service', serviceId: 'acme' });
    // On a service page (fixed), and on /builder/ with acme picked over the Profile.
    for (const view of [validateView(picked, s, services, true), validateView(picked, s, services, false)]) {
      const wrong = view.problems.find((p) => p.code === 'wrong-profile')!;
      expect(wrong.fix).toBeUndefined();
    }
    expect(reduce(picked, { type: 'fix-all', service: s }).pasted).toContain('OtherLedger.apip');
  });
});

describe('loading a string and sharing it (issue 20)', () => {
  const pasted = `Profile=${profile};ProfileSettings='APIKey=x';CustomHeaders=Authorization: Bearer tok_live_123;Other='ApiToken=tok_456';User=agent`;
  const loaded = run(initialState(s, 'validate'), { type: 'paste', text: pasted }, { type: 'load-pasted', service: s });

  test('the share link holds only non-secret fields of the form shown, never the token', () => {
    const share = buildView(loaded, s).share;
    expect(share).toBe('#service=acme&method=token');
    for (const secret of ['tok_live_123', 'tok_456', 'CustomHeaders', 'Other', 'agent', 'APIKey']) expect(share).not.toContain(secret);
  });

  test('the builder names what the form leaves out, and does not call the result ready', () => {
    const view = buildView(loaded, s);
    expect(view.leftOut).toBe('3 settings of the loaded string are not in this form, so the string below leaves them out: CustomHeaders, Other, User.');
    expect(view.summary).toBe('Complete for this form, but without the 3 loaded settings it does not have (listed above).');
    expect(view.summary).not.toContain('Ready');
    // User is on the basic form: switching there keeps it, and only the rest is left out.
    const basic = reduce(loaded, { type: 'method', methodId: 'basic' });
    expect(buildView(basic, s).leftOut).toBe('3 settings of the loaded string are not in this form, so the string below leaves them out: APIKey, CustomHeaders, Other.');
    expect(buildString(s, basic).text).toContain('User=agent');
    // A reset forgets the load.
    expect(buildView(reduce(loaded, { type: 'reset', service: s }), s).leftOut).toBeUndefined();
  });

  test('a share link carries no field of another method, no fixed value and no value carrying a credential', () => {
    const state = run(
      initialState(s),
      { type: 'method', methodId: 'oauth' },
      { type: 'field', property: 'OAuthClientId', value: 'Bearer abcdefgh123' },
      { type: 'field', property: 'User', value: 'someone' },
      { type: 'field', property: 'Region', value: 'eu' },
    );
    expect(shareFragment(s, state)).toBe('#service=acme&method=oauth&p.Region=eu');
  });

  test('reading a link ignores fields the linked form does not show', () => {
    const read = readShareFragment('#service=acme&method=oauth&p.Timeout=5&p.User=u&p.OAuthClientId=id&p.AuthScheme=BASIC&p.CustomHeaders=x', s);
    expect(read).toEqual({ serviceId: 'acme', methodId: 'oauth', values: { OAuthClientId: 'id' } });
  });
});

describe('a share link cannot pre-fill a trap without a word (issue 20)', () => {
  test('a network Profile and token file are filled, and each field gets a remote-path warning', () => {
    const hash = '#service=acme&method=oauth&p.Profile=%5C%5Cattacker.example%5Cshare%5CAcmeLedger.apip&p.OAuthSettingsLocation=%5C%5Cattacker.example%5Cshare%5Ctokens.txt';
    const state = restoreShared(initialState(s), s, hash);
    expect(state.values.acme?.OAuthSettingsLocation).toBe('\\\\attacker.example\\share\\tokens.txt');
    const view = buildView(state, s);
    expect(view.byField.get('Profile')?.map((p) => p.code)).toContain('remote-path');
    expect(view.byField.get('OAuthSettingsLocation')?.map((p) => [p.code, p.severity])).toEqual([['remote-path', 'warning']]);
    // OAuthSettingsLocation is an optional field: the island flags the collapsed section from this.
    expect(view.optional.map((f) => f.property.name)).toContain('OAuthSettingsLocation');
  });
});

describe('excerpts mask secrets', () => {
  test('the span, and the text around it, show ******** for a secret', () => {
    const text = `${profile};AuthScheme=BASIC;User=u;Password=my_password;Timeout=abc`;
    const view = validateView(run(initialState(s, 'validate'), { type: 'paste', text }), s, [s], true);
    const placeholder = view.problems.find((p) => p.code === 'placeholder-value')!;
    expect(excerpt(text, placeholder.span, 24, view.secrets)).toEqual({ before: '…e=BASIC;User=u;Password=', marked: '********', after: ';Timeout=abc' });
    const timeout = view.problems.find((p) => p.code === 'invalid-integer')!;
    expect(excerpt(text, timeout.span, 24, view.secrets).before).toBe('…ord=********;Timeout=');
  });
});
