/**
 * What the search dialog shows for one Pagefind result: pure, so the mapping from index data to result cards is
 * tested without a browser (src/scripts/search-dialog.ts renders these, tests/lib/search/hits.test.ts checks them).
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

export function toHit(data: ResultData, maxSections = 3): Hit {
  return {
    title: data.meta.title?.trim() || data.url,
    href: data.meta.url ?? data.url,
    context: data.meta.context ?? '',
    excerptHtml: data.excerpt,
    sections: sections(data, maxSections),
  };
}

/** The summary line under the field, worded as the tests and screen readers read it. */
export function summaryText(term: string, count: number): string {
  if (count === 0) return `No results for ${term}`;
  return `${count.toLocaleString('en')} ${count === 1 ? 'result' : 'results'} for ${term}`;
}
