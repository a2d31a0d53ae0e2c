/**
 * What the search dialog shows for one Pagefind result: pure, so the mapping from index data to result cards is
 * tested without a browser (src/scripts/search-dialog.ts renders these, tests/lib/search/hits.test.ts checks them).
 * A property record (src/lib/search/records.ts) becomes its reference entry plus one card per service row it names
 * (a service's own wording travels in the record's `own` meta); a result without `services` meta is a page.
 */

/** The parts of Pagefind's result data (`result.data()`) the dialog reads. */
export type ResultData = {
  url: string;
  excerpt: string;
  /** Word positions of the matches in the record's content. */
  locations?: number[];
  meta: Record<string, string | undefined>;
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

/**
 * The services whose own wording (meta `own`, `first-last:id=Name` ranges joined by `|`) holds every match of the
 * query: a query that matched only what one service says of a property means that service. None when a match lies
 * outside them (in the shared facts, or in two services' words) or the record has no such wording.
 */
export function ownersOfMatch(own: string | undefined, locations: number[] | undefined): { id: string; name: string }[] {
  if (!own || !locations?.length) return [];
  const owners = own.split('|').flatMap((segment) => {
    const parsed = /^(\d+)-(\d+):(.+)$/.exec(segment);
    if (!parsed) return [];
    const [first, last] = [Number(parsed[1]), Number(parsed[2])];
    return locations.every((at) => at >= first && at <= last) ? decodeServices(parsed[3]) : [];
  });
  return owners.filter((s, i) => owners.findIndex((o) => o.id === s.id) === i);
}

/**
 * The cards for one result. A page gives one card (with its matching sections); a property record gives its
 * reference entry and a card per service row: the services the record names, or, with a service filter chosen,
 * that service only (every record the filter lets through has its row). When the query matched only a service's
 * own wording, that service's row leads. `servicePage(id)` is the URL of a service page (base path included);
 * the anchor is taken from the record's URL.
 */
export function toHits(
  data: ResultData,
  options: { servicePage: (id: string) => string; chosen?: { id: string; name: string }; maxSections?: number },
): Hit[] {
  const { servicePage, chosen, maxSections = 3 } = options;
  const page: Hit = {
    title: data.meta.title?.trim() || data.url,
    where: '',
    href: data.meta.url ?? data.url,
    context: data.meta.context ?? '',
    excerptHtml: data.excerpt,
    sections: sections(data, maxSections),
  };
  if (data.meta.services === undefined) return [page];
  page.where = 'Reference';
  page.context = referenceContext(data.meta);
  const anchor = page.href.slice(page.href.indexOf('#'));
  const owners = chosen ? [] : ownersOfMatch(data.meta.own, data.locations);
  const named = decodeServices(data.meta.services).filter((s) => !owners.some((o) => o.id === s.id));
  const services = chosen ? [chosen] : [...owners, ...named];
  const rows = services.map((s) => ({
    title: page.title,
    where: s.name,
    href: `${servicePage(s.id)}${anchor}`,
    context: data.meta.row ?? '',
    excerptHtml: '',
    sections: [],
  }));
  // With a service chosen its row comes first: that is what the filter asked for; so do the rows of the services
  // whose own words the query matched.
  if (chosen) return [...rows, page];
  if (!owners.length) return [page, ...rows];
  // The excerpt (the service's words, marked) moves to the row that leads.
  const [lead, ...rest] = rows;
  return [{ ...lead!, excerptHtml: page.excerptHtml }, ...rest.slice(0, owners.length - 1), { ...page, excerptHtml: '' }, ...rest.slice(owners.length - 1)];
}

/**
 * The summary line under the field, worded as the tests and screen readers read it. `count` is the number of results
 * the dialog lists (one list item each, however many cards a property result holds), so the line and the list agree.
 */
export function summaryText(term: string, count: number): string {
  if (count === 0) return `No results for ${term}`;
  return `${count.toLocaleString('en')} ${count === 1 ? 'result' : 'results'} for ${term}`;
}
