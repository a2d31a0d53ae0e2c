/**
 * What the island renders, derived from its state and payload: build mode's and validate mode's views. Runs on
 * the `acme` fixture service (tests/support/acme.ts).
 */
import { describe, expect, test } from 'vitest';
import { builderService } from '../../../src/lib/builder/data.ts';
import { initialState, reduce, type Action, type BuilderState } from '../../../src/lib/builder/model.ts';
import type { BuilderService } from '../../../src/lib/builder/payload.ts';
import { buildView, excerpt, inferServiceId, validateView } from '../../../src/lib/builder/views.ts';
import { acme, acmePayload } from '../../support/acme.ts';

const s = acmePayload();
const profile = 'C:\\profiles\\AcmeLedger.apip';
/** A second service for the switching tests: acme under another id, profile file and name. */
const other: BuilderService = { ...s, id: 'other', label: 'Other Ledger', profileFile: 'OtherLedger.apip' };
const run = (state: BuilderState, ...actions: Action[]) => actions.reduce(reduce, state);

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
    expect(validateView(paste('  '), s, [s, other], false)).toEqual({ text: '  ', inferredServiceId: undefined, problems: [], summary: 'Checked against Acme Ledger when you paste.', formLabel: undefined, safeFixes: 0 });
  });

  test('the service goes by its one label (the brand spelling when it has one)', () => {
    const branded = builderService({ ...acme(), brandName: 'ACME ledger' });
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
    const open = validateView(state, s, [s, other], false);
    expect(open.inferredServiceId).toBe('other');
    expect(open.summary).toMatch(/ Service recognized from the Profile file name\.$/);
    const fixed = validateView(state, s, [s, other], true);
    expect(fixed.inferredServiceId).toBeUndefined();
    expect(fixed.summary).not.toContain('recognized');
  });
});

describe('validate mode', () => {
  test.each([
    [`Profile=${profile}`, 'acme'],
    ["Profile='D:\\Work Files\\otherledger.APIP';x=1", 'other'],
    ['Profile=/home/me/AcmeLedger.apip', 'acme'],
    ['Profile=C:\\profiles\\Unknown.apip', undefined],
    ['User=x', undefined],
  ])('the service of %s is %s', (text, id) => {
    expect(inferServiceId(text, [s, other])).toBe(id);
  });

  test('an excerpt marks exactly the span', () => {
    const text = 'Profile=x;' + 'A'.repeat(40) + ';OAuthClientSecert=b';
    const at = text.indexOf('OAuthClientSecert');
    const cut = excerpt(text, { start: at, end: at + 17 }, 5);
    expect(cut).toEqual({ before: '…AAAA;', marked: 'OAuthClientSecert', after: '=b' });
  });
});
