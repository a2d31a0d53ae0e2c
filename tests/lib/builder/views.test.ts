/**
 * What the island renders, derived from its state and payload: build mode's and validate mode's views. Runs on
 * the `acme` fixture service (tests/support/acme.ts).
 */
import { describe, expect, test } from 'vitest';
import { builderService } from '../../../src/lib/builder/data.ts';
import { buildString } from '../../../src/lib/builder/form.ts';
import { initialState, reduce, restoreShared, type BuilderState } from '../../../src/lib/builder/model.ts';
import type { BuilderService } from '../../../src/lib/builder/payload.ts';
import { readShareFragment, shareFragment } from '../../../src/lib/builder/share.ts';
import { excerpt, shownFindings, SHOWN_PER_GROUP, validateView } from '../../../src/lib/builder/validation.ts';
import type { Problem, ProblemCode } from '../../../src/lib/connstr/index.ts';
import { buildView, emptyRequired } from '../../../src/lib/builder/views.ts';
import { acme, acmePayload } from '../../support/acme.ts';
import { checkedBuildView, fixAllStep, loadStep, run } from '../../support/builder-checker.ts';

const s = acmePayload();
const profile = 'C:\\profiles\\AcmeLedger.apip';
/** A second service for the switching tests: acme under another id, profile file and name. */
const other: BuilderService = { ...s, id: 'other', label: 'Other Ledger', profileFile: 'OtherLedger.apip' };

describe('buildView: what build mode renders', () => {
  test('a fresh form: the default method, Profile set, one required setting still empty', () => {
    const view = checkedBuildView(initialState(s), s);
    expect(view.output.text).toBe(`Profile=${profile}`);
    expect(view.typed).toEqual({ Profile: profile });
    expect(view.byField.get('APIKey')?.map((p) => p.code)).toEqual(['missing-required']);
    expect(view.summary).toBe('1 required setting is still empty.');
    expect(view.share).toBe('#service=acme&method=token');
  });

  test('two empty settings are counted in the plural', () => {
    expect(checkedBuildView(run(initialState(s), { type: 'method', methodId: 'basic' }), s).summary).toBe('2 required settings are still empty.');
  });

  test('a complete form is ready to use', () => {
    const view = checkedBuildView(run(initialState(s), { type: 'field', property: 'APIKey', value: 'k' }), s);
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
    expect(checkedBuildView(state, s).summary).toBe('Fix the settings marked above.');
  });

  test('before the engine answers: the form counts what is empty, the fields keep the last answer, nothing is called ready', () => {
    const fresh = buildView(initialState(s), s, undefined);
    expect(fresh.summary).toBe('1 required setting is still empty.');
    expect(fresh.checked).toBe(false);
    expect(fresh.byField.size).toBe(0);
    const typed = run(initialState(s), { type: 'field', property: 'APIKey', value: 'k' });
    const last = checkedBuildView(run(initialState(s), { type: 'field', property: 'APIKey', value: 'not-yet' }), s);
    const waiting = buildView(typed, s, { text: last.output.text, problems: last.problems });
    expect(waiting.summary).toBe('Checking the string…');
    expect(waiting.checked).toBe(false);
  });

  // The island shows a form's first string without loading the engine: the form's own count of empty required
  // settings must be the engine's whole verdict on it (tests/content/builder-model.test.ts holds it for the real services).
  test.each(s.authMethods.map((m) => [m.id]))('the %s form as it starts: the engine finds exactly what the form leaves empty', (methodId) => {
    const state = run(initialState(s), { type: 'method', methodId });
    const engine = checkedBuildView(state, s);
    expect(engine.problems.map((p) => [p.code, p.property])).toEqual(emptyRequired(s, state).map((f) => ['missing-required', f.property.name]));
    expect(buildView(state, s, undefined).summary).toBe(engine.summary);
  });

  test('a value the driver cannot read says so instead of a string', () => {
    const view = checkedBuildView(run(initialState(s), { type: 'field', property: 'APIKey', value: 'a\u0000b' }), s);
    expect(view.output.text).toBe('');
    expect(view.problems).toEqual([]);
    expect(view.summary).toMatch(/^Cannot write this string: Cannot write the value of "APIKey"/);
  });
});

describe('validateView: what validate mode renders', () => {
  const paste = (text: string) => run(initialState(s, 'validate'), { type: 'paste', text });

  test('nothing pasted: no findings, a hint', () => {
    expect(validateView(paste('  '), s, [s, other], false)).toEqual({ total: 0, findings: [], notShown: 0, summary: 'Checked against Acme Ledger when you paste.', safeFixes: 0 });
  });

  test('the service goes by its one label (the brand spelling when it has one)', () => {
    const branded = builderService({ ...acme(), brandName: 'ACME ledger' });
    expect(validateView(paste(''), branded, [branded], true).summary).toBe('Checked against ACME ledger when you paste.');
  });

  test('a valid string for the service', () => {
    const view = validateView(paste(`Profile=${profile};ProfileSettings='APIKey=k'`), s, [s, other], true);
    expect(view.findings).toEqual([]);
    expect(view.summary).toBe('No problems: this string is valid for Acme Ledger.');
  });

  test('findings are counted by severity', () => {
    const view = validateView(paste(`Profile=${profile};AuthScheme=BASIC;User=u`), s, [s, other], true);
    const errors = view.findings.filter((p) => p.severity === 'error').length;
    expect(errors).toBeGreaterThan(0);
    expect(view.total).toBe(view.findings.length);
    expect(view.summary).toMatch(new RegExp(`^${view.findings.length} findings? for Acme Ledger: ${errors} errors?, \\d+ warnings?, \\d+ notes?\\.$`));
  });

  test('on /builder/ the Profile names the service; on a service page it does not', () => {
    const state = paste("Profile='D:\\x\\OtherLedger.apip'");
    // Still on acme: the island switches to the service named; nothing is checked against acme meanwhile.
    const switching = validateView(state, s, [s, other], false);
    expect(switching.inferredServiceId).toBe('other');
    expect(switching.findings).toEqual([]);
    expect(switching.summary).toBe('This string is for Other Ledger (from its Profile); loading its settings…');
    const open = validateView(state, other, [s, other], false);
    expect(open.inferredServiceId).toBe('other');
    expect(open.summary).toMatch(/ Service recognized from the Profile file name\.$/);
    const fixed = validateView(state, s, [s, other], true);
    expect(fixed.inferredServiceId).toBeUndefined();
    expect(fixed.summary).not.toContain('recognized');
  });
});

describe('validate mode', () => {
  test('an excerpt marks exactly the span', () => {
    const text = 'Profile=x;' + 'A'.repeat(40) + ';OAuthClientSecert=b';
    const at = text.indexOf('OAuthClientSecert');
    const cut = excerpt(text, { start: at, end: at + 17 }, 5);
    expect(cut).toEqual({ before: '…AAAA;', marked: 'OAuthClientSecert', after: '=b' });
  });
});

describe('the Validate tab never guesses a service (issue 20)', () => {
  const services = [other, s];
  /** /builder/ as it starts: the first service of the list selected, not picked by the user. */
  const start = (text: string) => run({ serviceId: 'other', mode: 'validate', methods: {}, builds: {}, values: {}, pasted: '', tab: 'plain' }, { type: 'paste', text });

  test.each([
    ['User=u;Password=p', 'The string has no Profile'],
    ['Profile=C:\\profiles\\Zoom.apip;User=u', 'The Profile names "Zoom.apip"'],
    ['Profile=\u201c\u201d;User=u', 'The Profile cannot be read'],
  ])('%s: asks which service, says why, and checks nothing', (text, why) => {
    const view = validateView(start(text), other, services, false);
    expect(view.needsService).toMatch(new RegExp(`^${why.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(view.summary).toMatch(/ Pick the service it is for in the Service list\.$/);
    expect(view.findings).toEqual([]);
    expect(view.safeFixes).toBe(0);
  });

  test('once the user picks a service, the string is checked against it, and the summary says why that one', () => {
    const picked = reduce(start('User=u;Password=p'), { type: 'service', serviceId: 'acme' });
    expect(picked.serviceBy).toBe('user');
    const view = validateView(picked, s, services, false);
    expect(view.needsService).toBeUndefined();
    expect(view.findings.map((p) => p.code)).toContain('missing-profile');
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
    expect(first.findings).toEqual([]);
    const switched = reduce(start(pasted), { type: 'service', serviceId: 'acme', by: 'profile' });
    const view = validateView(switched, s, services, false);
    expect(view.findings.map((p) => p.code)).toEqual(['curly-quote', 'curly-quote']);
    const fixed = run(switched, fixAllStep(s));
    expect(fixed.pasted).toBe("Profile=\"C:\\profiles\\AcmeLedger.apip\";ProfileSettings='APIKey=abc'");
    expect(fixed.pasted).not.toContain('OtherLedger');
    expect(validateView(fixed, s, services, false).summary).toBe('No problems: this string is valid for Acme Ledger. Service recognized from the Profile file name.');
  });

  test('a service picked over the Profile is checked, and the summary says the Profile names another', () => {
    const switched = reduce(start('Profile=C:\\profiles\\OtherLedger.apip;User=u'), { type: 'service', serviceId: 'other', by: 'profile' });
    const picked = reduce(switched, { type: 'service', serviceId: 'acme' });
    const view = validateView(picked, s, services, false);
    expect(view.inferredServiceId).toBe('other');
    expect(view.findings.map((p) => p.code)).toContain('wrong-profile');
    expect(view.summary).toMatch(/ Its Profile names the Other Ledger profile; checked against Acme Ledger because you picked it\.$/);
  });

  test('a picked service does not re-point a Profile that names another service, by single fix or Fix all', () => {
    const picked = reduce(start(`Profile=C:\\profiles\\OtherLedger.apip;ProfileSettings='APIKey=k'`), { type: 'service', serviceId: 'acme' });
    // On a service page (fixed), and on /builder/ with acme picked over the Profile.
    for (const view of [validateView(picked, s, services, true), validateView(picked, s, services, false)]) {
      const wrong = view.findings.find((p) => p.code === 'wrong-profile')!;
      expect(wrong.fix).toBeUndefined();
    }
    expect(run(picked, fixAllStep(s)).pasted).toContain('OtherLedger.apip');
  });
});

describe('loading a string and sharing it (issue 20)', () => {
  const pasted = `Profile=${profile};ProfileSettings='APIKey=x';CustomHeaders=Authorization: Bearer tok_live_123;Other='ApiToken=tok_456';User=agent`;
  const loaded = run(initialState(s, 'validate'), { type: 'paste', text: pasted }, loadStep(s));

  test('the share link holds only non-secret fields of the form shown, never the token', () => {
    const share = checkedBuildView(loaded, s).share;
    expect(share).toBe('#service=acme&method=token');
    for (const secret of ['tok_live_123', 'tok_456', 'CustomHeaders', 'Other', 'agent', 'APIKey']) expect(share).not.toContain(secret);
  });

  test('the builder names what the form leaves out, and does not call the result ready', () => {
    const view = checkedBuildView(loaded, s);
    expect(view.leftOut).toBe('3 settings of the loaded string are not in this form, so the string below leaves them out: CustomHeaders, Other, User.');
    expect(view.summary).toBe('Complete for this form, but without the 3 loaded settings it does not have (listed above).');
    expect(view.summary).not.toContain('Ready');
    // User is on the basic form: switching there keeps it, and only the rest is left out.
    const basic = reduce(loaded, { type: 'method', methodId: 'basic' });
    expect(checkedBuildView(basic, s).leftOut).toBe('3 settings of the loaded string are not in this form, so the string below leaves them out: APIKey, CustomHeaders, Other.');
    expect(buildString(s, basic).text).toContain('User=agent');
    // A reset forgets the load.
    expect(checkedBuildView(reduce(loaded, { type: 'reset', service: s }), s).leftOut).toBeUndefined();
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
    const view = checkedBuildView(state, s);
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
    const placeholder = view.findings.find((p) => p.code === 'placeholder-value')!;
    expect(placeholder.excerpt).toEqual({ before: '…e=BASIC;User=u;Password=', marked: '********', after: ';Timeout=abc' });
    const timeout = view.findings.find((p) => p.code === 'invalid-integer')!;
    expect(timeout.excerpt.before).toBe('…ord=********;Timeout=');
  });
});

describe('a long paste: findings grouped and capped, the rest counted', () => {
  const pairs = (n: number) => Array.from({ length: n }, (_, i) => `Key${i}=v`).join(';');

  test('one group of many shows its first few and says how many more are like them', () => {
    const text = `Profile=${profile};ProfileSettings='APIKey=k';${pairs(1000)}`;
    const view = validateView(run(initialState(s, 'validate'), { type: 'paste', text }), s, [s], true);
    expect(view.total).toBe(1000);
    expect(view.summary).toBe('1,000 findings for Acme Ledger: 0 errors, 1,000 warnings, 0 notes.');
    expect(view.findings.map((f) => f.code)).toEqual(Array(SHOWN_PER_GROUP).fill('unknown-property'));
    expect(view.findings.at(-1)!.more).toBe(1000 - SHOWN_PER_GROUP);
    expect(view.findings.slice(0, -1).every((f) => f.more === undefined)).toBe(true);
    expect(view.notShown).toBe(0);
  });

  test('groups go by code and property, in the order they first occur; past the cap whole groups are counted', () => {
    const text = `Profile=${profile};ProfileSettings='APIKey=k';Timeout=x;Key0=v;Key1=v;Readonly=maybe;Key2=v`;
    const view = validateView(run(initialState(s, 'validate'), { type: 'paste', text }), s, [s], true);
    const groups = view.findings.map((f) => `${f.code}:${f.property ?? ''}`);
    // Key2 is listed with its group, before the Readonly finding that comes before it in the text.
    expect(groups.filter((g) => !g.startsWith('ignored-by-method'))).toEqual([
      'invalid-integer:Timeout',
      'unknown-property:',
      'unknown-property:',
      'unknown-property:',
      'invalid-boolean:Readonly',
    ]);
    expect(view.findings.reduce((n, f) => n + 1 + (f.more ?? 0), 0) + view.notShown).toBe(view.total);

  });

  test('past the cap, whole groups are counted, not listed', () => {
    const problem = (code: ProblemCode, property: string, start: number): Problem => ({ code, severity: 'warning', message: `${code} ${property}`, property, span: { start, end: start + 1 } });
    const problems = [problem('unknown-property', 'a', 0), problem('invalid-integer', 'b', 1), problem('unknown-property', 'a', 2), problem('invalid-url', 'c', 3), problem('invalid-url', 'c', 4)];
    const shown = shownFindings('abcdefgh', problems, [], { perGroup: 2, most: 3 });
    expect(shown.findings.map((f) => [f.code, f.span.start, f.more])).toEqual([
      ['unknown-property', 0, undefined],
      ['unknown-property', 2, undefined],
      ['invalid-integer', 1, undefined],
    ]);
    expect(shown.notShown).toBe(2);
    // A group cut by the cap says how many of it are left.
    expect(shownFindings('abcdefgh', problems, [], { perGroup: 2, most: 1 }).findings).toMatchObject([{ code: 'unknown-property', more: 1 }]);
  });
});
