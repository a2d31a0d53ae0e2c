/**
 * The search records built from the catalog: one per property several services list (or the driver defines for all),
 * with the URL, facts, service rows and filters a result needs; and what each service page indexes of its entries.
 */
import { describe, expect, test } from 'vitest';
import { getCatalog } from '../../src/lib/providers/load.ts';
import { decodeServices, referenceContext } from '../../src/lib/search/hits.ts';
import { entryIndexing, hasRecord, linkedServices, searchRecords } from '../../src/lib/search/records.ts';
import { referenceEntries } from '../../src/lib/site/reference.ts';
import { serviceTables, usedBy } from '../../src/lib/site/service-page.ts';

const catalog = getCatalog();
const records = searchRecords(catalog, (path) => `/docs/${path}`);
const find = (name: string) => records.find((r) => r.url === `/docs/reference/${name.toLowerCase()}/#prop-${name}`);
const displayName = (id: string) => {
  const s = catalog.services.find((x) => x.id === id)!;
  return s.brandName ?? s.name;
};
/**
 * Services whose page shows the property in full (not folded with the general ones), read from the catalog: Profile,
 * ProfileSettings, what the service's file lists and what its methods require or allow.
 */
const withRow = (name: string) =>
  catalog.services.filter(
    (s) =>
      ['Profile', 'ProfileSettings', ...s.listedProperties, ...s.authMethods.flatMap((m) => [...m.requires.map((r) => r.property), ...m.allows])].includes(name) &&
      s.properties.some((p) => p.name === name),
  );

describe('search records', () => {
  test('one record per property several services list or the driver defines, none per service: the metadata Pagefind loads up front stays per shared property', () => {
    const recorded = referenceEntries(catalog).filter(hasRecord);
    expect(records.map((r) => r.meta.title)).toEqual(recorded.map((e) => e.property.name));
    // Every shared property has one; a property only one service has has none (its page indexes its entry).
    for (const property of catalog.properties) expect(find(property.name), property.name).toBeDefined();
    const single = referenceEntries(catalog).filter((e) => e.definedBy !== undefined && e.uses.length === 1);
    expect(single.length).toBeGreaterThan(0);
    for (const entry of single) expect(find(entry.property.name), entry.property.name).toBeUndefined();
    expect(new Set(records.map((r) => r.url)).size).toBe(records.length);
    expect(records.filter((r) => r.url.includes('/services/'))).toEqual([]);
  });

  test('URLs carry the base path and the property anchor', () => {
    for (const record of records) expect(record.url).toMatch(/^\/docs\/reference\/([a-z0-9_]+)\/#prop-([A-Za-z0-9_]+)$/);
    for (const record of records) expect(record.url.split('/')[3]).toBe(record.meta.title.toLowerCase());
  });

  test('APIKey names the first services that list it and counts them all, with its category and placement', () => {
    const apiKey = find('APIKey')!;
    const services = decodeServices(apiKey.meta.services);
    // More pages list it than a record links: it links the first few by name and counts them all.
    const listing = withRow('APIKey');
    expect(listing.length).toBeGreaterThan(linkedServices);
    expect(services.map((s) => s.id)).toEqual(listing.slice(0, linkedServices).map((s) => s.id));
    for (const s of services) expect(s.name).toBe(displayName(s.id));
    expect(apiKey.meta.serviceCount).toBe(String(listing.length));
    expect(apiKey.meta.row).toBe('Authentication · Inside ProfileSettings');
    expect(apiKey.meta.title).toBe('APIKey');
    expect(apiKey.filters.category).toEqual(['Authentication']);
    expect(apiKey.content).toContain('Sensitive');
  });

  test.each(records.map((r) => [r.meta.title!, r] as const))('%s: its service rows are exactly the services whose page lists it', (name, record) => {
    const expected = withRow(name);
    expect(record.meta.serviceCount).toBe(String(expected.length));
    const named = decodeServices(record.meta.services);
    expect(named).toHaveLength(Math.min(linkedServices, expected.length));
    for (const s of named) expect(expected.map((x) => x.id)).toContain(s.id);
    // Nothing in a record grows with the services listing it (its fragment is loaded by a first search): no service filter.
    expect(record.filters.service).toBeUndefined();
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
    expect(referenceContext(find('Timeout')!.meta)).toMatch(/^All services · /);
    expect(find('APIKey')?.meta.scope).toBeUndefined();
    expect(referenceContext(find('APIKey')!.meta)).toBe(`${withRow('APIKey').length} services · Authentication · Inside ProfileSettings`);
  });

  test('the type is a searchable fact unless it is the plain string most properties are', () => {
    for (const entry of referenceEntries(catalog).filter(hasRecord)) {
      const content = find(entry.property.name)!.content;
      if (entry.property.type === 'string') expect(content).not.toContain('Type:');
      else expect(content).toContain(`Type: ${entry.property.type}.`);
    }
  });

  test.each(records.map((r) => [r.meta.title!, r] as const))('%s: its method filter is what the "Used by" cells of its rows name', (name, record) => {
    const methods = new Set(withRow(name).flatMap((s) => usedBy(s, s.properties.find((p) => p.name === name)!).methods.map((m) => m.method.label)));
    expect(new Set(record.filters.method ?? [])).toEqual(methods);
  });

  test('no record holds a service’s own wording: a record stays the same size however many services list it', () => {
    for (const entry of referenceEntries(catalog).filter(hasRecord)) {
      const record = find(entry.property.name)!;
      for (const use of entry.uses) if (use.summary) expect(record.content, `${entry.property.name} / ${use.service.id}`).not.toContain(use.summary);
    }
  });
});

describe('what a service page indexes of its property entries', () => {
  test('every entry of a page’s main list has its name searched there, and nothing of the folded general ones', () => {
    for (const s of catalog.services) {
      const indexing = entryIndexing(catalog, s);
      expect([...indexing.keys()].sort(), s.id).toEqual(serviceTables(s).main.map((p) => p.name).sort());
      for (const p of serviceTables(s).general) expect(indexing.get(p.name), `${s.id} ${p.name}`).toBeUndefined();
    }
  });

  test('a service’s own wording of a property a record holds: its words too, on that service’s page', () => {
    let own = 0;
    for (const entry of referenceEntries(catalog).filter(hasRecord)) {
      for (const use of entry.uses) {
        const mode = entryIndexing(catalog, use.service).get(entry.property.name);
        expect(mode, `${entry.property.name} / ${use.service.id}`).toBe(use.summary !== undefined ? 'own-words' : 'name');
        if (mode === 'own-words') own++;
      }
    }
    expect(own).toBeGreaterThan(0);
  });

  test('a property only one service has: its whole entry, on that page (UseSandbox on SmartHR’s)', () => {
    expect(find('UseSandbox')).toBeUndefined();
    for (const s of catalog.services) expect(entryIndexing(catalog, s).get('UseSandbox')).toBe(s.id === 'smarthr' ? 'whole' : undefined);
  });
});
