/** The search records built from the catalog: one per property, with the URL, facts, service rows and filters a result needs. */
import { describe, expect, test } from 'vitest';
import { getCatalog } from '../../../src/lib/providers/load.ts';
import { decodeServices, ownersOfMatch, referenceContext } from '../../../src/lib/search/hits.ts';
import { linkedServices, searchRecords } from '../../../src/lib/search/records.ts';
import { referenceEntries } from '../../../src/lib/site/reference.ts';
import { usedBy } from '../../../src/lib/site/service-page.ts';

const catalog = getCatalog();
const records = searchRecords(catalog, (path) => `/docs/${path}`);
const find = (name: string) => records.find((r) => r.url === `/docs/reference/#prop-${name}`);
const displayName = (id: string) => {
  const s = catalog.services.find((x) => x.id === id)!;
  return s.brandName ?? s.name;
};
/** Services whose page has a row for the property, read from the catalog the way the service pages list them. */
const withRow = (name: string) =>
  catalog.services.filter((s) => ['Profile', 'ProfileSettings', ...s.listedProperties].includes(name) && s.properties.some((p) => p.name === name));

describe('search records', () => {
  test('one record per reference entry, none per service: the metadata Pagefind loads up front stays per property', () => {
    expect(records).toHaveLength(referenceEntries(catalog).length);
    expect(new Set(records.map((r) => r.url)).size).toBe(records.length);
    expect(records.filter((r) => r.url.includes('/services/'))).toEqual([]);
  });

  test('URLs carry the base path and the property anchor', () => {
    for (const record of records) expect(record.url).toMatch(/^\/docs\/reference\/#prop-[A-Za-z0-9_]+$/);
  });

  test('APIKey names the services that list it, with its category and placement, and filters by them', () => {
    const apiKey = find('APIKey')!;
    const services = decodeServices(apiKey.meta.services);
    // Five pages list it; the record links the first few by name and counts them all.
    expect(services.map((s) => s.id).sort()).toEqual(['discord', 'harvest', 'helpscout', 'intercom', 'smarthr'].slice(0, linkedServices));
    for (const s of services) expect(s.name).toBe(displayName(s.id));
    expect(apiKey.meta.serviceCount).toBe('5');
    expect(apiKey.meta.row).toBe('Authentication · Inside ProfileSettings');
    expect(apiKey.meta.title).toBe('APIKey');
    expect(apiKey.filters.service?.sort()).toEqual(['Discord', 'Harvest', 'Help Scout', 'Intercom', 'SmartHR']);
    expect(apiKey.filters.category).toEqual(['Authentication']);
    expect(apiKey.content).toContain('Sensitive');
  });

  test.each(records.map((r) => [r.meta.title!, r] as const))('%s: its service rows are exactly the services whose page lists it', (name, record) => {
    const expected = withRow(name);
    expect(record.meta.serviceCount).toBe(String(expected.length));
    const named = decodeServices(record.meta.services);
    expect(named).toHaveLength(Math.min(linkedServices, expected.length));
    for (const s of named) expect(expected.map((x) => x.id)).toContain(s.id);
    if (expected.length) expect(record.filters.service?.sort()).toEqual(expected.map((s) => s.brandName ?? s.name).sort());
    else expect(record.filters.service).toBeUndefined();
  });

  test('Profile has a row on every service page; the record names a few and counts them all', () => {
    const profile = find('Profile')!;
    expect(profile.meta.serviceCount).toBe(String(catalog.services.length));
    expect(decodeServices(profile.meta.services)).toHaveLength(Math.min(linkedServices, catalog.services.length));
  });

  test('allowed values are searchable on the property that accepts them', () => {
    expect(find('InitiateOAuth')!.content).toMatch(/Allowed values: .*GETANDREFRESH/);
  });

  test('a general property says so in its context; a listed one names its services', () => {
    expect(find('Timeout')?.meta.scope).toBe('all');
    expect(referenceContext(find('Timeout')!.meta)).toMatch(/^Reference · all services · /);
    expect(find('APIKey')?.meta.scope).toBeUndefined();
    expect(referenceContext(find('APIKey')!.meta)).toBe('Reference · 5 services · Authentication · Inside ProfileSettings');
    expect(referenceContext(find('UseSandbox')!.meta)).toBe('Reference · SmartHR · Connection · Top level');
  });

  test('the type is a searchable fact unless it is the plain string most properties are', () => {
    for (const entry of referenceEntries(catalog)) {
      const content = find(entry.property.name)!.content;
      if (entry.property.type === 'string') expect(content).not.toContain('Type:');
      else expect(content).toContain(`Type: ${entry.property.type}.`);
    }
  });

  test.each(records.map((r) => [r.meta.title!, r] as const))('%s: its method filter is what the "Used by" cells of its rows name', (name, record) => {
    const methods = new Set(withRow(name).flatMap((s) => usedBy(s, s.properties.find((p) => p.name === name)!).methods.map((m) => m.method.label)));
    expect(new Set(record.filters.method ?? [])).toEqual(methods);
  });

  test('a service’s own wording of a shared property is searchable once', () => {
    for (const entry of referenceEntries(catalog)) {
      const record = find(entry.property.name)!;
      for (const use of entry.uses) if (use.summary) expect(record.content.split(use.summary)).toHaveLength(2);
    }
  });

  test('meta `own` gives the word range of each service’s own wording, as Pagefind counts match locations', () => {
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    let ranges = 0;
    for (const entry of referenceEntries(catalog)) {
      const record = find(entry.property.name)!;
      const own = entry.uses.filter((u) => u.summary && u.summary !== entry.property.summary);
      if (!own.length) {
        expect(record.meta.own).toBeUndefined();
        continue;
      }
      const content = words(record.content);
      for (const use of own) {
        const segment = record.meta.own!.split('|').find((s) => s.endsWith(`:${use.service.id}=${use.service.brandName ?? use.service.name}`))!;
        expect(segment, `${entry.property.name} / ${use.service.id}`).toBeDefined();
        const [first, last] = segment.split(':')[0]!.split('-').map(Number) as [number, number];
        expect(content.slice(first, last + 1).join(' ')).toBe(words(use.summary!).join(' '));
        // Every word of that range, and only those, points at the service.
        expect(ownersOfMatch(record.meta.own, [first, last]).map((s) => s.id)).toContain(use.service.id);
        expect(ownersOfMatch(record.meta.own, [0, first])).toEqual([]);
        ranges++;
      }
    }
    expect(ranges).toBeGreaterThan(0);
  });
});
