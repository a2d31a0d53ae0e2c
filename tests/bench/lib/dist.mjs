/**
 * The built site the size, search and Lighthouse sections read. Others work in this checkout at the same time
 * (`npm test` rebuilds dist/), so the bench measures a private copy taken once at the start: every section
 * then sees the same build, and a rebuild during the run cannot pull files from under a measurement.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { astroBin, root } from './paths.mjs';
import { run, tail } from './exec.mjs';

/** True when the folder holds a built and indexed site. */
export const isBuilt = (dir) => existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'pagefind', 'pagefind-entry.json'));

/** Newest modification time under a folder (ms), ignoring nothing; small folders only. */
function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/**
 * Makes sure `dir` holds a built site: builds it (`astro build`, what `npm run build` runs) when it is
 * missing, unless `build` is false, in which case it throws with what to run.
 * @returns {Promise<{ built: boolean, buildMs?: number, stale: string[] }>}
 */
export async function ensureDist(dir, { build = true, log = () => {} } = {}) {
  let built = false;
  let buildMs;
  if (!isBuilt(dir)) {
    if (!build) throw new Error(`${relative(root, dir) || dir} has no built site: run \`npm run build\` first (or drop --no-build).`);
    log(`${relative(root, dir)}/ is missing or not indexed: running astro build (npm run build)…`);
    const env = dir === join(root, 'dist') ? {} : { CONNECTOR_OUT_DIR: dir };
    const result = await run(process.execPath, [astroBin, 'build'], { cwd: root, env });
    if (result.code !== 0) throw new Error(`astro build failed (exit ${result.code}):\n${tail(result.output)}`);
    built = true;
    buildMs = result.ms;
  }
  // Sources newer than the build mean the figures describe older code; say so rather than guess.
  const builtAt = statSync(join(dir, 'index.html')).mtimeMs;
  const stale = ['src', 'content', 'public', 'astro.config.mjs']
    .filter((p) => (p.endsWith('.mjs') ? statSync(join(root, p)).mtimeMs : newest(join(root, p))) > builtAt);
  return { built, buildMs, stale };
}

/**
 * Copies a built site into a temporary folder (retrying while a concurrent build is rewriting it).
 * @returns {Promise<{ dir: string, remove: () => void }>}
 */
export async function snapshotDist(source) {
  const parent = mkdtempSync(join(tmpdir(), 'bench-dist-'));
  const dir = join(parent, 'dist');
  for (let attempt = 1; ; attempt++) {
    try {
      rmSync(dir, { recursive: true, force: true });
      cpSync(source, dir, { recursive: true });
      if (!isBuilt(dir)) throw new Error('incomplete copy');
      break;
    } catch (error) {
      if (attempt >= 10) throw new Error(`Could not copy ${source} (a build kept rewriting it?): ${error.message}`);
      await new Promise((done) => setTimeout(done, 3000));
    }
  }
  return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}
