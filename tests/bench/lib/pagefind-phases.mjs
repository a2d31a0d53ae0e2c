/**
 * The search-indexing step of the build (src/integrations/pagefind.ts) replayed outside Astro with a timer on
 * each phase, for the scale benchmark's --profile mode: where Pagefind's time goes as the catalog grows.
 * Same calls in the same order (pages, then one awaited addCustomRecord per record, then writeFiles); the
 * index is written to a scratch folder, never over the site's.
 */
import { rmSync } from 'node:fs';
import { importCatalog, importTs } from './ts.mjs';

/**
 * @param {{ distDir: string, contentDir?: string, outputPath: string }} options
 * @returns {Promise<{ catalogMs: number, recordsMs: number, records: number, addDirectoryMs: number, pages: number, addRecordsMs: number, writeFilesMs: number }>}
 */
export async function pagefindPhases({ distDir, contentDir, outputPath }) {
  const pagefind = await import('pagefind');
  const [catalogMod, recordsMod] = await Promise.all([importCatalog(), importTs('src/lib/search/records.ts', { forceBundle: true })]);
  const out = {};
  let t = performance.now();
  const catalog = catalogMod.loadCatalog(contentDir);
  out.catalogMs = performance.now() - t;
  t = performance.now();
  const records = recordsMod.searchRecords(catalog, (path) => `/${path}`);
  out.recordsMs = performance.now() - t;
  out.records = records.length;
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    t = performance.now();
    const pages = await index.addDirectory({ path: distDir });
    out.addDirectoryMs = performance.now() - t;
    out.pages = pages.page_count;
    t = performance.now();
    for (const record of records) await index.addCustomRecord(record);
    out.addRecordsMs = performance.now() - t;
    t = performance.now();
    await index.writeFiles({ outputPath });
    out.writeFilesMs = performance.now() - t;
  } finally {
    await pagefind.close();
    rmSync(outputPath, { recursive: true, force: true });
  }
  return out;
}
