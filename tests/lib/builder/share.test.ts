/** The builder's share link: non-secret fields out, and nothing secret or unknown back in. Runs on the `acme` fixture. */
import { describe, expect, test } from 'vitest';
import { initialState, reduce, restoreShared, type Action, type BuilderState } from '../../../src/lib/builder/model.ts';
import { readShareFragment, shareFragment } from '../../../src/lib/builder/share.ts';
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
