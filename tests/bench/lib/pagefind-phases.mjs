/**
 * The search-indexing step of the build, timed phase by phase, for the scale benchmark's --profile mode: where
 * Pagefind's time goes as the catalog grows. It runs the build's own steps (src/integrations/pagefind.ts, loaded
 * through Node's type stripping) and times each one here, so the production code carries no timing hooks; the
 * index goes to a scratch folder, never over the site's.
 */
import { rmSync } from 'node:fs';

/**
 * @param {{ distDir: string, contentDir?: string, outputPath: string }} options
 * @returns {Promise<{ catalogMs: number, records: number, pages: number, addDirectoryMs: number, addRecordsMs: number, writeFilesMs: number }>}
 */
export async function pagefindPhases({ distDir, contentDir, outputPath }) {
  const [catalogMod, steps] = await Promise.all([import('../../../src/lib/providers/load.ts'), import('../../../src/integrations/pagefind.ts')]);
  const timed = async (fn) => {
    const started = performance.now();
    const value = await fn();
    return [value, performance.now() - started];
  };
  const [catalog, catalogMs] = await timed(() => catalogMod.loadCatalog(contentDir));
  try {
    const index = await steps.createSiteIndex();
    const [pages, addDirectoryMs] = await timed(() => steps.addPages(index, distDir));
    const [records, addRecordsMs] = await timed(() => steps.addRecords(index, catalog, '/'));
    const [, writeFilesMs] = await timed(() => steps.writeIndex(index, outputPath));
    return { catalogMs, records, pages, addDirectoryMs, addRecordsMs, writeFilesMs };
  } finally {
    await steps.closeIndexer();
    rmSync(outputPath, { recursive: true, force: true });
  }
}
