/**
 * Search records: one per property (a reference entry), naming the services whose page lists it, so a search for
 * a property lands on that property in the reference and, through the dialog, on each service's row. One record
 * per property rather than per service and property keeps the index's up-front metadata (a few bytes per record,
 * loaded whole by every first search) from growing with services × properties. Built from the catalog at the end
 * of the build and handed to Pagefind's `addCustomRecord`; the HTML of those entries is excluded from page indexing
 * (`data-pagefind-ignore`) so each fact is indexed once. Pure: no Pagefind, no file system.
 */
import { type Catalog, type ResolvedProperty, type ResolvedService } from '../providers/catalog.ts';
import { referenceEntries } from '../site/reference.ts';

export type SearchRecord = {
  url: string;
  content: string;
  language: 'en';
  meta: Record<string, string>;
  filters: Record<string, string[]>;
};

const placementLabel = (p: ResolvedProperty) => (p.placement === 'profileSettings' ? 'inside ProfileSettings' : 'top level');

/**
 * The searchable facts of a property. Placement and "accepted by every service" are shown (meta) but not indexed:
 * the same few words on every record only made the index bigger and matched queries for no reason.
 */
function facts(p: ResolvedProperty): string[] {
  return [
    `${p.name}.`,
    p.summary,
    `Type: ${p.type}.`,
    p.default === undefined ? '' : `Default: ${p.default === '' ? 'empty' : p.default}.`,
    p.allowedValues ? `Allowed values: ${p.allowedValues.map((v) => v.value).join(', ')}.` : '',
    p.sensitive ? 'Sensitive: a secret, masked in the builder.' : '',
  ].filter(Boolean);
}

export const displayName = (s: ResolvedService) => s.brandName ?? s.name;

/**
 * How many services a record names for the dialog to link to directly (meta `services`); a property more services
 * list links to its reference entry, which lists them all. A service filter finds every service's row.
 */
export const linkedServices = 3;

/** `id=Name` pairs as the dialog reads them (src/lib/search/hits.ts decodeServices). */
export function encodeServices(services: ResolvedService[]): string {
  const bad = services.find((s) => displayName(s).includes('|'));
  if (bad) throw new Error(`Service ${bad.id}: its name "${displayName(bad)}" contains "|", which separates services in search metadata.`);
  return services.map((s) => `${s.id}=${displayName(s)}`).join('|');
}

/** Services whose page has a row (and so a `#prop-NAME` anchor) for each property: Profile, ProfileSettings, the listed ones. */
function rowsByProperty(catalog: Catalog): Map<string, ResolvedService[]> {
  const rows = new Map<string, ResolvedService[]>();
  for (const service of catalog.services) {
    for (const name of ['Profile', 'ProfileSettings', ...service.listedProperties]) {
      if (!service.properties.some((p) => p.name === name)) continue;
      rows.set(name, [...(rows.get(name) ?? []), service]);
    }
  }
  for (const list of rows.values()) list.sort((a, b) => displayName(a).localeCompare(displayName(b)));
  return rows;
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
    const methods = [...new Set(entry.uses.flatMap((u) => u.methods.map((m) => m.label)))];
    // What a service says of the property in its own words is searchable once, however many services say it.
    const ownWords = [...new Set(entry.uses.map((u) => u.summary).filter((s): s is string => !!s && s !== p.summary))];
    const named = withRow.length <= linkedServices ? withRow.map(displayName).join(', ') : `${withRow.length} services`;
    return {
      url: `${pageUrl('reference/')}#prop-${p.name}`,
      content: [
        ...facts(p),
        ...ownWords,
        methods.length ? `Used by ${methods.join(', ')}.` : '',
        p.deprecated ? 'Deprecated.' : '',
      ]
        .filter(Boolean)
        .join(' '),
      language: 'en',
      // The title is the bare name, so a query for a service name finds the service's page, not every property
      // record naming it; the other fields are shown, not searched (the dialog weights them 0).
      meta: {
        title: p.name,
        context: ['Reference', entry.allServices ? 'all services' : named, p.category, placementLabel(p)].filter(Boolean).join(' · '),
        row: [p.category, placementLabel(p)].join(' · '),
        services: encodeServices(withRow.slice(0, linkedServices)),
        serviceCount: String(withRow.length),
      },
      filters: {
        // The services whose page has this property's row: a service filter then finds every row of that page.
        ...(withRow.length ? { service: withRow.map(displayName) } : {}),
        category: [p.category],
        ...(methods.length ? { method: methods } : {}),
      },
    };
  });
}
