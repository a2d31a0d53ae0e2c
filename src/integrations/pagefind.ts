/**
 * Indexes the built site with Pagefind at the end of every `astro build`: the pages' main content (prose, steps,
 * menu paths) plus one custom record per property entry (src/lib/search/records.ts). Any indexing error fails
 * the build; nothing is swallowed.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { getCatalog } from '../lib/providers/load.ts';
import { searchRecords } from '../lib/search/records.ts';

export class SearchIndexError extends Error {
  constructor(step: string, errors: string[]) {
    super(`Search indexing failed while ${step}:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    this.name = 'SearchIndexError';
  }
}

const recordBatchSize = 256;

function check(step: string, errors: string[] | undefined): void {
  if (errors && errors.length > 0) throw new SearchIndexError(step, errors);
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
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          check('starting Pagefind', errors);
          if (!index) throw new SearchIndexError('starting Pagefind', ['no index was created']);
          const pages = await index.addDirectory({ path: site });
          check('indexing pages', pages.errors);
          if (pages.page_count === 0) throw new SearchIndexError('indexing pages', ['no page was indexed']);
          const records = searchRecords(getCatalog(), (path) => base + path);
          // In batches: one awaited round trip to Pagefind's process per record made this step the slowest
          // part of a large build (the scale benchmark measured 9.6 s → 6.5 s at 800 services).
          for (let start = 0; start < records.length; start += recordBatchSize) {
            const batch = records.slice(start, start + recordBatchSize);
            const results = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
            results.forEach((added, i) => check(`adding the record for ${batch[i]!.url}`, added.errors));
          }
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          check('writing the index', written.errors);
          logger.info(
            `Indexed ${pages.page_count} pages and ${records.length} property records in ${Math.round(performance.now() - started)} ms.`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
