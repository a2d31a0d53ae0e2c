/**
 * What the search dialog shows for one Pagefind result: pure, so the mapping from index data to result cards is
 * tested without a browser (src/scripts/search-dialog.ts renders these, tests/lib/search/hits.test.ts checks them).
 * A property record (src/lib/search/records.ts) becomes its reference entry plus one card per service row it names.
 */

/** The parts of Pagefind's result data (`result.data()`) the dialog reads. */
export type ResultData = {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: { title: string; url: string; excerpt: string }[];
};

export type Hit = {
  title: string;
  href: string;
  /** Service, category and placement of a property entry; empty for a page. */
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
 * The cards for one result. A page gives one card (with its matching sections); a property record gives its
 * reference entry and a card per service row: the services the record names, or, with a service filter chosen,
 * that service only (every record the filter lets through has its row). `servicePage(id)` is the URL of a
 * service page (base path included), `propertyHash` the anchor taken from the record's URL.
 */
export function toHits(
  data: ResultData,
  options: { servicePage: (id: string) => string; chosen?: { id: string; name: string }; maxSections?: number },
): Hit[] {
  const { servicePage, chosen, maxSections = 3 } = options;
  const page: Hit = {
    title: data.meta.title?.trim() || data.url,
    href: data.meta.url ?? data.url,
    context: data.meta.context ?? '',
    excerptHtml: data.excerpt,
    sections: sections(data, maxSections),
  };
  if (data.meta.services === undefined) return [page];
  const anchor = page.href.slice(page.href.indexOf('#'));
  const services = chosen ? [chosen] : decodeServices(data.meta.services);
  const rows = services.map((s) => ({
    title: page.title,
    href: `${servicePage(s.id)}${anchor}`,
    context: [s.name, data.meta.row].filter(Boolean).join(' · '),
    excerptHtml: '',
    sections: [],
  }));
  // With a service chosen its row comes first: that is what the filter asked for.
  return chosen ? [...rows, page] : [page, ...rows];
}

/** The summary line under the field, worded as the tests and screen readers read it. */
export function summaryText(term: string, count: number): string {
  if (count === 0) return `No results for ${term}`;
  return `${count.toLocaleString('en')} ${count === 1 ? 'result' : 'results'} for ${term}`;
}
