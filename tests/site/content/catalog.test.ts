/**
 * The real content (content/): the documented services load, resolve the shared properties and carry
 * every seed correction beside the data. The catalog's rules themselves (fixture services, bad data) are
 * tested in tests/lib/providers/catalog.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { methodsUsing, type ResolvedService } from '../../../src/lib/providers/catalog.ts';
import { lookupProperty } from '../../../src/lib/connstr/index.ts';

const findProperty = (service: ResolvedService, name: string) => lookupProperty(service, name)?.property;
import { loadCatalog } from '../../../src/lib/providers/load.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const realContent = join(root, 'content');

describe('the real content', () => {
  const catalog = loadCatalog(realContent);

  test('holds the documented services, sorted by name, and no draft', () => {
    expect(catalog.services.map((s) => s.id)).toEqual(['aircall', 'discord', 'drift', 'freeehr', 'harvest', 'helpscout', 'humanity', 'icontact', 'infusionsoft', 'intercom', 'leaddesk', 'smarthr', 'zoom']);
    expect(catalog.drafts).toBeUndefined();
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
    expect(withKey).toEqual(['discord', 'harvest', 'helpscout', 'intercom', 'smarthr']);
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
