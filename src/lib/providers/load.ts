/**
 * Reads the metadata files from disk and builds the catalog once per process. Build-time only (Node):
 * pages and tests import this; the browser island receives one service as props instead.
 *
 * The content folder defaults to `./content`; `CONNECTOR_CONTENT_DIR` points elsewhere (the scale benchmark
 * and the fixture-service test build the same site from other data, with no code change).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildCatalog, type Catalog } from './catalog.ts';

export function contentDir(): string {
  return resolve(process.env.CONNECTOR_CONTENT_DIR ?? 'content');
}

function readJsonFolder(dir: string): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return files;
  }
  for (const name of names) {
    const path = join(dir, name);
    const shown = relative(process.cwd(), path) || path;
    try {
      files[shown] = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${shown}: not valid JSON (${(error as Error).message})`);
    }
  }
  return files;
}

/** Loads and checks the catalog from a content folder (default: `contentDir()`). */
export function loadCatalog(dir = contentDir()): Catalog {
  return buildCatalog(readJsonFolder(join(dir, 'properties')), readJsonFolder(join(dir, 'services')));
}

let cached: { dir: string; catalog: Catalog } | undefined;
/** The catalog for this process, built once. */
export function getCatalog(): Catalog {
  const dir = contentDir();
  if (!cached || cached.dir !== dir) cached = { dir, catalog: loadCatalog(dir) };
  return cached.catalog;
}
