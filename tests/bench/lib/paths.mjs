/** Project paths and the project's own binaries, run with this Node (v24 from node_modules under npm). */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../../', import.meta.url)).replace(/\/$/, '');
export const distDir = join(root, 'dist');
/** Astro's CLI entry, started with process.execPath so the pinned Node runs it whatever PATH says. */
export const astroBin = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
