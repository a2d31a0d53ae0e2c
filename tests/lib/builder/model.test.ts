/**
 * The builder's state and its reducer: what the island keeps and how each action changes it. Runs on the `acme`
 * fixture service (tests/support/acme.ts), so content edits never break it; the same checks on the real services
 * are in tests/content/builder-model.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { buildString, currentMethod } from '../../../src/lib/builder/form.ts';
import { initialState, reduce, withService, type BuilderState } from '../../../src/lib/builder/model.ts';
import type { BuilderService } from '../../../src/lib/builder/payload.ts';
import { fromConnectionString, pastedView } from '../../../src/lib/builder/validation.ts';
import { buildView } from '../../../src/lib/builder/views.ts';
import { acmePayload } from '../../support/acme.ts';
import { loadStep, run } from '../../support/builder-checker.ts';

const s = acmePayload();
const profile = 'C:\\profiles\\AcmeLedger.apip';
/** A second service for the switching tests: acme under another id, profile file and name. */
const other: BuilderService = { ...s, id: 'other', label: 'Other Ledger', profileFile: 'OtherLedger.apip' };
const names = (fields: { property: { name: string } }[]) => fields.map((f) => f.property.name);

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

  test('a driver build is chosen per service, keeps what was typed, and survives reset', () => {
    let state = run(initialState(s), { type: 'field', property: 'User', value: 'u' }, { type: 'driver-build', build: '1.0.0.0' });
    expect(state.builds).toEqual({ acme: '1.0.0.0' });
    expect(state.values.acme?.User).toBe('u');
    // Another service starts on its newest build; coming back finds the build chosen for acme.
    state = withService(reduce(state, { type: 'service', serviceId: 'other' }), other);
    expect(state.builds.other).toBeUndefined();
    state = run(state, { type: 'service', serviceId: 'acme' }, { type: 'reset', service: s });
    expect(state.builds).toEqual({ acme: '1.0.0.0' });
    expect(run(state, { type: 'driver-build', build: undefined }).builds).toEqual({});
  });

  test('reset clears the form to its defaults but keeps the pasted text', () => {
    const state = run(initialState(s), { type: 'field', property: 'User', value: 'u' }, { type: 'field', property: 'Profile', value: 'D:\\x\\AcmeLedger.apip' }, { type: 'paste', text: 'keep' }, { type: 'reset', service: s });
    expect(state.values.acme).toEqual({ Profile: profile });
    expect(state.pasted).toBe('keep');
  });
});

describe('validate mode', () => {
  test('applying a did-you-mean fix rewrites only the misspelt key', () => {
    const pasted = `Profile=${profile};AuthScheme=OAUTH;OAuthClientId=a;OAuthClientSecert=b;CallbackURL=http://localhost:1`;
    const problem = pastedView(s, pasted).problems.find((p) => p.code === 'unknown-property');
    expect(problem?.fix).toBeDefined();
    const state = run(initialState(s), { type: 'paste', text: pasted }, { type: 'apply-fix', from: pasted, edits: problem!.fix!.edits });
    expect(state.pasted).toBe(pasted.replace('OAuthClientSecert', 'OAuthClientSecret'));
    // A fix computed for a text the user has since changed is dropped.
    expect(run(state, { type: 'apply-fix', from: pasted, edits: problem!.fix!.edits }).pasted).toBe(state.pasted);
  });

  test('a pasted string loads into the form with its method and values', () => {
    const pasted = "profile=C:\\p\\AcmeLedger.apip;authscheme=oauth;initiateoauth=off;OAuthClientId=x;ProfileSettings='APIKey=k'";
    expect(fromConnectionString(pasted, s)).toEqual({
      methodId: 'oauth',
      values: { Profile: 'C:\\p\\AcmeLedger.apip', AuthScheme: 'OAUTH', InitiateOAuth: 'OFF', OAuthClientId: 'x', APIKey: 'k' },
      names: ['Profile', 'InitiateOAuth', 'OAuthClientId', 'APIKey'],
    });
    const state = run(initialState(s, 'validate'), { type: 'paste', text: pasted }, loadStep(s));
    expect(state.mode).toBe('build');
    expect(buildString(s, state).text).toContain('InitiateOAuth=OFF');
  });
});
