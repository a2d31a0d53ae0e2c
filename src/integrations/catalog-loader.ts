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
import { join, relative, sep } from 'node:path';
import type { DraftReport } from '../lib/providers/drafts.ts';
import { catalogFromSnapshot, changedFiles, contentDir, dataFolders, readDataSnapshot, type DataSnapshot } from '../lib/providers/load.ts';

/** Quiet time after the last watcher event before the files are read: one save can arrive as several writes. */
export const settleMs = 50;

/**
 * After each burst of events the files are read again at these delays (from the burst). A watcher can report a
 * save between its truncation and its write, then drop the write's own event (chokidar reports a change only when
 * the modification time moved, and both writes can share one clock tick); reading again catches the finished file.
 * A read that finds the same text as last time reports nothing.
 */
export const recheckMs = [300, 1_000, 3_000] as const;

/** What the terminal says of a draft the dev server shows (its page says the same at the top). */
export function draftWarning({ file, service, fields }: DraftReport): string {
  const count = `${fields.length} ${fields.length === 1 ? 'field' : 'fields'}`;
  return `Draft, not published: service "${service}" (${file}) has ${count} still to write; a production build refuses it until they are written and "draft": true is removed.`;
}

/** `dir`: the content folder (default: `contentDir()`, which CONNECTOR_CONTENT_DIR can move). */
export function catalogLoader(dir = contentDir()): Loader {
  return {
    name: 'connector-help:catalog',
    load: async ({ store, logger, watcher, generateDigest }) => {
      let current: DataSnapshot = new Map();
      /** One entry per data file, its digest the file's text. */
      const sync = (texts: DataSnapshot) => {
        for (const [id, text] of texts) store.set({ id, data: {}, digest: generateDigest(text) });
        for (const id of store.keys()) if (!texts.has(id)) store.delete(id);
        current = texts;
      };
      sync(readDataSnapshot(dir));
      if (!watcher) return; // a build loads once

      const folders = dataFolders.map((folder) => join(dir, folder));
      // Vite watches the project root only; CONNECTOR_CONTENT_DIR may point outside it.
      watcher.add(folders);
      const isData = (path: string) => path.endsWith('.json') && folders.some((folder) => path.startsWith(folder + sep));

      /** Reads the files once; if any differs from the last read, checks that text, says so, and updates the store. */
      const report = () => {
        const texts = readDataSnapshot(dir);
        const changed = changedFiles(current, texts);
        if (changed.length === 0) return;
        const shown = changed.map((id) => relative(process.cwd(), join(dir, id)) || id).join(', ');
        try {
          // Loaded as the dev server's pages load it: drafts show, flagged, so they are a warning here, not an error.
          const catalog = catalogFromSnapshot(dir, texts, { drafts: 'allow' });
          logger.info(`${shown} changed: ${catalog.services.length} services reloaded.`);
          for (const draft of catalog.drafts ?? []) logger.warn(draftWarning(draft));
        } catch (error) {
          // Reported, not thrown: the server keeps running and recovers when the file is fixed.
          logger.error(`${shown} changed, and the content is invalid:\n${(error as Error).message}`);
        }
        sync(texts);
      };

      let timers: NodeJS.Timeout[] = [];
      const changed = (path: string) => {
        if (!isData(path)) return;
        for (const timer of timers) clearTimeout(timer);
        timers = [settleMs, ...recheckMs.map((delay) => settleMs + delay)].map((delay) => {
          const timer = setTimeout(report, delay);
          timer.unref(); // never what keeps a finished process alive
          return timer;
        });
      };
      watcher.on('change', changed);
      watcher.on('add', changed);
      watcher.on('unlink', changed);
    },
  };
}
