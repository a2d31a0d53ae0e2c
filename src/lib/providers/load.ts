/**
 * Reads the metadata files from disk and builds the catalog. Build-time only (Node): pages, the middleware, the
 * CLI, the build integrations and tests import this; the browser island gets its payload (lib/builder/data.ts).
 *
 * The content folder defaults to `./content`; `CONNECTOR_CONTENT_DIR` points elsewhere (the scale benchmark,
 * the fixture-service test and the dev-preview test build the same site from other data, with no code change).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildCatalog, buildTroubleshooting, CatalogError, unknownDecisionTargets, type Catalog, type CatalogOptions } from './catalog.ts';

export function contentDir(): string {
  return resolve(process.env.CONNECTOR_CONTENT_DIR ?? 'content');
}

/** The two folders of data files; the dev preview's content loader (src/integrations/catalog-loader.ts) watches the same ones. */
export const dataFolders = ['properties', 'services', 'troubleshooting'] as const;

function jsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => n.endsWith('.json')).sort().map((n) => join(dir, n));
  } catch {
    return [];
  }
}

function readJsonFolder(dir: string): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  for (const path of jsonFiles(dir)) {
    const shown = relative(process.cwd(), path) || path;
    try {
      files[shown] = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${shown}: not valid JSON (${(error as Error).message})`);
    }
  }
  return files;
}

/**
 * Loads and checks the catalog from a content folder (default: `contentDir()`). Drafts fail it unless
 * `options.drafts` is `allow` (see `CatalogOptions`).
 */
export function loadCatalog(dir = contentDir(), options: CatalogOptions = {}): Catalog {
  const catalog = buildCatalog(readJsonFolder(join(dir, 'properties')), readJsonFolder(join(dir, 'services')), options);
  const unknown = unknownDecisionTargets(catalog);
  if (unknown.length > 0) throw new CatalogError(unknown);
  // Only the services' drafts are allowed in: a troubleshooting file is checked whole, like a finished service.
  return { ...catalog, troubleshooting: buildTroubleshooting(readJsonFolder(join(dir, 'troubleshooting')), catalog.services) };
}

/** Every data file of a content folder (its JSON files under `dataFolders`), in a stable order. */
export function dataFiles(dir = contentDir()): string[] {
  return dataFolders.flatMap((folder) => jsonFiles(join(dir, folder)));
}

/**
 * Names, sizes and modification times of the data files: a stat per file, far cheaper than a load, and it
 * changes when a writer saves, adds or deletes a file.
 */
function signature(dir: string): string {
  return dataFiles(dir)
    .map((path) => {
      try {
        const { size, mtimeMs } = statSync(path);
        return `${path}:${size}:${mtimeMs}`;
      } catch {
        return `${path}:gone`;
      }
    })
    .join('\n');
}

/**
 * Under `astro dev` (and Vitest) each call checks the files, so a writer's edit shows on the next reload; a bad
 * edit throws its CatalogError on every request until it is fixed, and the server keeps running. A production
 * build (`DEV` false; undefined when the bench bundles this for plain Node) loads once per process: no stat
 * per page.
 */
const watchFiles = (): boolean => Boolean(import.meta.env?.DEV);

type Cached = { dir: string; signature: string | undefined; result: { catalog: Catalog } | { error: unknown } };
let cached: Cached | undefined;

/** The catalog for this process: built once, or again after a content file changed (dev only). */
export function getCatalog(): Catalog {
  const dir = contentDir();
  const current = watchFiles() ? signature(dir) : undefined;
  if (!cached || cached.dir !== dir || cached.signature !== current) {
    let result: Cached['result'];
    try {
      // The dev server shows drafts with their missing fields flagged; a production build refuses them.
      result = { catalog: loadCatalog(dir, { drafts: watchFiles() ? 'allow' : 'reject' }) };
    } catch (error) {
      result = { error };
    }
    cached = { dir, signature: current, result };
  }
  if ('error' in cached.result) throw cached.result.error;
  return cached.result.catalog;
}
