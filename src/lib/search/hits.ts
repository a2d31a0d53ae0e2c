/**
 * What the search dialog shows for one Pagefind result: pure, so the mapping from index data to result cards is
 * tested without a browser (src/scripts/search-dialog.ts renders these, tests/lib/search/hits.test.ts checks them).
 * A property record (src/lib/search/records.ts) becomes its reference entry plus one card per service row it names; a
 * result without `services` meta is a page, and a match inside a property's entry on a service page (a service's own
 * wording of it, or a property only that service has) adds a card for that entry.
 */

/** The parts of Pagefind's result data (`result.data()`) the dialog reads. */
export type ResultData = {
  url: string;
  excerpt: string;
  /** Word positions of the matches in the record's content. */
  locations?: number[];
  meta: Record<string, string | undefined>;
  /** The page's filter values (a service page: `service`, its display name). */
  filters?: Record<string, string[] | undefined>;
  /** Elements with an id, with the word position where each starts (a property entry is `li#prop-<Name>`). */
  anchors?: { element: string; id: string; text?: string; location: number }[];
  sub_results?: { title: string; url: string; excerpt: string }[];
};

export type Hit = {
  title: string;
  /**
   * Which page the link opens, for a property: `Reference` or the service's name. It is part of the link's text, so
   * the cards of one property (its reference entry and each service's row) never read as the same link twice.
   */
  where: string;
  href: string;
  /** Who uses a property entry, its category and placement; empty for a page. */
  context: string;
  /** Pagefind's excerpt: page text with its `<` and `>` escaped and the matched words in `<mark>`. */
  excerptHtml: string;
  /** Sections of a page that match too (headings with ids), at most `maxSections`. */
  sections: { title: string; href: string }[];
};

/** Sub-results of a page: its matching sections, not the page itself again. */
function sections(data: ResultData, max: number): Hit['sections'] {
  const page = data.meta.url ?? data.url;
  return (data.sub_results ?? [])
    .filter((s) => s.url !== page && s.title.trim() !== '')
    .slice(0, max)
    .map((s) => ({ title: s.title, href: s.url }));
}

/** The `id=Name` pairs of a property record's meta `services`. */
export function decodeServices(encoded: string | undefined): { id: string; name: string }[] {
  if (!encoded) return [];
  return encoded.split('|').flatMap((pair) => {
    const at = pair.indexOf('=');
    return at > 0 ? [{ id: pair.slice(0, at), name: pair.slice(at + 1) }] : [];
  });
}

/**
 * The context line of a property's reference card: `<who> · <category> · <placement>`, where <who> is "All services",
 * the services the record names, or how many services list it when that is more than it names.
 */
export function referenceContext(meta: ResultData['meta']): string {
  const named = decodeServices(meta.services);
  const count = Number(meta.serviceCount ?? named.length);
  const who = meta.scope === 'all' ? 'All services' : count > named.length ? `${count} services` : named.map((s) => s.name).join(', ');
  return [who, meta.row].filter(Boolean).join(' · ');
}

/** The id prefix of a property's entry (src/lib/site/paths.ts `propertyAnchor`). */
const entryPrefix = 'prop-';

/**
 * The properties whose entry on a page holds a match, in page order: a match belongs to the last element with an id
 * that starts at or before it, and counts when that element is a property's entry.
 */
export function entriesOfMatch(anchors: ResultData['anchors'], locations: number[] | undefined): string[] {
  if (!anchors?.length || !locations?.length) return [];
  const starts = [...anchors].sort((a, b) => a.location - b.location);
  const names: string[] = [];
  for (const at of [...locations].sort((a, b) => a - b)) {
    let holder: (typeof starts)[number] | undefined;
    for (const anchor of starts) {
      if (anchor.location > at) break;
      holder = anchor;
    }
    const name = holder?.id.startsWith(entryPrefix) ? holder.id.slice(entryPrefix.length) : undefined;
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * The cards for one result. A page gives one card (with its matching sections), then a card for each property
 * entry on it that holds a match (a service's own wording of the property, or a property only that service has); a
 * property record gives its reference entry and a card per service row it names (a service filter lets no record
 * through: a service's rows are entries on its page). `servicePage(id)` is the URL of a service page (base path
 * included); the anchor is taken from the record's URL.
 */
export function toHits(data: ResultData, options: { servicePage: (id: string) => string; maxSections?: number }): Hit[] {
  const { servicePage, maxSections = 3 } = options;
  const page: Hit = {
    title: data.meta.title?.trim() || data.url,
    where: '',
    href: data.meta.url ?? data.url,
    context: data.meta.context ?? '',
    excerptHtml: data.excerpt,
    sections: sections(data, maxSections),
  };
  if (data.meta.services === undefined) {
    const where = data.filters?.service?.[0] ?? page.title;
    const entries = entriesOfMatch(data.anchors, data.locations).map((name) => ({
      title: name,
      where,
      href: `${page.href.replace(/#.*$/, '')}#${entryPrefix}${name}`,
      context: '',
      excerptHtml: '',
      sections: [],
    }));
    return [page, ...entries];
  }
  page.where = 'Reference';
  page.context = referenceContext(data.meta);
  const anchor = page.href.slice(page.href.indexOf('#'));
  const rows = decodeServices(data.meta.services).map((s) => ({
    title: page.title,
    where: s.name,
    href: `${servicePage(s.id)}${anchor}`,
    context: data.meta.row ?? '',
    excerptHtml: '',
    sections: [],
  }));
  return [page, ...rows];
}

/**
 * The summary line under the field, worded as the tests and screen readers read it. `count` is the number of results
 * the dialog lists (one list item each, however many cards a property result holds), so the line and the list agree.
 */
/**
 * A result's cards without the rows already shown above it: a property's row on a service page is both a row of the
 * property's record and an entry card of that page's result, and the list shows it once. The first card (the page
 * or the reference entry) always stays. `shown` collects the links listed so far.
 */
export function withoutShown(hits: Hit[], shown: Set<string>): Hit[] {
  const kept = hits.filter((hit, i) => i === 0 || !shown.has(hit.href));
  for (const hit of kept) shown.add(hit.href);
  return kept;
}

/**
 * The shortest query the dialog searches. One letter matches a prefix of nearly every word, and Pagefind loads the
 * index chunk of each prefix as it is typed (`debouncedSearch` preloads): the chunk holding "a" alone was 7 kB of a
 * first search at 800 services, for a result list no reader wants.
 */
export const minimumQueryLength = 2;

/** The status line while the query is shorter than `minimumQueryLength` (empty for an empty field). */
export function shortQueryText(term: string): string {
  return term ? `Type at least ${minimumQueryLength} characters to search` : '';
}

export function summaryText(term: string, count: number): string {
  if (count === 0) return `No results for ${term}`;
  return `${count.toLocaleString('en')} ${count === 1 ? 'result' : 'results'} for ${term}`;
}
