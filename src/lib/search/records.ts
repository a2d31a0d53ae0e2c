/**
 * Search records: one per property that several services list (or that the driver defines for all), naming the first
 * few services whose page lists it and counting them all, so a search for a property lands on that property in the
 * reference and, through the dialog, on a service's row. One record per property rather than per service and property
 * keeps the index's up-front metadata (a few bytes per record, loaded whole by every first search) from growing with
 * services × properties, and a record holds nothing that grows with the services listing it, so the fragment a first
 * search loads for it stays the same size at 800 services as at 20. What is a service's own is searched on its page
 * (`entryIndexing`): each property's name in its entry there (the service filter finds that entry), the service's own
 * wording of a shared property, and the whole entry of a property only that service has. Built from the catalog at the
 * end of the build and handed to Pagefind's `addCustomRecord`; the rest of each entry's HTML is excluded from page
 * indexing (`data-pagefind-ignore`) so each fact is indexed once. The rows, their "Used by" methods and the labels come
 * from the same derivations the service page and its Markdown twin read (src/lib/site/service-page.ts, format.ts,
 * reference.ts). Pure: no Pagefind, no file system.
 */
import { type Catalog, type ResolvedProperty, type ResolvedService } from '../providers/catalog.ts';
import { serviceLabel } from '../providers/service-facts.ts';
import { placementLabel } from '../site/format.ts';
import { propertyAnchor, referenceSlug } from '../site/paths.ts';
import { referenceEntries, type ReferenceEntry } from '../site/reference.ts';
import { serviceTables, usedBy } from '../site/service-page.ts';

export type SearchRecord = {
  url: string;
  content: string;
  language: 'en';
  meta: Record<string, string>;
  filters: Record<string, string[]>;
};

/**
 * The searchable facts of a property. Placement and "accepted by every service" are shown (meta) but not indexed:
 * the same few words on every record only made the index bigger and matched queries for no reason.
 */
function facts(p: ResolvedProperty): string[] {
  return [
    `${p.name}.`,
    p.summary,
    // Most properties are strings: "Type: string" on each made every query with "string" match every record.
    p.type === 'string' ? '' : `Type: ${p.type}.`,
    p.default === undefined ? '' : `Default: ${p.default === '' ? 'empty' : p.default}.`,
    p.allowedValues ? `Allowed values: ${p.allowedValues.map((v) => v.value).join(', ')}.` : '',
    p.sensitive ? 'Sensitive: a secret, masked in the builder.' : '',
  ].filter(Boolean);
}

/**
 * How many services a record names for the dialog to link to directly (meta `services`); a property more services
 * list links to its reference entry, which lists them all. A service filter finds each service's row on its page.
 */
export const linkedServices = 3;

/** `id=Name` pairs as the dialog reads them (src/lib/search/hits.ts decodeServices). */
export function encodeServices(services: ResolvedService[]): string {
  const bad = services.find((s) => serviceLabel(s).includes('|'));
  if (bad) throw new Error(`Service ${bad.id}: its name "${serviceLabel(bad)}" contains "|", which separates services in search metadata.`);
  return services.map((s) => `${s.id}=${serviceLabel(s)}`).join('|');
}

/** A property's row on a service page, with the methods its "Used by" cell names. */
type Row = { service: ResolvedService; methods: string[] };

/** The rows (and so `#prop-NAME` anchors) of each property in the services' main tables, services by name. */
function rowsByProperty(catalog: Catalog): Map<string, Row[]> {
  const rows = new Map<string, Row[]>();
  for (const service of catalog.services) {
    for (const property of serviceTables(service).main) {
      const row = { service, methods: usedBy(service, property).methods.map((m) => m.method.label) };
      rows.set(property.name, [...(rows.get(property.name) ?? []), row]);
    }
  }
  for (const list of rows.values()) list.sort((a, b) => serviceLabel(a.service).localeCompare(serviceLabel(b.service)));
  return rows;
}

const placement = (p: ResolvedProperty) => placementLabel[p.placement];

/**
 * A property has a record when it is one of the driver's shared properties or several services list it; a property
 * only one service defines is searched in its entry on that service's page (`entryIndexing`).
 */
export function hasRecord(entry: ReferenceEntry): boolean {
  return entry.definedBy === undefined || entry.uses.length > 1;
}

/**
 * How a service page indexes a property's entry in its main list: `name` (the property's name only: a search for it
 * finds this page, and, with the service filter chosen, this entry), `own-words` (the name and the service's own
 * wording of a property whose record holds the shared facts) or `whole` (name and facts: the property has no record).
 */
export type EntryIndexing = 'name' | 'own-words' | 'whole';

const indexingByCatalog = new WeakMap<Catalog, Map<string, Map<string, EntryIndexing>>>();

/** Property name → how a service's page indexes its entry, for the properties of its main list (computed once per catalog). */
export function entryIndexing(catalog: Catalog, service: Pick<ResolvedService, 'id'>): ReadonlyMap<string, EntryIndexing> {
  let byService = indexingByCatalog.get(catalog);
  if (!byService) {
    const entries = new Map(referenceEntries(catalog).map((e) => [e.property.name, e]));
    byService = new Map(
      catalog.services.map((s) => [
        s.id,
        new Map(
          serviceTables(s).main.map((p): [string, EntryIndexing] => {
            const entry = entries.get(p.name);
            if (entry && !hasRecord(entry)) return [p.name, 'whole'];
            return [p.name, entry?.uses.some((u) => u.service.id === s.id && u.summary !== undefined) ? 'own-words' : 'name'];
          }),
        ),
      ]),
    );
    indexingByCatalog.set(catalog, byService);
  }
  return byService.get(service.id) ?? new Map();
}

/**
 * Every record. `pageUrl(path)` turns a site path (`reference/`) into the URL the site serves (base path included),
 * so results work wherever the site is deployed.
 */
export function searchRecords(catalog: Catalog, pageUrl: (path: string) => string): SearchRecord[] {
  const rows = rowsByProperty(catalog);
  return referenceEntries(catalog).filter(hasRecord).map((entry) => {
    const p = entry.property as ResolvedProperty;
    const withRow = rows.get(p.name) ?? [];
    const services = withRow.map((r) => r.service);
    const methods = [...new Set(withRow.flatMap((r) => r.methods))];
    const row = [p.category, placement(p)].join(' · ');
    return {
      url: `${pageUrl(`reference/${referenceSlug(p.name)}/`)}#${propertyAnchor(p.name)}`,
      content: [...facts(p), methods.length ? `Used by ${methods.join(', ')}.` : '', p.deprecated ? 'Deprecated.' : ''].filter(Boolean).join(' '),
      language: 'en',
      // The title is the bare name, so a query for a service name finds the service's page, not every property
      // record naming it; the other fields are shown, not searched (the dialog weights them 0). Pagefind indexes
      // every meta word all the same, so the card's context line is built by the dialog from these, not stored.
      meta: {
        title: p.name,
        row,
        ...(entry.allServices ? { scope: 'all' } : {}),
        services: encodeServices(services.slice(0, linkedServices)),
        serviceCount: String(services.length),
      },
      // No `service` filter: Pagefind copies a record's filter values into the fragment a result loads, so one value
      // per service listing it grew a shared property's fragment with the catalog (4 kB at 800 services). A service
      // filter finds the service's page instead, and on it the property's entry, whose name that page indexes.
      filters: {
        category: [p.category],
        ...(methods.length ? { method: methods } : {}),
      },
    };
  });
}
