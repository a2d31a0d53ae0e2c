/**
 * Writers' live preview under `astro dev`. The catalog is read from JSON files that are not Vite modules, so
 * nothing would notice an edit: Astro keeps each route's getStaticPaths result (the service passed as props)
 * until it hears `astro:content-changed`. This watches the data folders, and on a change checks the catalog
 * once (so a bad edit is reported in the terminal at once, with its file and field), clears Astro's route
 * cache and reloads the open pages. getCatalog() itself notices the changed files (src/lib/providers/load.ts),
 * so the next render reads the new data, or shows the same error in the dev overlay.
 */
import type { AstroIntegration } from 'astro';
import { join, relative, sep } from 'node:path';
import { contentDir, dataFolders, loadCatalog } from '../lib/providers/load.ts';

export default function contentWatch(): AstroIntegration {
  return {
    name: 'connector-help:content-watch',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const dir = contentDir();
        const folders = dataFolders.map((folder) => join(dir, folder));
        // Vite watches the project root only; CONNECTOR_CONTENT_DIR may point outside it.
        server.watcher.add(folders);
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
          // What Astro's own content layer sends (vite-plugin-content-virtual-mod.js): clears the route cache.
          for (const environment of Object.values(server.environments)) {
            if (environment.name !== 'client') environment.hot.send('astro:content-changed', {});
          }
          server.environments.client.hot.send({ type: 'full-reload', path: '*' });
        };
        server.watcher.on('change', changed);
        server.watcher.on('add', changed);
        server.watcher.on('unlink', changed);
      },
    },
  };
}
