/**
 * The search-indexing step of the build, timed phase by phase, for the scale benchmark's --profile mode: where
 * Pagefind's time goes as the catalog grows. It runs the build's own code (`indexSite` in
 * src/integrations/pagefind.ts), writing the index to a scratch folder, never over the site's.
 */
import { rmSync } from 'node:fs';
import { importCatalog, importTs } from './ts.mjs';

/**
 * @param {{ distDir: string, contentDir?: string, outputPath: string }} options
 * @returns {Promise<{ catalogMs: number, records: number, pages: number, addDirectoryMs: number, addRecordsMs: number, writeFilesMs: number }>}
 */
export async function pagefindPhases({ distDir, contentDir, outputPath }) {
  const [catalogMod, integration] = await Promise.all([importCatalog(), importTs('src/integrations/pagefind.ts', { forceBundle: true })]);
  const started = performance.now();
  const catalog = catalogMod.loadCatalog(contentDir);
  const timings = { catalogMs: performance.now() - started };
  try {
    await integration.indexSite({ site: distDir, base: '/', catalog, outputPath, timings });
  } finally {
    rmSync(outputPath, { recursive: true, force: true });
  }
  return timings;
}
