/**
 * Reads the metadata files from disk and builds the catalog. Build-time only (Node): pages, the middleware, the
 * CLI, the build integrations and tests import this; the browser island gets its payload (lib/builder/data.ts).
 *
 * The content folder defaults to `./content`; `CONNECTOR_CONTENT_DIR` points elsewhere (the scale benchmark,
 * the fixture-service test and the dev-preview test build the same site from other data, with no code change).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
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

/** Every data file of a content folder (its JSON files under `dataFolders`), in a stable order. */
export function dataFiles(dir = contentDir()): string[] {
  return dataFolders.flatMap((folder) => jsonFiles(join(dir, folder)));
}

/**
 * One read of a content folder: each data file's text, keyed by its path under the folder (`services/acme.json`),
 * in `dataFiles` order. The catalog is built from it, and two of them tell which files a save changed, so a check
 * and the load that follows it read the same text.
 */
export type DataSnapshot = ReadonlyMap<string, string>;

export function readDataSnapshot(dir = contentDir()): DataSnapshot {
  const texts = new Map<string, string>();
  for (const path of dataFiles(dir)) {
    try {
      texts.set(relative(dir, path).split(sep).join('/'), readFileSync(path, 'utf8'));
    } catch {
      // deleted while listed: it counts as gone
    }
  }
  return texts;
}

/** The files added, changed or removed between two snapshots, in a stable order. */
export function changedFiles(before: DataSnapshot, after: DataSnapshot): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((id) => before.get(id) !== after.get(id)).sort();
}

/** One folder's files of a snapshot, parsed, keyed by the name messages show (relative to the working directory). */
function parseFolder(dir: string, snapshot: DataSnapshot, folder: (typeof dataFolders)[number]): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  for (const [id, text] of snapshot) {
    if (!id.startsWith(`${folder}/`)) continue;
    const shown = relative(process.cwd(), join(dir, id)) || id;
    try {
      files[shown] = JSON.parse(text);
    } catch (error) {
      throw new Error(`${shown}: not valid JSON (${(error as Error).message})`);
    }
  }
  return files;
}

/** Checks and builds the catalog from a snapshot of `dir` (see `loadCatalog`). */
export function catalogFromSnapshot(dir: string, snapshot: DataSnapshot, options: CatalogOptions = {}): Catalog {
  const catalog = buildCatalog(parseFolder(dir, snapshot, 'properties'), parseFolder(dir, snapshot, 'services'), options);
  const unknown = unknownDecisionTargets(catalog);
  if (unknown.length > 0) throw new CatalogError(unknown);
  // Only the services' drafts are allowed in: a troubleshooting file is checked whole, like a finished service.
  return { ...catalog, troubleshooting: buildTroubleshooting(parseFolder(dir, snapshot, 'troubleshooting'), catalog.services) };
}

/**
 * Loads and checks the catalog from a content folder (default: `contentDir()`). Drafts fail it unless
 * `options.drafts` is `allow` (see `CatalogOptions`).
 */
export function loadCatalog(dir = contentDir(), options: CatalogOptions = {}): Catalog {
  return catalogFromSnapshot(dir, readDataSnapshot(dir), options);
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

/**
 * How close to a check a save can be and still leave the same size and modification time after a second save: file
 * systems keep times at a coarse step (a kernel tick; a second on HFS+, two on FAT), and an edit such as APIKey to
 * APIKye keeps the size. Files saved within this span of the last read are read again and compared by text, as git
 * does for its "racy" index entries.
 */
export const racyWindowMs = 2_000;

/**
 * Under `astro dev` (and Vitest) each call checks the files, so a writer's edit shows on the next reload; a bad
 * edit throws its CatalogError on every request until it is fixed, and the server keeps running. A production
 * build (`DEV` false; undefined when the bench bundles this for plain Node) loads once per process: no stat
 * per page.
 */
const watchFiles = (): boolean => Boolean(import.meta.env?.DEV);

/** What a watched folder's files looked like when last read: their stats, their text, and when. */
type FilesRead = { stats: string; snapshot: DataSnapshot; readAt: number };
type Cached = { dir: string; watched: boolean; files?: FilesRead; result: { catalog: Catalog } | { error: unknown } };
let cached: Cached | undefined;

function build(dir: string, snapshot: DataSnapshot, watched: boolean): Cached['result'] {
  try {
    // The dev server shows drafts with their missing fields flagged; a production build refuses them.
    return { catalog: catalogFromSnapshot(dir, snapshot, { drafts: watched ? 'allow' : 'reject' }) };
  } catch (error) {
    return { error };
  }
}

/**
 * The catalog of a content folder for this process: built once, or again after a data file changed (when files are
 * watched). The same stats reuse it, unless a file was saved within `racyWindowMs` of the last read: then the files
 * are read, and their text decides.
 */
export function catalogFor(dir: string, watched = watchFiles()): Catalog {
  const previous = cached?.dir === dir && cached.watched === watched ? cached : undefined;
  if (!watched) {
    cached = previous ?? { dir, watched, result: build(dir, readDataSnapshot(dir), false) };
  } else {
    const { signature: stats, newestMs } = fileStats(dir);
    const seen = previous?.files;
    if (!seen || seen.stats !== stats || newestMs >= seen.readAt - racyWindowMs) {
      const files = { stats, readAt: Date.now(), snapshot: readDataSnapshot(dir) };
      const unchanged = seen !== undefined && changedFiles(seen.snapshot, files.snapshot).length === 0;
      cached = { dir, watched, files, result: unchanged ? previous!.result : build(dir, files.snapshot, true) };
    }
  }
  if ('error' in cached!.result) throw cached!.result.error;
  return cached!.result.catalog;
}

/** The catalog for this process, from `contentDir()` (see `catalogFor`). */
export function getCatalog(): Catalog {
  return catalogFor(contentDir());
}
