/**
 * Search records: one per property entry (each service's own properties, and every reference entry), so a
 * search for a property lands on that property of that service, not on a whole page. Built from the catalog at
 * the end of the build and handed to Pagefind's `addCustomRecord`; the HTML of those entries is excluded from
 * page indexing (`data-pagefind-ignore`) so each fact is indexed once. Pure: no Pagefind, no file system.
 */
import { methodsUsing, type Catalog, type ResolvedProperty, type ResolvedService } from '../providers/catalog.ts';
import { referenceEntries } from '../site/reference.ts';

export type SearchRecord = {
  url: string;
  content: string;
  language: 'en';
  meta: Record<string, string>;
  filters: Record<string, string[]>;
};

const placementLabel = (p: ResolvedProperty) => (p.placement === 'profileSettings' ? 'inside ProfileSettings' : 'top level');

const placementText = (p: ResolvedProperty) =>
  p.placement === 'profileSettings' ? `Written inside ProfileSettings (ProfileSettings='${p.name}=…').` : 'Written at the top level.';

function facts(p: ResolvedProperty): string[] {
  return [
    `${p.name}.`,
    p.summary,
    placementText(p),
    `Type: ${p.type}.`,
    p.default === undefined ? '' : `Default: ${p.default === '' ? 'empty' : p.default}.`,
    p.allowedValues ? `Allowed values: ${p.allowedValues.map((v) => v.value).join(', ')}.` : '',
    p.sensitive ? 'Sensitive: a secret, masked in the builder.' : '',
  ].filter(Boolean);
}

const displayName = (s: ResolvedService) => s.brandName ?? s.name;

/**
 * Every record. `pageUrl(path)` turns a site path (`services/intercom/`) into the URL the site serves (base path
 * included), so results work wherever the site is deployed.
 */
export function searchRecords(catalog: Catalog, pageUrl: (path: string) => string): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const service of catalog.services) {
    const shown = ['Profile', 'ProfileSettings', ...service.listedProperties];
    for (const name of shown) {
      const p = service.properties.find((x) => x.name === name);
      if (!p) continue;
      const uses = methodsUsing(service, name);
      const usedBy = uses.map(({ method, required }) => `${method.label} (${required ? 'required' : 'optional'})`);
      records.push({
        url: `${pageUrl(`services/${service.id}/`)}#prop-${name}`,
        content: [...facts(p), usedBy.length ? `Used by: ${usedBy.join(', ')}.` : 'Used by every method.'].join(' '),
        language: 'en',
        // The title is the bare name, so a query for a service name finds the service's page, not every
        // property record of it; `context` (shown under the title, not searched) names service and category.
        meta: {
          title: name,
          context: [displayName(service), p.category, placementLabel(p)].join(' · '),
        },
        filters: {
          service: [displayName(service)],
          category: [p.category],
          ...(uses.length ? { method: [...new Set(uses.map((u) => u.method.label))] } : {}),
        },
      });
    }
  }
  for (const entry of referenceEntries(catalog)) {
    const p = entry.property as ResolvedProperty;
    const services = entry.uses.map((u) => displayName(u.service));
    const methods = [...new Set(entry.uses.flatMap((u) => u.methods.map((m) => m.label)))];
    records.push({
      url: `${pageUrl('reference/')}#prop-${p.name}`,
      content: [
        ...facts(p),
        entry.allServices ? 'Accepted by every service.' : '',
        services.length ? `Documented for: ${services.join(', ')}.` : '',
        p.deprecated ? 'Deprecated.' : '',
      ]
        .filter(Boolean)
        .join(' '),
      language: 'en',
      meta: {
        title: p.name,
        context: ['Reference', entry.allServices ? 'all services' : services.join(', '), p.category, placementLabel(p)].join(' · '),
      },
      filters: {
        service: entry.allServices ? catalog.services.map(displayName) : services,
        category: [p.category],
        ...(methods.length ? { method: methods } : {}),
      },
    });
  }
  return records;
}
