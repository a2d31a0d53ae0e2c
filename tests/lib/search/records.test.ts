/** The search records built from the catalog: one per property entry, with the URL, facts and filters a result needs. */
import { describe, expect, test } from 'vitest';
import { getCatalog } from '../../../src/lib/providers/load.ts';
import { searchRecords } from '../../../src/lib/search/records.ts';

const catalog = getCatalog();
const records = searchRecords(catalog, (path) => `/docs/${path}`);
const find = (url: string) => records.find((r) => r.url === url);

describe('search records', () => {
  test('one record per property of each service table, and one per reference entry', () => {
    const serviceRecords = records.filter((r) => r.url.includes('/services/'));
    const expected = catalog.services.reduce((n, s) => n + 2 + s.listedProperties.length, 0);
    expect(serviceRecords).toHaveLength(expected);
    const referenceRecords = records.filter((r) => r.url.includes('/reference/'));
    expect(referenceRecords.length).toBeGreaterThanOrEqual(catalog.properties.length);
    expect(new Set(records.map((r) => r.url)).size).toBe(records.length);
  });

  test('URLs carry the base path and the property anchor', () => {
    expect(find('/docs/services/intercom/#prop-APIKey')).toBeDefined();
    expect(find('/docs/reference/#prop-InitiateOAuth')).toBeDefined();
    for (const record of records) expect(record.url).toMatch(/^\/docs\/(services\/[a-z-]+|reference)\/#prop-[A-Za-z0-9_]+$/);
  });

  test('a service record names its service, category and placement, and filters by them', () => {
    const apiKey = find('/docs/services/helpscout/#prop-APIKey')!;
    expect(apiKey.meta).toEqual({ title: 'APIKey', context: 'Help Scout · Authentication · inside ProfileSettings' });
    expect(apiKey.filters).toEqual({ service: ['Help Scout'], category: ['Authentication'], method: ['API key (Docs API)'] });
    expect(apiKey.content).toContain("ProfileSettings='APIKey=…'");
    expect(apiKey.content).toContain('Sensitive');
  });

  test('allowed values are searchable on the property that accepts them', () => {
    expect(find('/docs/services/leaddesk/#prop-InitiateOAuth')!.content).toMatch(/Allowed values: .*GETANDREFRESH/);
  });

  test('a general property in the reference is filed under every service', () => {
    const timeout = records.find((r) => r.url === '/docs/reference/#prop-Timeout');
    expect(timeout?.filters.service).toHaveLength(catalog.services.length);
    expect(timeout?.meta.context).toMatch(/^Reference · all services · /);
  });
});
