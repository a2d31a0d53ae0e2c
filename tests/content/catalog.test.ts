/**
 * The real content (content/): the documented services load, resolve the shared properties and carry
 * every seed correction beside the data; a fixture service copied beside them loads with no code change. The
 * catalog's rules themselves (fixture services, bad data) are
 * tested in tests/lib/providers/catalog.test.ts.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ResolvedService } from '../../src/lib/providers/catalog.ts';
import { methodsUsing } from '../../src/lib/providers/queries.ts';
import { lookupProperty } from '../../src/lib/connstr/index.ts';
import { loadCatalog } from '../../src/lib/providers/load.ts';
import seedFacts from '../fixtures/seeds/facts.json';
import familyFacts from '../fixtures/family/facts.json';

const findProperty = (service: ResolvedService, name: string) => lookupProperty(service, name)?.property;

const root = join(import.meta.dirname, '..', '..');
const realContent = join(root, 'content');

describe('the real content', () => {
  const catalog = loadCatalog(realContent);

  /** The service files as written, by id (what the catalog must hold, read without it). */
  const files = new Map(
    readdirSync(join(realContent, 'services'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(realContent, 'services', f), 'utf8')) as { name: string; properties: { name: string }[] }]),
  );

  test('holds a service for every file, sorted by name, and no draft', () => {
    expect(catalog.services.map((s) => s.id).sort()).toEqual([...files.keys()].sort());
    expect(catalog.services.map((s) => s.name)).toEqual(catalog.services.map((s) => s.name).sort((a, b) => a.localeCompare(b)));
    expect(catalog.drafts).toBeUndefined();
  });

  test('documents every seed service and every service whose vendor page we hold facts for', () => {
    expect([...files.keys()]).toEqual(expect.arrayContaining([...Object.keys(seedFacts), ...Object.keys(familyFacts)]));
  });

  test('every service resolves the shared driver properties once', () => {
    for (const service of catalog.services) {
      const names = service.properties.map((p) => p.name.toLowerCase());
      expect(new Set(names).size, service.id).toBe(names.length);
      expect(findProperty(service, 'profile')?.name).toBe('Profile');
      expect(findProperty(service, 'Auth Scheme')?.name, 'alias').toBe('AuthScheme');
    }
  });

  test('APIKey is a ProfileSettings entry only for the services that list it', () => {
    const withKey = catalog.services.filter((s) => findProperty(s, 'APIKey')).map((s) => s.id);
    expect(withKey.sort()).toEqual([...files].filter(([, file]) => file.properties.some((p) => p.name === 'APIKey')).map(([id]) => id).sort());
    expect(withKey.length).toBeGreaterThan(1);
    const helpscout = catalog.services.find((s) => s.id === 'helpscout')!;
    expect(findProperty(helpscout, 'APIKey')).toMatchObject({ placement: 'profileSettings', sensitive: true });
    expect(findProperty(helpscout, 'APIKey')!.summary).not.toMatch(/GetResponse/);
  });

  test('narrowing keeps only the service’s AuthScheme values', () => {
    const aircall = catalog.services.find((s) => s.id === 'aircall')!;
    expect(findProperty(aircall, 'AuthScheme')!.allowedValues!.map((v) => v.value)).toEqual(['BASIC', 'OAUTH']);
    const leaddesk = catalog.services.find((s) => s.id === 'leaddesk')!;
    expect(findProperty(leaddesk, 'AuthScheme')!.allowedValues!.map((v) => v.value)).toEqual([
      'BASIC', 'NONE', 'NTLM', 'OAUTH', 'OAUTH_CLIENT', 'APIKEY',
    ]);
  });

  test('LeadDesk lists User and Password and its method requires them', () => {
    const leaddesk = catalog.services.find((s) => s.id === 'leaddesk')!;
    expect(leaddesk.listedProperties).toEqual(expect.arrayContaining(['User', 'Password']));
    expect(methodsUsing(leaddesk, 'Password')).toEqual([{ method: leaddesk.authMethods[0], required: true }]);
  });

  test('secrets are flagged sensitive', () => {
    const names = catalog.properties.filter((p) => p.sensitive).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Password', 'OAuthClientSecret', 'OAuthAccessToken', 'APIKey', 'ProxyPassword']));
    expect(names).not.toContain('OAuthClientId');
  });

  test('every seed correction is recorded beside the data', () => {
    const all = JSON.stringify(catalog);
    expect(all).toMatch(/GetResponse/); // HelpScout APIKey row copied from another service
    expect(all).toMatch(/None or OAuth/); // "accepted entries" sentence vs the list
    expect(all).toMatch(/ProfileSettings, but the example/); // Intercom OAuth placement
    expect(all).toMatch(/no rows for them/); // LeadDesk User and Password
    expect(all).toMatch(/APIId:APIToken/); // AirCall KB disagreement
  });
});

describe('adding a service is adding data', () => {
  test('a fixture service in a copied content folder is loaded with no code change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'connector-content-'));
    try {
      cpSync(realContent, dir, { recursive: true });
      cpSync(join(root, 'tests/fixtures/providers/acme-content/services/acme.json'), join(dir, 'services/acme.json'));
      const before = loadCatalog(realContent).services.map((s) => s.id);
      const catalog = loadCatalog(dir);
      const acme = catalog.services.find((s) => s.id === 'acme');
      expect(acme?.name).toBe('Acme Ledger');
      expect(findProperty(acme!, 'region')).toMatchObject({ origin: 'service', placement: 'profileSettings', default: 'us' });
      // Every service already there is still there, and acme is the one more (however many the content has).
      expect(catalog.services.map((s) => s.id).sort()).toEqual([...before, 'acme'].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
