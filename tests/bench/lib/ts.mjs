/**
 * Loads the project's TypeScript modules in plain Node. The engine (src/lib/connstr) uses `.ts` import
 * specifiers, so Node 24's type stripping runs it as is: the figures are for the code as written, not a
 * bundle of it. The providers code (load.ts → ./catalog) uses extensionless imports that only a bundler
 * resolves, so it is bundled once per process with esbuild into node_modules/.cache (inside the project, so
 * `astro/zod` resolves from node_modules; packages stay external).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './paths.mjs';

/** How each module was loaded, for the report. */
export const loadedVia = {};

async function bundle(rel) {
  const { build } = await import('esbuild');
  const outDir = join(root, 'node_modules', '.cache', 'connector-bench');
  mkdirSync(outDir, { recursive: true });
  // One file per process and module: a concurrent bench run never reads another's half-written bundle.
  const outfile = join(outDir, `${rel.replace(/[^a-z0-9]+/gi, '_')}-${process.pid}.mjs`);
  await build({
    entryPoints: [join(root, rel)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'error',
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(outfile, { force: true });
  }
}

const cache = new Map();
/**
 * Imports a project .ts module (path relative to the project root): directly when Node can, else bundled.
 * @param {string} rel e.g. 'src/lib/connstr/index.ts'
 * @param {{ forceBundle?: boolean }} [options]
 */
export function importTs(rel, { forceBundle = false } = {}) {
  if (!cache.has(rel)) {
    cache.set(
      rel,
      (async () => {
        if (!forceBundle) {
          try {
            const mod = await import(pathToFileURL(join(root, rel)).href);
            loadedVia[rel] = `Node ${process.versions.node} type stripping`;
            return mod;
          } catch (error) {
            loadedVia[rel] = `esbuild bundle (direct import failed: ${String(error?.message ?? error).split('\n')[0]})`;
          }
        }
        const mod = await bundle(rel);
        loadedVia[rel] ??= 'esbuild bundle';
        return mod;
      })(),
    );
  }
  return cache.get(rel);
}

/** The engine, as the site and the browser island use it. */
export const importEngine = () => importTs('src/lib/connstr/index.ts');
/** The catalog loader (getCatalog, loadCatalog, contentDir); bundled, see the module comment. */
export const importCatalog = () => importTs('src/lib/providers/load.ts', { forceBundle: true }).then((mod) => {
  loadedVia['src/lib/providers/load.ts'] = 'esbuild bundle (extensionless imports)';
  return mod;
});
