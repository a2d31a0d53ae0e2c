#!/usr/bin/env node
/**
 * `npm run bench`: figures, not tests. Prints a table per section on stdout (progress on stderr) and writes
 * every figure as JSON (default bench-results.json at the project root, git-ignored) so runs can be compared.
 *
 *   npm run bench                                   every section, scale sizes 5, 200, 800
 *   npm run bench -- --only engine,sizes            some sections (engine, sizes, validator, cli, search, lighthouse, scale)
 *   npm run bench -- --skip scale                   all but some
 *   npm run bench -- --quick                        shorter timing rounds, one search run, scale sizes 25, 100
 *   npm run bench -- --sizes 100,400                scale sizes (synthetic services added to the real ones)
 *   npm run bench -- --out bench-results-before.json --dist path/to/dist --no-build --keep --profile
 *
 * sizes, validator, search and lighthouse read a built site (dist/ by default): when it is missing it is built first
 * (`astro build`, as `npm run build` does; --no-build makes that an error instead). They measure a private
 * copy taken at the start, because others may rebuild dist/ while the bench runs.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { root, distDir as defaultDist } from './lib/paths.mjs';
import { run } from './lib/exec.mjs';
import { note } from './lib/format.mjs';
import { ensureDist, snapshotDist } from './lib/dist.mjs';

const SECTIONS = ['engine', 'sizes', 'validator', 'cli', 'search', 'lighthouse', 'scale'];

function usage(message) {
  if (message) console.error(`bench: ${message}`);
  console.error('usage: npm run bench -- [--only a,b] [--skip a,b] [--quick] [--sizes 50,200,800] [--out file.json] [--dist dir] [--no-build] [--keep] [--profile]');
  console.error(`sections: ${SECTIONS.join(', ')}`);
  process.exit(message ? 2 : 0);
}

function parseArgs(argv) {
  const options = { only: [...SECTIONS], quick: false, sizes: undefined, out: join(root, 'bench-results.json'), dist: defaultDist, build: true, keep: false, profile: false };
  const list = (value, name) => {
    if (!value || value.startsWith('--')) usage(`${name} needs a value`);
    return value.split(',').map((s) => s.trim()).filter(Boolean);
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--only':
      case '--skip': {
        const named = list(value(), flag);
        const unknown = named.filter((s) => !SECTIONS.includes(s));
        if (unknown.length) usage(`unknown section ${unknown.join(', ')}`);
        options.only = options.only.filter((s) => named.includes(s) === (flag === '--only'));
        break;
      }
      case '--quick': options.quick = true; break;
      case '--sizes': {
        options.sizes = list(value(), '--sizes').map(Number);
        if (options.sizes.some((n) => !Number.isInteger(n) || n < 1)) usage('--sizes takes positive integers, e.g. 50,200,800');
        options.sizes.sort((a, b) => a - b);
        break;
      }
      case '--out': options.out = resolve(value()); break;
      case '--dist': options.dist = resolve(value()); break;
      case '--no-build': options.build = false; break;
      case '--keep': options.keep = true; break;
      case '--profile': options.profile = true; break;
      case '--help': case '-h': usage(); break;
      default: usage(`unknown option ${argv[i]}`);
    }
  }
  return options;
}

const log = (s) => process.stderr.write(`· ${s}\n`);

async function git() {
  const head = await run('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).catch(() => ({ output: '' }));
  const status = await run('git', ['status', '--porcelain'], { cwd: root }).catch(() => ({ output: '' }));
  return { head: head.output.trim() || undefined, changedFiles: status.output.split('\n').filter(Boolean).length };
}

const options = parseArgs(process.argv.slice(2));
const started = performance.now();
const results = {
  meta: {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
    git: await git(),
    options: { ...options, out: relative(root, options.out), dist: relative(root, options.dist) || options.dist },
  },
};
const save = () => writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);

console.log(`# Connector Help bench — ${results.meta.date}`);
console.log(`node ${process.version}, ${results.meta.cpus}, load ${results.meta.loadAverageAtStart.join(' ')}, git ${results.meta.git.head ?? '?'}${results.meta.git.changedFiles ? ` (+${results.meta.git.changedFiles} changed files)` : ''}; sections: ${options.only.join(', ')}${options.quick ? ' (quick)' : ''}`);

let failures = 0;
/** Runs one section; a failure is reported and recorded, and the other sections still run. */
async function section(name, fn) {
  if (!options.only.includes(name)) return;
  const t = performance.now();
  try {
    results[name] = await fn();
  } catch (error) {
    failures++;
    results[name] = { error: String(error?.stack ?? error) };
    console.log(`\n## ${name}: failed\n${String(error?.message ?? error)}`);
  }
  (results.meta.sectionMs ??= {})[name] = Math.round(performance.now() - t);
  save();
}

// One copy of the built site for every section that reads it (see the module comment).
let site;
if (options.only.some((s) => ['sizes', 'validator', 'search', 'lighthouse'].includes(s))) {
  try {
    const state = await ensureDist(options.dist, { build: options.build, log });
    const shown = relative(root, options.dist) || options.dist;
    if (state.built) note(`(${shown}/ was missing: built it in ${(state.buildMs / 1000).toFixed(1)} s)`);
    if (state.stale.length) note(`(note: ${state.stale.join(', ')} changed after ${shown}/ was built; run \`npm run build\` for figures of the current sources)`);
    site = { ...(await snapshotDist(options.dist)), source: isAbsolute(shown) ? shown : `${shown}/` };
    results.meta.site = { dist: shown, builtNow: state.built, staleSources: state.stale };
  } catch (error) {
    failures++;
    console.log(`\n## built site unavailable\n${error.message}`);
    for (const s of ['sizes', 'validator', 'search', 'lighthouse']) options.only = options.only.filter((x) => x !== s);
    results.meta.siteError = error.message;
  }
}

try {
  await section('engine', async () => {
    const { runEngine, printEngine } = await import('./engine.mjs');
    const r = await runEngine({ quick: options.quick, log });
    printEngine(r);
    return r;
  });

  await section('sizes', async () => {
    const { measureSizes, printSizes } = await import('./site-sizes.mjs');
    const r = measureSizes(site.dir);
    printSizes(r, { source: site.source });
    const { measurePageLoads, printPageLoads } = await import('./page-loads.mjs');
    const { keyPages } = await import('./site-sizes.mjs');
    r.browser = await measurePageLoads({ distDir: site.dir, pages: keyPages(site.dir), log });
    printPageLoads(r.browser);
    return r;
  });

  await section('validator', async () => {
    const { measureValidator, printValidator } = await import('./validator.mjs');
    const r = await measureValidator({ distDir: site.dir, keystrokes: options.quick ? 3 : 5, log });
    printValidator(r);
    return r;
  });

  await section('cli', async () => {
    const { measureCli, printCli } = await import('./cli.mjs');
    const r = await measureCli({ quick: options.quick, log });
    printCli(r);
    return r;
  });

  await section('search', async () => {
    const { measureSearch, printSearch } = await import('./search.mjs');
    const { keyPages } = await import('./site-sizes.mjs');
    const servicePage = `/${keyPages(site.dir).find((p) => p.id === 'service').page.replace(/index\.html$/, '')}`;
    const r = await measureSearch({ distDir: site.dir, page: servicePage, runs: options.quick ? 1 : 3, log });
    printSearch(r, { source: site.source });
    return r;
  });

  await section('lighthouse', async () => {
    const { runLighthouse, printLighthouse } = await import('./lighthouse.mjs');
    const { keyPages } = await import('./site-sizes.mjs');
    const pages = keyPages(site.dir).filter((p) => ['home', 'service', 'builder'].includes(p.id)).map((p) => `/${p.page.replace(/index\.html$/, '')}`);
    const r = await runLighthouse({ distDir: site.dir, pages, log });
    printLighthouse(r);
    return r;
  });

  await section('scale', async () => {
    const { runScale, printScale, defaultSizes, quickSizes } = await import('./scale.mjs');
    const r = await runScale({ sizes: options.sizes ?? (options.quick ? quickSizes : defaultSizes), quick: options.quick, keep: options.keep, profile: options.profile, log });
    printScale(r);
    return r;
  });
} finally {
  site?.remove();
}

results.meta.totalMs = Math.round(performance.now() - started);
results.meta.loadAverageAtEnd = loadavg().map((x) => Number(x.toFixed(2)));
save();
console.log(`\nWrote ${relative(root, options.out) || options.out} in ${(results.meta.totalMs / 1000).toFixed(0)} s${failures ? `; ${failures} section(s) failed` : ''}.`);
process.exitCode = failures ? 1 : 0;
