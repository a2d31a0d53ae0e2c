/**
 * The reference page's model: every property once, grouped by category in a stable order, with the
 * services (and their auth methods) that use it. Derived from the catalog, so it cannot disagree with the
 * service pages.
 */
import type { Catalog, ResolvedService } from '../providers/catalog.ts';
import { categoryRank, methodsUsing } from '../providers/queries.ts';
import { propertyCategories, type Property, type PropertyCategory } from '../providers/schema.ts';
import { markdownPath, referencePath, referenceSlug } from './paths.ts';
import { serviceLabel } from '../providers/service-facts.ts';

/** The reference page's words, said once for the HTML page and its Markdown twin. */
export const referenceText = {
  title: 'Connection properties reference',
  description: 'Every connection property of the API data provider: type, default, allowed values, placement, and which services use it.',
  /** Opens the page; `caseRule` goes between the first sentence and the rest. */
  intro: [
    'Every property the API data provider accepts, grouped by category.',
    'Each entry says where its facts come from: the vendor’s help for this driver, the vendor’s other drivers, or our inference. Properties marked “Inside ProfileSettings” are written in the nested ProfileSettings string, and only by the services that list them.',
  ],
  deprecated: 'Names from old versions of the driver. The validator recognizes them so it can tell you to remove them.',
  /** Under the intro of the index: each property has a page of its own. */
  pages: 'Each property has a page of its own with every fact and every service that uses it; the list below links to them.',
} as const;

export type ServiceUse = {
  service: ResolvedService;
  methods: { id: string; label: string; required: boolean }[];
  /** The allowed values this service narrows the list to, when it does. */
  allowedValues?: string[];
  summary?: string;
};

export type ReferenceEntry = {
  property: Property;
  /** Every service accepts it (a driver-level property none of them narrows or lists). */
  allServices: boolean;
  uses: ServiceUse[];
  /** Name of the service that defines it, for service-specific properties. */
  definedBy?: string;
};

export type ReferenceGroup = { category: PropertyCategory; entries: ReferenceEntry[] };

export function referenceEntries(catalog: Catalog): ReferenceEntry[] {
  const byName = new Map<string, ReferenceEntry>();
  for (const property of catalog.properties) {
    byName.set(property.name, { property, allServices: property.placement === 'top', uses: [] });
  }
  for (const service of catalog.services) {
    for (const name of service.listedProperties) {
      const resolved = service.properties.find((p) => p.name === name)!;
      let entry = byName.get(name);
      if (!entry) {
        entry = { property: resolved, allServices: false, uses: [], definedBy: service.name };
        byName.set(name, entry);
      }
      const shared = catalog.properties.find((p) => p.name === name);
      const narrowed =
        shared?.allowedValues && resolved.allowedValues && resolved.allowedValues.length !== shared.allowedValues.length
          ? resolved.allowedValues.map((v) => v.value)
          : undefined;
      entry.uses.push({
        service,
        methods: methodsUsing(service, name).map(({ method, required }) => ({ id: method.id, label: method.label, required })),
        ...(narrowed ? { allowedValues: narrowed } : {}),
        ...(shared && resolved.summary !== shared.summary ? { summary: resolved.summary } : {}),
      });
    }
  }
  return [...byName.values()].sort(
    (a, b) =>
      Number(a.property.deprecated) - Number(b.property.deprecated) ||
      categoryRank(a.property.category) - categoryRank(b.property.category) ||
      a.property.name.localeCompare(b.property.name),
  );
}

/** Entries grouped by category, categories in the schema's order, deprecated ones last in a group of their own. */
export function referenceGroups(catalog: Catalog): { groups: ReferenceGroup[]; deprecated: ReferenceEntry[] } {
  const entries = referenceEntries(catalog);
  const groups = propertyCategories
    .map((category) => ({ category, entries: entries.filter((e) => e.property.category === category && !e.property.deprecated) }))
    .filter((g) => g.entries.length > 0);
  return { groups, deprecated: entries.filter((e) => e.property.deprecated) };
}

/** One property's page in the reference: the one list the index, the routes, the Markdown twins and llms.txt read. */
export type ReferencePage = {
  entry: ReferenceEntry;
  name: string;
  slug: string;
  /** The HTML page's path (under the base) and its Markdown twin's. */
  path: string;
  markdownPath: string;
};

const pagesByCatalog = new WeakMap<Catalog, ReferencePage[]>();

/**
 * Every property's page, in the reference's order (categories in the schema's order, deprecated ones last). A page
 * per property keeps each page the size of one property however many services there are (one page of every
 * property weighed 5.3 MB of HTML at 805 services, most of it "used by" lists).
 * @throws Error when two properties would share a page (names that differ only in case)
 */
export function referencePages(catalog: Catalog): ReferencePage[] {
  const known = pagesByCatalog.get(catalog);
  if (known) return known;
  const { groups, deprecated } = referenceGroups(catalog);
  const taken = new Map<string, string>();
  const pages = [...groups.flatMap((g) => g.entries), ...deprecated].map((entry) => {
    const name = entry.property.name;
    const slug = referenceSlug(name);
    const other = taken.get(slug);
    if (other !== undefined) throw new Error(`reference: the properties "${other}" and "${name}" differ only in case, so they would share the page /reference/${slug}/; use one spelling`);
    taken.set(slug, name);
    return { entry, name, slug, path: referencePath(name), markdownPath: markdownPath(referencePath(name)) };
  });
  pagesByCatalog.set(catalog, pages);
  return pages;
}

/**
 * Past this many services, a property's page lists the services that use it by name only (each name links to the
 * service's entry, where its methods and its own wording are): APIKey's detailed list ran to 120,000 characters of
 * Markdown at 800 services, past what afdocs accepts for a page.
 */
export const usedByDetailLimit = 40;

/** Whether a property's page lists each service's methods and wording, or the services' names only. */
export const detailedUses = (entry: ReferenceEntry) => entry.uses.length <= usedByDetailLimit;

/** The sentence before a names-only list of the services that use a property. */
export const usedByIntro = (entry: ReferenceEntry) =>
  `${entry.allServices ? 'Every service accepts it; these' : 'These'} ${entry.uses.length} services document it (each one’s page says which of its methods use it and how):`;

/**
 * Past this many properties that only one service has, the index leaves them out (each is on its service's page,
 * which links to its page here): a row for each of the 1,200 at 800 services would make the index 110,000
 * characters of Markdown. The driver's properties and those several services share are always listed.
 */
export const singleServiceIndexLimit = 150;

/** One service's own property, used by it alone. */
export const isSingleService = (entry: ReferenceEntry) => entry.definedBy !== undefined && entry.uses.length <= 1;

/** The index's sections: each category's listed entries, and how many single-service entries it leaves out. */
export function referenceIndex(catalog: Catalog): { groups: ReferenceGroup[]; deprecated: ReferenceEntry[]; omitted: number } {
  const { groups, deprecated } = referenceGroups(catalog);
  const singles = groups.reduce((n, g) => n + g.entries.filter(isSingleService).length, 0);
  if (singles <= singleServiceIndexLimit) return { groups, deprecated, omitted: 0 };
  return {
    groups: groups.map((g) => ({ ...g, entries: g.entries.filter((e) => !isSingleService(e)) })).filter((g) => g.entries.length > 0),
    deprecated,
    omitted: singles,
  };
}

/** The index's sentence for the single-service properties it leaves out. */
export const omittedText = (count: number) =>
  `${count} more properties belong to one service each: they are listed on that service’s page, whose entry for each links to the property’s page here.`;

/** How an entry's row in the index describes where it is used: every service, one service's name, or a count. */
export function usedByLabel(entry: ReferenceEntry): string {
  if (entry.allServices) return 'every service';
  if (entry.uses.length === 1) return serviceLabel(entry.uses[0]!.service);
  return `${entry.uses.length} services`;
}
