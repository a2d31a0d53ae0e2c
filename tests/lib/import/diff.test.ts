/**
 * The importer's diff of two builds of one vendor page, on fixture pages written in the vendor's layout with our
 * own sentences (tests/fixtures/import/diff): every change with its direction, and a cut-off page's missing facts
 * reported as not shown, never as removals.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { diffPages } from '../../../src/lib/import/diff.ts';
import { readVendorPage } from '../../../src/lib/import/page.ts';
import { diffBuildFacts } from '../../../src/lib/providers/changes.ts';

const page = (name: string) => readVendorPage(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'import', 'diff', name), 'utf8'), name);
const pick = (changes: { kind: string; property: string | null; before: string | null; after: string | null }[], kind: string) =>
  changes.filter((c) => c.kind === kind).map((c) => [c.property, c.before, c.after]);

describe('diffPages', () => {
  const { changes, before, after } = diffPages(page('ledgerly-23.0.8839.0.txt'), page('ledgerly-24.0.9060.0.txt'));

  test('names both builds', () => {
    expect(before).toEqual({ file: 'ledgerly-23.0.8839.0.txt', build: '23.0.8839.0', truncated: false });
    expect(after.build).toBe('24.0.9060.0');
  });

  test('allowed values added and removed, each with its direction', () => {
    expect(pick(changes, 'value-added')).toEqual([
      ['AuthScheme', null, 'OAUTH_CLIENT'],
      ['Region', null, 'APAC'],
    ]);
    expect(pick(changes, 'value-removed')).toEqual([['AuthScheme', 'PASSWORD', null]]);
  });

  test('properties added and removed', () => {
    expect(pick(changes, 'property-added')).toEqual([['InitiateOAuth', null, 'InitiateOAuth']]);
    expect(pick(changes, 'property-removed')).toEqual([['Timeout', 'Timeout', null]]);
  });

  test('methods, defaults, examples, steps and menu paths', () => {
    expect(pick(changes, 'method-added')).toEqual([[
      'Using Client Credentials Authentication', null, 'Using Client Credentials Authentication',
    ]]);
    expect(pick(changes, 'method-removed')).toEqual([]);
    expect(pick(changes, 'default-changed')).toEqual([['Region', 'EU', 'US']]);
    expect(pick(changes, 'example-changed').map(([p]) => p)).toEqual(['Using OAuth Authentication']);
    expect(pick(changes, 'steps-changed').map(([p]) => p)).toEqual(['Using Token Authentication']);
    expect(pick(changes, 'menu-path-added')).toEqual([['Using Token Authentication', null, 'Settings › Developer › Keys']]);
    expect(pick(changes, 'menu-path-removed')).toEqual([['Using Token Authentication', 'Admin › Keys', null]]);
  });

  test('the reverse diff turns every direction round', () => {
    const back = diffPages(page('ledgerly-24.0.9060.0.txt'), page('ledgerly-23.0.8839.0.txt')).changes;
    expect(pick(back, 'value-removed')).toEqual([
      ['AuthScheme', 'OAUTH_CLIENT', null],
      ['Region', 'APAC', null],
    ]);
    expect(pick(back, 'value-added')).toEqual([['AuthScheme', null, 'PASSWORD']]);
    expect(pick(back, 'property-removed')).toEqual([['InitiateOAuth', 'InitiateOAuth', null]]);
    expect(pick(back, 'property-added')).toEqual([['Timeout', null, 'Timeout']]);
    expect(pick(back, 'method-removed').map(([p]) => p)).toEqual(['Using Client Credentials Authentication']);
  });

  test('a page cut off inside its table: what lies past the cut is not shown, not removed', () => {
    const cut = diffPages(page('ledgerly-24.0.9060.0.txt'), page('ledgerly-24.0.9300.0.txt'));
    expect(cut.after.truncated).toBe(true);
    expect(pick(cut.changes, 'value-added')).toEqual([['AuthScheme', null, 'APIKEY']]);
    expect(pick(cut.changes, 'property-removed')).toEqual([]);
    expect(pick(cut.changes, 'value-removed')).toEqual([]);
    expect(pick(cut.changes, 'default-changed')).toEqual([]);
    expect(cut.changes.filter((c) => c.kind === 'not-shown').map((c) => c.property).sort()).toEqual(['InitiateOAuth', 'OAuthClientId', 'OAuthClientSecret', 'Region']);
  });

  test('identical pages: no change', () => {
    expect(diffPages(page('ledgerly-24.0.9060.0.txt'), page('ledgerly-24.0.9060.0.txt')).changes).toEqual([]);
  });
});

describe('diffBuildFacts', () => {
  test('a property a page does not show before its cut but lists before a shown row is a real removal', () => {
    const older = { build: '1.0.0.0', properties: [{ name: 'A' }, { name: 'B' }, { name: 'C' }], methods: [] };
    const newer = { build: '2.0.0.0', properties: [{ name: 'A' }, { name: 'C' }], methods: [], unknown: new Set<string>() };
    expect(diffBuildFacts(older, newer)).toEqual([{ kind: 'property-removed', property: 'B', before: 'B', after: null }]);
  });
});

describe('importing several builds', () => {
  test('the draft lists each older build as what differs, and the review says what each build changed', async () => {
    const { importPages, sharedFrom } = await import('../../../src/lib/import/index.ts');
    const { acmeCatalog } = await import('../../support/acme.ts');
    const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'import', 'diff');
    const inputs = ['ledgerly-23.0.8839.0.txt', 'ledgerly-24.0.9060.0.txt'].map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
    const [imported] = importPages(inputs, sharedFrom(acmeCatalog().properties));
    expect(imported!.build).toBe('24.0.9060.0');
    const older = imported!.service.olderBuilds!;
    expect(older).toHaveLength(1);
    expect(older[0]).toMatchObject({ build: '23.0.8839.0', edition: '2024' });
    expect(older[0]!.properties).toContainEqual({ name: 'AuthScheme', allowedValues: ['NONE', 'OAUTH', 'PASSWORD'] });
    expect(older[0]!.properties).toContainEqual({ name: 'InitiateOAuth', absent: true });
    expect(older[0]!.removedLater).toEqual([{ name: 'Timeout' }]);
    const notes = imported!.findings.filter((f) => f.code === 'build-change').map((f) => f.message);
    expect(notes).toContain('23.0.8839.0 → 24.0.9060.0: AuthScheme: value OAUTH_CLIENT added.');
    expect(notes).toContain('23.0.8839.0 → 24.0.9060.0: AuthScheme: value PASSWORD removed.');
    expect(notes).toContain('23.0.8839.0 → 24.0.9060.0: Property removed: Timeout.');
    expect(imported!.findings.find((f) => f.code === 'build-change')!.severity).toBe('info');
  });
});
