/**
 * Writers' live preview under `astro dev`, on Astro's own content layer: the catalog's data files (content/services,
 * content/properties) are a content collection whose loader watches them. On a change the loader checks the catalog
 * once (so a bad edit is reported in the terminal at once, with its file and field) and stores each file's digest;
 * Astro sees its content store change and does what it does for any content edit: clears its route cache (the
 * service a route's getStaticPaths passed as props) and reloads the open pages. getCatalog() itself notices the
 * changed files (src/lib/providers/load.ts), so the next render reads the new data, or shows the same error in the
 * dev overlay. Nothing renders from this collection: the catalog is built by getCatalog, for the pages as for the
 * CLI and the build integrations.
 */
import type { Loader } from 'astro/loaders';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { contentDir, dataFiles, dataFolders, loadCatalog } from '../lib/providers/load.ts';

export function catalogLoader(): Loader {
  return {
    name: 'connector-help:catalog',
    load: async ({ store, logger, watcher, generateDigest }) => {
      const dir = contentDir();
      /** One entry per data file (its path under the content folder), its digest the file's text. */
      const sync = () => {
        const ids = new Set<string>();
        for (const path of dataFiles(dir)) {
          const id = relative(dir, path).split(sep).join('/');
          let text: string;
          try {
            text = readFileSync(path, 'utf8');
          } catch {
            continue; // deleted while listed: the next event removes it
          }
          ids.add(id);
          store.set({ id, data: {}, digest: generateDigest(text) });
        }
        for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      };
      sync();
      if (!watcher) return; // a build loads once

      const folders = dataFolders.map((folder) => join(dir, folder));
      // Vite watches the project root only; CONNECTOR_CONTENT_DIR may point outside it.
      watcher.add(folders);
      const isData = (path: string) => path.endsWith('.json') && folders.some((folder) => path.startsWith(folder + sep));
      const changed = (path: string) => {
        if (!isData(path)) return;
        const shown = relative(process.cwd(), path) || path;
        try {
          const catalog = loadCatalog(dir);
          logger.info(`${shown} changed: ${catalog.services.length} services reloaded.`);
        } catch (error) {
          // Reported, not thrown: the server keeps running and recovers when the file is fixed.
          logger.error(`${shown} changed, and the content is invalid:\n${(error as Error).message}`);
        }
        sync();
      };
      watcher.on('change', changed);
      watcher.on('add', changed);
      watcher.on('unlink', changed);
    },
  };
}
