/**
 * Search records: one per property (a reference entry), naming the services whose page lists it, so a search for
 * a property lands on that property in the reference and, through the dialog, on each service's row. One record
 * per property rather than per service and property keeps the index's up-front metadata (a few bytes per record,
 * loaded whole by every first search) from growing with services × properties. A service's own wording of a shared
 * property is in the record once, with its word range, so a query matching only those words leads to that service.
 * Built from the catalog at the end of the build and handed to Pagefind's `addCustomRecord`; the HTML of those
 * entries is excluded from page indexing (`data-pagefind-ignore`) so each fact is indexed once. The rows, their
 * "Used by" methods and the labels come from the same derivations the service page and its Markdown twin read
 * (src/lib/site/service-page.ts, format.ts, reference.ts). Pure: no Pagefind, no file system.
 */
import { type Catalog, type ResolvedProperty, type ResolvedService } from '../providers/catalog.ts';
import { serviceLabel } from '../providers/service-facts.ts';
import { placementLabel } from '../site/format.ts';
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
 * list links to its reference entry, which lists them all. A service filter finds every service's row.
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

/** Words as Pagefind counts them for match locations: runs of non-space (pagefind.js splits excerpts the same way). */
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * What services say of the property in their own words, each wording once, and where it sits in the content: meta
 * `own`, `first-last:id=Name` per service and wording (word ranges), joined by `|`, lets the dialog put a service's
 * row first when a query matched only that service's words (src/lib/search/hits.ts ownersOfMatch).
 */
function ownWords(entry: ReferenceEntry, offset: number): { text: string[]; own: string } {
  const byText = new Map<string, ResolvedService[]>();
  for (const use of entry.uses) {
    if (!use.summary || use.summary === entry.property.summary) continue;
    byText.set(use.summary, [...(byText.get(use.summary) ?? []), use.service]);
  }
  const ranges: string[] = [];
  let at = offset;
  for (const [text, services] of byText) {
    const words = wordCount(text);
    for (const service of services) ranges.push(`${at}-${at + words - 1}:${encodeServices([service])}`);
    at += words;
  }
  return { text: [...byText.keys()], own: ranges.join('|') };
}

/**
 * Every record. `pageUrl(path)` turns a site path (`reference/`) into the URL the site serves (base path included),
 * so results work wherever the site is deployed.
 */
export function searchRecords(catalog: Catalog, pageUrl: (path: string) => string): SearchRecord[] {
  const rows = rowsByProperty(catalog);
  return referenceEntries(catalog).map((entry) => {
    const p = entry.property as ResolvedProperty;
    const withRow = rows.get(p.name) ?? [];
    const services = withRow.map((r) => r.service);
    const methods = [...new Set(withRow.flatMap((r) => r.methods))];
    const row = [p.category, placement(p)].join(' · ');
    const own = ownWords(entry, wordCount(facts(p).join(' ')));
    return {
      url: `${pageUrl('reference/')}#prop-${p.name}`,
      // The facts come first: `own` counts words from their end.
      content: [...facts(p), ...own.text, methods.length ? `Used by ${methods.join(', ')}.` : '', p.deprecated ? 'Deprecated.' : '']
        .filter(Boolean)
        .join(' '),
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
        ...(own.own ? { own: own.own } : {}),
      },
      filters: {
        // The services whose page has this property's row: a service filter then finds every row of that page.
        ...(services.length ? { service: services.map(serviceLabel) } : {}),
        category: [p.category],
        ...(methods.length ? { method: methods } : {}),
      },
    };
  });
}
