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
 * spelling, right under the canonical example that is indexed), which only made every page's index and result
 * fragment bigger.
 */
export const excludeSelectors = ['details.vendor-text'];

/** Records go to Pagefind's process in batches: one awaited round trip each was the slowest step of a large build. */
const recordBatchSize = 256;

/** Milliseconds per phase, filled in when asked for (the scale benchmark's --profile mode). */
export type IndexTimings = { records: number; pages: number; addDirectoryMs: number; addRecordsMs: number; writeFilesMs: number };

/**
 * Writes the search index for a built site folder into `outputPath`.
 * @param base the site's base path (`/` or `/docs/`), prefixed to every record URL
 * @throws SearchIndexError on any error Pagefind reports
 */
export async function indexSite(options: { site: string; base: string; catalog: Catalog; outputPath: string; timings?: Partial<IndexTimings> }) {
  const { site, base, catalog, outputPath, timings = {} } = options;
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors });
    check('starting Pagefind', errors);
    if (!index) throw new SearchIndexError('starting Pagefind', ['no index was created']);
    let started = performance.now();
    const pages = await index.addDirectory({ path: site });
    check('indexing pages', pages.errors);
    if (pages.page_count === 0) throw new SearchIndexError('indexing pages', ['no page was indexed']);
    timings.addDirectoryMs = performance.now() - started;
    timings.pages = pages.page_count;
    started = performance.now();
    const records = searchRecords(catalog, (path) => base + path);
    for (let start = 0; start < records.length; start += recordBatchSize) {
      const batch = records.slice(start, start + recordBatchSize);
      const results = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
      results.forEach((added, i) => check(`adding the record for ${batch[i]!.url}`, added.errors));
    }
    timings.addRecordsMs = performance.now() - started;
    timings.records = records.length;
    started = performance.now();
    const written = await index.writeFiles({ outputPath });
    check('writing the index', written.errors);
    timings.writeFilesMs = performance.now() - started;
    return { pages: pages.page_count, records: records.length };
  } finally {
    await pagefind.close();
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
