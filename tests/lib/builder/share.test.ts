/** The builder's share link: non-secret fields out, and nothing secret or unknown back in. Runs on the `acme` fixture. */
import { describe, expect, test } from 'vitest';
import { initialState, reduce, restoreShared, type Action, type BuilderState } from '../../../src/lib/builder/model.ts';
import { linkedBuild, readShareFragment, shareFragment, unknownBuildNotice } from '../../../src/lib/builder/share.ts';
import { acmePayload } from '../../support/acme.ts';

const s = acmePayload();
const profile = 'C:\\profiles\\AcmeLedger.apip';
const run = (state: BuilderState, ...actions: Action[]) => actions.reduce(reduce, state);

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

describe('the driver build in a share link', () => {
  const base = run(initialState(s), { type: 'field', property: 'Region', value: 'eu' });

  test('an older build chosen travels in the link; the newest (no choice) does not', () => {
    expect(shareFragment(s, base)).not.toContain('build=');
    const older = run(base, { type: 'driver-build', build: '1.0.0.0' });
    const fragment = shareFragment(s, older);
    expect(new URLSearchParams(fragment.slice(1)).get('build')).toBe('1.0.0.0');
    expect(linkedBuild(fragment, '', { builds: ['2.0.0.0', '1.0.0.0'] })).toEqual({ build: '1.0.0.0' });
    // Back to the newest: the choice is gone, and so is the build from the link.
    expect(shareFragment(s, run(older, { type: 'driver-build', build: undefined }))).not.toContain('build=');
  });

  const builds = { builds: ['2.0.0.0', '1.0.0.0'] };
  test.each([
    ['an older build the service documents', '#service=acme&build=1.0.0.0', '', builds, { build: '1.0.0.0' }],
    ['the newest build, named', '#service=acme&build=2.0.0.0', '', builds, {}],
    ['no build', '#service=acme', '', builds, {}],
    ['an empty build', '#service=acme&build=', '', builds, {}],
    ['a build the service does not document', '#service=acme&build=9.9', '', builds, { unknown: '9.9' }],
    ['the query’s build (the link from an older build’s page)', '', '?service=acme&build=1.0.0.0', builds, { build: '1.0.0.0' }],
    ['the fragment wins over the query', '#service=acme&build=2.0.0.0', '?build=1.0.0.0', builds, {}],
    ['a service documented in one build', '#service=acme&build=1.0.0.0', '', { builds: ['2.0.0.0'] }, { unknown: '1.0.0.0' }],
  ])('%s', (_what, hash, search, service, expected) => {
    expect(linkedBuild(hash, search, service)).toEqual(expected);
  });

  test('a build the service does not document is said, with the builds it does', () => {
    expect(unknownBuildNotice({ label: 'Acme Ledger', builds: ['2.0.0.0', '1.0.0.0'] }, '9.9')).toBe(
      'The link asks for build 9.9 of Acme Ledger, which this site does not document (it documents builds 2.0.0.0, 1.0.0.0). Showing the newest build.',
    );
    expect(unknownBuildNotice({ label: 'Acme Ledger', builds: ['2.0.0.0'] }, '9.9')).toContain('(it documents only build 2.0.0.0)');
    // A hand-made link's long value is cut, so the notice stays short.
    const notice = unknownBuildNotice({ label: 'Acme Ledger', builds: ['2.0.0.0'] }, 'x'.repeat(5000));
    expect(notice).toContain(`build ${'x'.repeat(40)}… of Acme Ledger`);
    expect(notice.length).toBeLessThan(200);
  });
});
