/**
 * Indexes the built site with Pagefind at the end of every `astro build`: the pages' main content (prose, steps,
 * menu paths) plus one custom record per property entry (src/lib/search/records.ts). Any indexing error fails
 * the build; nothing is swallowed.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Catalog } from '../lib/providers/catalog.ts';
import { getCatalog } from '../lib/providers/load.ts';
import { searchRecords } from '../lib/search/records.ts';

export class SearchIndexError extends Error {
  constructor(step: string, errors: string[]) {
    super(`Search indexing failed while ${step}:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    this.name = 'SearchIndexError';
  }
}

function check(step: string, errors: string[] | undefined): void {
  if (errors && errors.length > 0) throw new SearchIndexError(step, errors);
}

/**
 * Left out of page indexing: each example's copy as the vendor printed it (the same settings in the vendor's
 * spelling), and every connection-string sample (`pre[data-connstr]`, in any output form). Pagefind indexes a
 * sample as a few glued words (`profilecprofilesintercomapipauthscheme…`) that no query is typed as, yet every
 * prefix query such as "profile" matched them on every page; the property names in them are indexed by the
 * property records. Both only made the index and each page's result fragment bigger (the first search loads both).
 */
export const excludeSelectors = ['details.vendor-text', 'pre[data-connstr]'];

/** Records go to Pagefind's process in batches: one awaited round trip each was the slowest step of a large build. */
const recordBatchSize = 256;

/**
 * Word locations per index chunk. A query loads the chunks holding its words and the prefixes typed on the way
 * (Pagefind preloads as the reader types), so chunk size is what a first search pays for the index, whatever the
 * size of the site; Pagefind's default of 20,000 locations made the "OAuthClientSecret" chunk 26 kB with 22 services
 * and 32 kB at 800. At 3,000 a chunk is about 2–4 kB, unless one word's own locations make it bigger; the price is one
 * more `from–to–file` row in the up-front metadata per 3,000 locations (about 2 kB at 800 services). Set through
 * Pagefind 1.6's `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE` (the option has no stable name yet): if a Pagefind upgrade drops
 * it, the first-search budget (tests/e2e/search-budget.test.ts) says so.
 */
export const indexChunkSize = 3000;

/**
 * A new, empty Pagefind index (one Pagefind process per build; `closeIndexer` ends it). English keeps its stemmer
 * (4.3 kB more WebAssembly, 3.1 kB net of the larger unstemmed index): without it "passwords", "secrets" and
 * "proxies" found none of the properties they name (measured on this site).
 */
export async function createSiteIndex(): Promise<pagefind.PagefindIndex> {
  // Read by the Pagefind process, which the first createIndex of a build starts with this environment.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(indexChunkSize);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors });
  check('starting Pagefind', errors);
  if (!index) throw new SearchIndexError('starting Pagefind', ['no index was created']);
  return index;
}

/** Indexes every HTML page of the built site folder; returns how many. */
export async function addPages(index: pagefind.PagefindIndex, site: string): Promise<number> {
  const pages = await index.addDirectory({ path: site });
  check('indexing pages', pages.errors);
  if (pages.page_count === 0) throw new SearchIndexError('indexing pages', ['no page was indexed']);
  return pages.page_count;
}

/** Adds the property records (src/lib/search/records.ts), in batches; returns how many. */
export async function addRecords(index: pagefind.PagefindIndex, catalog: Catalog, base: string): Promise<number> {
  const records = searchRecords(catalog, (path) => base + path);
  for (let start = 0; start < records.length; start += recordBatchSize) {
    const batch = records.slice(start, start + recordBatchSize);
    const results = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
    results.forEach((added, i) => check(`adding the record for ${batch[i]!.url}`, added.errors));
  }
  return records.length;
}

export async function writeIndex(index: pagefind.PagefindIndex, outputPath: string): Promise<void> {
  const written = await index.writeFiles({ outputPath });
  check('writing the index', written.errors);
}

export const closeIndexer = () => pagefind.close();

/**
 * Writes the search index for a built site folder into `outputPath`: the steps above, in order (the scale
 * benchmark's --profile mode runs and times the same steps itself).
 * @param base the site's base path (`/` or `/docs/`), prefixed to every record URL
 * @throws SearchIndexError on any error Pagefind reports
 */
export async function indexSite(options: { site: string; base: string; catalog: Catalog; outputPath: string }) {
  const { site, base, catalog, outputPath } = options;
  try {
    const index = await createSiteIndex();
    const pages = await addPages(index, site);
    const records = await addRecords(index, catalog, base);
    await writeIndex(index, outputPath);
    return { pages, records };
  } finally {
    await closeIndexer();
  }
}

export default function pagefindIndex(): AstroIntegration {
  let base = '/';
  return {
    name: 'connector-help:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const { pages, records } = await indexSite({ site, base, catalog: getCatalog(), outputPath: join(site, 'pagefind') });
        logger.info(`Indexed ${pages} pages and ${records} property records in ${Math.round(performance.now() - started)} ms.`);
      },
    },
  };
}
