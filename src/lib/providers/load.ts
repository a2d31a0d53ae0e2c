/**
 * Reads the metadata files from disk and builds the catalog. Build-time only (Node): pages, the middleware, the
 * CLI, the build integrations and tests import this; the browser island gets its payload (lib/builder/data.ts).
 *
 * The content folder defaults to `./content`; `CONNECTOR_CONTENT_DIR` points elsewhere (the scale benchmark,
 * the fixture-service test and the dev-preview test build the same site from other data, with no code change).
 */
import { createHash } from 'node:crypto';
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

/** The data files' names, sizes and modification times (a stat per file, far cheaper than a load), and the newest time. */
function fileStats(dir: string): { signature: string; newestMs: number } {
  let newestMs = 0;
  const signature = dataFiles(dir)
    .map((path) => {
      try {
        const { size, mtimeMs } = statSync(path);
        newestMs = Math.max(newestMs, mtimeMs);
        return `${path}:${size}:${mtimeMs}`;
      } catch {
        return `${path}:gone`;
      }
    })
    .join('\n');
  return { signature, newestMs };
}

/** A digest of the data files' names and texts. */
function contentDigest(dir: string): string {
  const hash = createHash('sha256');
  for (const path of dataFiles(dir)) {
    hash.update(`${path}\0`);
    try {
      hash.update(readFileSync(path));
    } catch {
      hash.update('gone');
    }
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * How close to a check a save can be and still leave the same size and modification time after a second save: file
 * systems keep times at a coarse step (a kernel tick; a second on HFS+, two on FAT), and an edit such as APIKey to
 * APIKye keeps the size. Files saved within this span of the last check are compared by content, as git does for its
 * "racy" index entries.
 */
export const racyWindowMs = 2_000;

/**
 * Under `astro dev` (and Vitest) each call checks the files, so a writer's edit shows on the next reload; a bad
 * edit throws its CatalogError on every request until it is fixed, and the server keeps running. A production
 * build (`DEV` false; undefined when the bench bundles this for plain Node) loads once per process: no stat
 * per page.
 */
const watchFiles = (): boolean => Boolean(import.meta.env?.DEV);

type Cached = {
  dir: string;
  /** What the files looked like when last checked (undefined when files are not watched). */
  stats: string | undefined;
  digest: string | undefined;
  /** When the files were last read or found unchanged by content. */
  checkedAt: number;
  result: { catalog: Catalog } | { error: unknown };
};
let cached: Cached | undefined;

function load(dir: string, watched: boolean): Cached['result'] {
  try {
    // The dev server shows drafts with their missing fields flagged; a production build refuses them.
    return { catalog: loadCatalog(dir, { drafts: watched ? 'allow' : 'reject' }) };
  } catch (error) {
    return { error };
  }
}

/**
 * The catalog of a content folder for this process: built once, or again after a data file changed (when files are
 * watched). Same stats reuse it, unless a file was saved within `racyWindowMs` of the last check: then the content
 * decides.
 */
export function catalogFor(dir: string, watched = watchFiles()): Catalog {
  const checkedAt = Date.now();
  if (!watched) {
    if (cached?.dir !== dir || cached.stats !== undefined) cached = { dir, stats: undefined, digest: undefined, checkedAt, result: load(dir, false) };
  } else {
    const { signature, newestMs } = fileStats(dir);
    const same = cached?.dir === dir && cached.stats === signature;
    if (!same || newestMs >= cached!.checkedAt - racyWindowMs) {
      // Read before the load: a save landing between the two changes the digest next time, so it is never missed.
      const digest = contentDigest(dir);
      if (same && digest === cached!.digest) cached!.checkedAt = checkedAt;
      else cached = { dir, stats: signature, digest, checkedAt, result: load(dir, true) };
    }
  }
  if ('error' in cached!.result) throw cached!.result.error;
  return cached!.result.catalog;
}

/** The catalog for this process, from `contentDir()` (see `catalogFor`). */
export function getCatalog(): Catalog {
  return catalogFor(contentDir());
}
