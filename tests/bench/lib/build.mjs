/**
 * Runs `astro build` (which also writes the Pagefind index, src/integrations/pagefind.ts) for a content folder
 * into a scratch output folder, and reads the phase times out of Astro's log.
 *
 * Each build gets its own cache folder (CONNECTOR_CACHE_DIR → Astro's `cacheDir`, see astro.config.mjs): a
 * fresh one means no build reuses another's cache, and a scale build never writes the content store that a
 * colleague's concurrent `npm run build` uses.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { astroBin, root } from './paths.mjs';
import { run, tail } from './exec.mjs';
import { median } from './stats.mjs';

const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');
const toMs = (value, unit) => Number(value) * (unit === 's' ? 1000 : 1);

/**
 * Phase times from Astro's build log.
 * @param {string} output
 */
export function parseBuildLog(output) {
  const text = stripAnsi(output);
  const routes = [...text.matchAll(/[├└]─\s+(\S+)\s+\(\+([\d.]+)(ms|s)\)/g)].map((m) => ({ route: m[1], ms: toMs(m[2], m[3]) }));
  const generating = text.split('generating static routes')[1] ?? '';
  // Astro writes "1m 12s" past a minute (getTimeStat), which a build of 800 services' pages reaches.
  const gen = generating.match(/✓ Completed in (?:(\d+)m\s*)?([\d.]+)(ms|s)\./);
  const vite = [...text.matchAll(/\[vite\] ✓ built in ([\d.]+)(ms|s)/g)].reduce((n, m) => n + toMs(m[1], m[2]), 0);
  const collect = text.match(/Collecting build info\.\.\.\s*\n[^\n]*✓ Completed in ([\d.]+)(ms|s)/);
  const indexed = text.match(/Indexed (\d+) pages and (\d+) property records in (\d+) ms/);
  const total = text.match(/(\d+) page\(s\) built in ([\d.]+)(ms|s)/);
  const group = (test) => routes.filter((r) => test(r.route)).map((r) => r.ms);
  const servicePages = group((r) => /^\/services\/[^/]+\/index\.html$/.test(r));
  const dataFiles = group((r) => r.startsWith('/builder/data/'));
  const single = Object.fromEntries(
    routes.filter((r) => !/^\/services\/|^\/builder\/data\//.test(r.route)).map((r) => [r.route, r.ms]),
  );
  return {
    collectMs: collect ? toMs(collect[1], collect[2]) : null,
    viteMs: vite || null,
    generateMs: gen ? Number(gen[1] ?? 0) * 60_000 + toMs(gen[2], gen[3]) : null,
    pagefindMs: indexed ? Number(indexed[3]) : null,
    pagefindPages: indexed ? Number(indexed[1]) : null,
    pagefindRecords: indexed ? Number(indexed[2]) : null,
    astroTotalMs: total ? toMs(total[2], total[3]) : null,
    routes: routes.length,
    servicePage: { count: servicePages.length, medianMs: median(servicePages), sumMs: servicePages.reduce((n, v) => n + v, 0), first: servicePages.slice(0, 3), last: servicePages.slice(-3) },
    dataFile: { count: dataFiles.length, medianMs: median(dataFiles), sumMs: dataFiles.reduce((n, v) => n + v, 0) },
    singlePages: single,
  };
}

/**
 * Builds the site.
 * @param {{ contentDir?: string, outDir: string, cacheDir: string, cpuProfileDir?: string, log?: (s: string) => void }} options
 * @returns {Promise<{ ms: number, log: ReturnType<typeof parseBuildLog>, output: string }>}
 */
export async function astroBuild({ contentDir, outDir, cacheDir, cpuProfileDir, log = () => {} }) {
  mkdirSync(cacheDir, { recursive: true });
  const env = { CONNECTOR_OUT_DIR: outDir, CONNECTOR_CACHE_DIR: cacheDir, ...(contentDir ? { CONNECTOR_CONTENT_DIR: contentDir } : {}), FORCE_COLOR: '0' };
  const args = [...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : []), astroBin, 'build'];
  log(`astro build → ${outDir}${contentDir ? ` (content ${contentDir})` : ''}`);
  const result = await run(process.execPath, args, { cwd: root, env });
  if (result.code !== 0) throw new Error(`astro build failed (exit ${result.code}):\n${tail(result.output, 40)}`);
  return { ms: result.ms, log: parseBuildLog(result.output), output: result.output };
}

/** The largest .cpuprofile in a folder (the main build process). */
export function largestProfile(dir) {
  const files = readdirSync(dir).filter((n) => n.endsWith('.cpuprofile')).map((n) => join(dir, n));
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

/**
 * Self time per function of a V8 CPU profile, heaviest first, plus inclusive time for project code.
 * @returns {{ totalMs: number, top: { fn: string, where: string, selfMs: number, selfPct: number }[], project: { fn: string, where: string, totalMs: number, totalPct: number }[] }}
 */
export function summarizeProfile(file, { top = 15 } = {}) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (deltas[i] ?? 0) / 1000);
  const totalMs = [...self.values()].reduce((n, v) => n + v, 0);
  const label = (n) => {
    const f = n.callFrame;
    // Scale builds live under node_modules/.cache/connector-bench/<run>/: show their chunks relative to that.
    const url = f.url.replace(`file://${root}/`, '').replace(/^file:\/\//, '').replace(/^node_modules\/\.cache\/connector-bench\/[^/]+\//, '');
    return { fn: f.functionName || '(anonymous)', where: url ? `${url}:${f.lineNumber + 1}` : '' };
  };
  const bySelf = new Map();
  for (const [id, t] of self) {
    const { fn, where } = label(nodes.get(id));
    const key = `${fn} ${where}`;
    bySelf.set(key, { fn, where, selfMs: (bySelf.get(key)?.selfMs ?? 0) + t });
  }
  // Inclusive time of project functions (src/, or Astro's build chunks of it): each sample counted once per function.
  const inclusive = new Map();
  for (const [id, t] of self) {
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const { fn, where } = label(nodes.get(cur));
      if (!/(^|\/)(src\/|\.prerender\/|chunks\/|pages\/)/.test(where) || where.includes('node_modules')) continue;
      const key = `${fn} ${where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, { fn, where, totalMs: (inclusive.get(key)?.totalMs ?? 0) + t });
    }
  }
  return {
    totalMs,
    top: [...bySelf.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, top).map((x) => ({ ...x, selfPct: (100 * x.selfMs) / totalMs })),
    project: [...inclusive.values()].sort((a, b) => b.totalMs - a.totalMs).slice(0, top).map((x) => ({ ...x, totalPct: (100 * x.totalMs) / totalMs })),
  };
}
