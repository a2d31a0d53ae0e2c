/**
 * Scale benchmark (issue 6): the real site's build, then synthetic catalogs of growing size (lib/synthetic.mjs),
 * each built and indexed with `astro build` into a scratch folder, measured (build phases, sizes, index, a first
 * search in Chromium) and compared size to size as a growth exponent (1 = linear, 2 = quadratic).
 *
 * Scratch folders live under node_modules/.cache/connector-bench/ (inside the project on purpose: Astro writes
 * a build's prerender chunks to <outDir>/.prerender only when outDir is inside the project, otherwise to the
 * shared ./.astro/.prerender, which two concurrent builds would fight over). They are removed afterwards
 * unless --keep is given.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { root } from './lib/paths.mjs';
import { astroBuild, largestProfile, summarizeProfile } from './lib/build.mjs';
import { pagefindPhases } from './lib/pagefind-phases.mjs';
import { writeContent } from './lib/synthetic.mjs';
import { folderSize, gzipSize, htmlPages, pageCost } from './lib/sizes.mjs';
import { indexFigures, measureSearch } from './search.mjs';
import { growthExponent, median } from './lib/stats.mjs';
import { kb, ms, note, size, table } from './lib/format.mjs';
import { launchBrowser } from './lib/browser.mjs';

export const defaultSizes = [5, 200, 800];
export const quickSizes = [25, 100];

/** The sidebar's share of a page: bytes of its <nav class="sidebar">…</nav>. */
function sidebarBytes(html) {
  const m = html.match(/<nav class="sidebar"[\s\S]*?<\/nav>/);
  return m ? Buffer.byteLength(m[0]) : 0;
}

/** Raw and gzip sizes of files, with the median and the largest (by gzip). */
function fileSizes(distDir, files) {
  const sizes = files.map((file) => {
    const data = readFileSync(join(distDir, file));
    return { file, bytes: data.length, gzip: gzipSize(data) };
  });
  const byGzip = [...sizes].sort((a, b) => a.gzip - b.gzip);
  return { count: sizes.length, median: byGzip[byGzip.length >> 1] ?? { bytes: 0, gzip: 0 }, largest: byGzip.at(-1) ?? { bytes: 0, gzip: 0 } };
}

const readOrEmpty = (file) => (existsSync(file) ? readFileSync(file) : Buffer.alloc(0));

/** Figures of one built site. */
function siteFigures(distDir, samplePage) {
  const pages = htmlPages(distDir);
  const htmlBytes = pages.reduce((n, p) => n + statSync(join(distDir, p)).size, 0);
  const sample = readFileSync(join(distDir, samplePage), 'utf8');
  const reference = readOrEmpty(join(distDir, 'reference/index.html'));
  const referenceMd = readOrEmpty(join(distDir, 'reference.md'));
  const home = readFileSync(join(distDir, 'index.html'));
  // The reference split into a page per property (reference/<name>/index.html and reference/<name>.md).
  const referenceDir = join(distDir, 'reference');
  const split = existsSync(referenceDir) ? readdirSync(referenceDir) : [];
  const catalogIndex = readOrEmpty(join(distDir, 'catalog.json'));
  const catalogDir = join(distDir, 'catalog');
  return {
    dist: folderSize(distDir),
    htmlPages: pages.length,
    htmlBytes,
    servicePage: { page: samplePage, bytes: Buffer.byteLength(sample), gzip: gzipSize(sample), sidebarBytes: sidebarBytes(sample), jsAtLoadGzip: pageCost(distDir, samplePage).jsGzip },
    referencePage: { bytes: reference.length, gzip: reference.length ? gzipSize(reference) : 0 },
    referenceMarkdown: { bytes: referenceMd.length, gzip: referenceMd.length ? gzipSize(referenceMd) : 0 },
    referencePages: fileSizes(distDir, split.filter((f) => existsSync(join(referenceDir, f, 'index.html'))).map((f) => `reference/${f}/index.html`)),
    referencePagesMarkdown: fileSizes(distDir, split.filter((f) => f.endsWith('.md')).map((f) => `reference/${f}`)),
    catalogIndex: { bytes: catalogIndex.length, gzip: catalogIndex.length ? gzipSize(catalogIndex) : 0 },
    catalogServices: fileSizes(distDir, existsSync(catalogDir) ? readdirSync(catalogDir).filter((f) => f.endsWith('.json')).map((f) => `catalog/${f}`) : []),
    homePage: { bytes: home.length, gzip: gzipSize(home) },
    builderData: folderSize(join(distDir, 'builder', 'data')),
    index: indexFigures(distDir),
  };
}

/** Largest fragment files a search may fetch: Pagefind stores them gzipped, so sizes are unpacked here. */
function largestFragments(distDir, n = 3) {
  const dir = join(distDir, 'pagefind', 'fragment');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => ({ f, bytes: statSync(join(dir, f)).size }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, n)
    .map(({ f, bytes }) => {
      let url;
      try {
        const text = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
        url = JSON.parse(text.slice(text.indexOf('{'))).url;
      } catch {
        url = undefined;
      }
      return { file: f, bytes, url };
    });
}

/**
 * One size: generate (or use the real content), build, measure, search.
 * @returns {Promise<object>}
 */
async function oneSize({ label, synthetic, work, engine, catalogMod, browser, searchRuns, profile, phases, keep, log }) {
  const contentDir = synthetic === null ? undefined : join(work, `content-${synthetic}`);
  const outDir = join(work, `dist-${label}`);
  const cacheDir = join(work, `cache-${label}`);
  const result = { label, synthetic, loadBefore: loadavg()[0] };
  if (contentDir) {
    const t = performance.now();
    const content = writeContent(contentDir, synthetic, engine);
    result.generateContentMs = performance.now() - t;
    result.services = content.services;
    result.contentBytes = folderSize(contentDir).bytes;
  }
  // The catalog as the build loads it (every example validated); also proves the synthetic data is valid.
  const t = performance.now();
  const catalog = catalogMod.loadCatalog(contentDir ?? join(root, 'content'));
  result.catalogLoadMs = performance.now() - t;
  result.services ??= catalog.services.length;
  result.listedProperties = median(catalog.services.map((s) => s.listedProperties.length));

  const build = await astroBuild({ contentDir, outDir, cacheDir, log });
  result.buildMs = build.ms;
  result.phases = build.log;
  const figures = siteFigures(outDir, 'services/aircall/index.html');
  Object.assign(result, figures);
  result.msPerPage = build.ms / figures.htmlPages;
  result.largestFragments = largestFragments(outDir);

  const search = await measureSearch({ distDir: outDir, page: '/services/aircall/', runs: searchRuns, browser, log });
  result.firstSearch = search.firstSearch;
  result.loadAfter = loadavg()[0];

  if (phases) {
    log(`scale: Pagefind phases at ${label}`);
    result.pagefindPhases = await pagefindPhases({ distDir: outDir, contentDir: contentDir ?? join(root, 'content'), outputPath: join(work, `pagefind-${label}`) });
  }
  if (profile) {
    const profDir = join(work, `profile-${label}`);
    mkdirSync(profDir, { recursive: true });
    log(`scale: CPU profile of a second build at ${label}`);
    const profiled = await astroBuild({ contentDir, outDir: join(work, `dist-${label}-prof`), cacheDir: join(work, `cache-${label}-prof`), cpuProfileDir: profDir, log });
    result.profile = { buildMs: profiled.ms, ...summarizeProfile(largestProfile(profDir), { top: 12 }) };
    rmSync(join(work, `dist-${label}-prof`), { recursive: true, force: true });
  }
  if (!keep) {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
    if (contentDir) rmSync(contentDir, { recursive: true, force: true });
  }
  return result;
}

/**
 * @param {{ sizes?: number[], quick?: boolean, keep?: boolean, profile?: boolean, log?: (s: string) => void }} options
 */
export async function runScale({ sizes = defaultSizes, quick = false, keep = false, profile = false, log = () => {} } = {}) {
  const base = join(root, 'node_modules', '.cache', 'connector-bench');
  // Folders of earlier runs that were killed (their process is gone) are hundreds of MB each: remove them.
  for (const name of existsSync(base) ? readdirSync(base) : []) {
    const pid = Number(name.match(/^scale-(\d+)$/)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch {
      rmSync(join(base, name), { recursive: true, force: true });
    }
  }
  const work = join(base, `scale-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // The engine and the catalog loader from their TypeScript sources, run by Node's type stripping.
  const [engine, catalogMod] = await Promise.all([import('../../src/lib/connstr/index.ts'), import('../../src/lib/providers/load.ts')]);
  const browser = await launchBrowser();
  const searchRuns = quick ? 1 : 2;
  const rows = [];
  try {
    log('scale: real site build (content/)');
    rows.push(await oneSize({ label: 'real', synthetic: null, work, engine, catalogMod, browser, searchRuns, profile: false, phases: false, keep, log }));
    for (const [i, n] of sizes.entries()) {
      log(`scale: ${n} synthetic services`);
      rows.push(await oneSize({ label: String(n), synthetic: n, work, engine, catalogMod, browser, searchRuns, profile: profile && i === sizes.length - 1, phases: profile, keep, log }));
    }
  } finally {
    await browser.close();
    if (!keep) rmSync(work, { recursive: true, force: true });
  }

  // Growth between consecutive synthetic sizes, as exponents of the service count.
  const metrics = {
    build: (r) => r.buildMs,
    'page rendering': (r) => r.phases.generateMs,
    'Pagefind indexing': (r) => r.phases.pagefindMs,
    'dist size': (r) => r.dist.bytes,
    'HTML total': (r) => r.htmlBytes,
    'service page HTML': (r) => r.servicePage.bytes,
    'service page render (median)': (r) => r.phases.servicePage.medianMs,
    'reference page render': (r) => r.phases.singlePages['/reference/index.html'],
    'index size': (r) => r.index.bytes,
    'first search bytes': (r) => r.firstSearch.wireBytes,
    'first search time': (r) => r.firstSearch.totalMs,
  };
  const synthetic = rows.filter((r) => r.synthetic !== null);
  const growth = [];
  for (let i = 1; i < synthetic.length; i++) {
    const a = synthetic[i - 1];
    const b = synthetic[i];
    growth.push({
      from: a.services,
      to: b.services,
      exponents: Object.fromEntries(Object.entries(metrics).map(([k, f]) => [k, growthExponent(a.services, f(a), b.services, f(b))])),
      ratios: Object.fromEntries(Object.entries(metrics).map(([k, f]) => [k, f(a) ? f(b) / f(a) : null])),
    });
  }
  return { sizes, work: keep ? work : undefined, rows, growth, findings: findings(synthetic) };
}

/** Plain statements of what grows faster than the service count, derived from the figures. */
function findings(rows) {
  if (rows.length < 2) return [];
  const first = rows[0];
  const last = rows[rows.length - 1];
  const out = [];
  // Every page but the wide ones (home, 404) has the sidebar; if it grew with the catalog, all HTML would grow with services².
  const share = (r) => (100 * r.servicePage.sidebarBytes * Math.max(0, r.htmlPages - 2)) / r.htmlBytes;
  const html = growthExponent(first.services, first.htmlBytes, last.services, last.htmlBytes);
  const sidebar = growthExponent(first.services, first.servicePage.sidebarBytes, last.services, last.servicePage.sidebarBytes) ?? 0;
  out.push(
    `Sidebar: ${kb(first.servicePage.sidebarBytes)} per page at ${first.services} services, ${kb(last.servicePage.sidebarBytes)} at ${last.services} ` +
      `(exponent ${sidebar.toFixed(2)}; ${share(first).toFixed(0)}% → ${share(last).toFixed(0)}% of all HTML); total HTML ${size(first.htmlBytes)} → ${size(last.htmlBytes)} ` +
      `(exponent ${html?.toFixed(2)}). ${sidebar > 0.5 ? 'The sidebar grows with the catalog, so total HTML tends to grow with services².' : 'The sidebar stays the same size, so total HTML grows linearly.'}`,
  );
  // The last step is where a super-linear term shows; the first sizes are dominated by fixed costs.
  const prev = rows[rows.length - 2];
  const step = (f) => growthExponent(prev.services, f(prev), last.services, f(last));
  const indexing = step((r) => r.phases.pagefindMs) ?? 0;
  const input = step((r) => r.htmlBytes) ?? 0;
  out.push(
    `Pagefind indexing ${ms(prev.phases.pagefindMs)} → ${ms(last.phases.pagefindMs)} from ${prev.services} to ${last.services} services (exponent ${indexing.toFixed(2)}; ` +
      `HTML input exponent ${input.toFixed(2)}; ${last.phases.pagefindRecords} custom records): ` +
      `${indexing > input + 0.15 ? 'faster than its input grows; run with --profile for the phase split.' : 'in step with its input.'}`,
  );
  // Parts of a first search that grow with the catalog: the metadata (a few bytes per indexed page or record,
  // loaded whole), the index chunks of the words typed, the fragments of the results shown.
  const part = (r, k) => r.firstSearch.byKind[k]?.wire ?? 0;
  const growing = (r) => ['meta', 'index', 'fragments', 'filters'].reduce((n, k) => n + part(r, k), 0);
  const bytes = growthExponent(first.services, first.firstSearch.wireBytes, last.services, last.firstSearch.wireBytes) ?? 0;
  out.push(
    `First search: ${kb(first.firstSearch.wireBytes)} at ${first.services} services, ${kb(last.firstSearch.wireBytes)} at ${last.services} (exponent ${bytes.toFixed(2)}): ` +
      `metadata ${kb(part(first, 'meta'))} → ${kb(part(last, 'meta'))}, index ${kb(part(first, 'index'))} → ${kb(part(last, 'index'))}, fragments ${kb(part(first, 'fragments'))} → ${kb(part(last, 'fragments'))}` +
      `${part(last, 'filters') ? `, filters ${kb(part(last, 'filters'))}` : ''} (≈${((growing(last) - growing(first)) / (last.services - first.services)).toFixed(0)} bytes per service); ` +
      `the dialog and engine stay ≈${kb(part(last, 'ui') + part(last, 'engine'))}.`,
  );
  out.push(
    `Reference page render ${ms(prev.phases.singlePages['/reference/index.html'])} → ${ms(last.phases.singlePages['/reference/index.html'])} (exponent ${step((r) => r.phases.singlePages['/reference/index.html'])?.toFixed(2)}) ` +
      `for ${kb(prev.referencePage.bytes)} → ${kb(last.referencePage.bytes)} of HTML (exponent ${step((r) => r.referencePage.bytes)?.toFixed(2)}): a single page, ${((100 * (last.phases.singlePages['/reference/index.html'] ?? 0)) / last.buildMs).toFixed(1)}% of the build at ${last.services} (render times are noisy on a shared machine).`,
  );
  const sp = last.phases.servicePage.medianMs / Math.max(1, first.phases.servicePage.medianMs);
  out.push(`Rendering one service page: median ${first.phases.servicePage.medianMs} ms at ${first.services} services, ${last.phases.servicePage.medianMs} ms at ${last.services} (×${sp.toFixed(2)}); a per-page rebuild of the catalog would multiply this by the catalog load time.`);
  return out;
}

const exp = (x) => (x == null ? '–' : x.toFixed(2));

export function printScale(r) {
  table(
    'Scale: build (astro build + Pagefind) per catalog size',
    ['services', 'pages', 'build', 'per page', 'vite', 'render', 'Pagefind', 'records', 'svc page med', 'reference', 'catalog load', 'load avg'],
    r.rows.map((x) => [
      x.synthetic === null ? `real ${x.services}` : `${x.services}`,
      x.htmlPages,
      ms(x.buildMs),
      ms(x.msPerPage),
      ms(x.phases.viteMs),
      ms(x.phases.generateMs),
      ms(x.phases.pagefindMs),
      x.phases.pagefindRecords,
      ms(x.phases.servicePage.medianMs),
      ms(x.phases.singlePages['/reference/index.html']),
      ms(x.catalogLoadMs),
      `${x.loadBefore.toFixed(1)}/${x.loadAfter.toFixed(1)}`,
    ]),
  );
  table(
    'Scale: output sizes',
    ['services', 'dist', 'files', 'HTML total', 'service page', 'sidebar', 'page gz', 'reference gz', 'home gz', 'builder/data', 'index', 'fragments'],
    r.rows.map((x) => [
      x.synthetic === null ? `real ${x.services}` : `${x.services}`,
      size(x.dist.bytes),
      x.dist.files,
      size(x.htmlBytes),
      kb(x.servicePage.bytes),
      kb(x.servicePage.sidebarBytes),
      kb(x.servicePage.gzip),
      kb(x.referencePage.gzip),
      kb(x.homePage.gzip),
      size(x.builderData.bytes),
      size(x.index.bytes),
      x.index.fragments,
    ]),
  );
  const gz = (f) => `${kb(f.bytes)} / ${kb(f.gzip)}`;
  table(
    'Scale: issue 18 figures (raw / gzip; budgets: reference pages < 150 kB gzip, a typical service file < 3 kB gzip, service page JS at load ≤ 15 kB, first search ≤ 100 kB)',
    ['services', 'reference index', 'reference.md', 'property pages', 'median page', 'largest page', 'largest .md', 'catalog.json', 'service files', 'median file', 'largest file', 'svc JS at load', 'first search', 'build'],
    r.rows.map((x) => [
      x.synthetic === null ? `real ${x.services}` : `${x.services}`,
      gz(x.referencePage),
      gz(x.referenceMarkdown),
      x.referencePages.count,
      gz(x.referencePages.median),
      `${gz(x.referencePages.largest)} ${x.referencePages.largest.file?.replace(/^reference\/|\/index\.html$/g, '') ?? ''}`,
      gz(x.referencePagesMarkdown.largest),
      gz(x.catalogIndex),
      x.catalogServices.count,
      gz(x.catalogServices.median),
      gz(x.catalogServices.largest),
      kb(x.servicePage.jsAtLoadGzip),
      kb(x.firstSearch.wireBytes),
      ms(x.buildMs),
    ]),
  );
  table(
    'Scale: first search in Chromium ("OAuthClientSecret" from /services/aircall/, cold)',
    ['services', 'requests', 'sent (gzip)', 'index+fragments+filters', 'Ctrl+K → results', 'results', 'largest fragment'],
    r.rows.map((x) => {
      const f = x.firstSearch;
      const data = ['meta', 'index', 'fragments', 'filters'].reduce((n, k) => n + (f.byKind[k]?.wire ?? 0), 0);
      return [x.synthetic === null ? `real ${x.services}` : `${x.services}`, f.requests, kb(f.wireBytes), kb(data), ms(f.totalMs), f.results, x.largestFragments[0] ? `${kb(x.largestFragments[0].bytes)} ${x.largestFragments[0].url ?? ''}` : '–'];
    }),
  );
  if (r.growth.length) {
    const keys = Object.keys(r.growth[0].exponents);
    table(
      'Scale: growth exponent between sizes (1 = linear, 2 = quadratic, <1 = fixed cost dominates)',
      ['metric', ...r.growth.map((g) => `${g.from}→${g.to}`), ...r.growth.map((g) => `ratio ${g.from}→${g.to}`)],
      keys.map((k) => [k, ...r.growth.map((g) => exp(g.exponents[k])), ...r.growth.map((g) => (g.ratios[k] == null ? '–' : `${g.ratios[k].toFixed(2)}x`))]),
    );
    note(`  service count ratios: ${r.growth.map((g) => `${g.from}→${g.to} = ${(g.to / g.from).toFixed(2)}x`).join(', ')}`);
  }
  const phased = r.rows.filter((row) => row.pagefindPhases);
  if (phased.length) {
    const keys = [['catalogMs', 'catalog load'], ['addDirectoryMs', 'addDirectory (pages)'], ['addRecordsMs', 'build and add records'], ['writeFilesMs', 'writeFiles']];
    table(
      'Scale: Pagefind step replayed phase by phase (--profile)',
      ['phase', ...phased.map((x) => `${x.services} svc`), ...phased.slice(1).map((x, i) => `exp ${phased[i].services}→${x.services}`)],
      [
        ['HTML input', ...phased.map((x) => size(x.htmlBytes)), ...phased.slice(1).map((x, i) => exp(growthExponent(phased[i].services, phased[i].htmlBytes, x.services, x.htmlBytes)))],
        ['records', ...phased.map((x) => x.pagefindPhases.records), ...phased.slice(1).map((x, i) => exp(growthExponent(phased[i].services, phased[i].pagefindPhases.records, x.services, x.pagefindPhases.records)))],
        ...keys.map(([k, name]) => [name, ...phased.map((x) => ms(x.pagefindPhases[k])), ...phased.slice(1).map((x, i) => exp(growthExponent(phased[i].services, phased[i].pagefindPhases[k], x.services, x.pagefindPhases[k])))]),
      ],
    );
  }
  for (const x of r.rows.filter((row) => row.profile)) {
    table(`Scale: CPU profile of the build at ${x.services} services (main process, self time)`, ['function', 'where', 'self', '%'], x.profile.top.map((t) => [t.fn, t.where, ms(t.selfMs), t.selfPct.toFixed(1)]));
    table(`Scale: project code in that profile (inclusive time)`, ['function', 'where', 'total', '%'], x.profile.project.map((t) => [t.fn, t.where, ms(t.totalMs), t.totalPct.toFixed(1)]));
  }
  if (r.findings.length) {
    note('  Findings:');
    for (const f of r.findings) note(`   - ${f}`);
  }
  note('  Meaning: each size = N synthetic services + the real ones, built from scratch (fresh cache) into a scratch folder;');
  note('  build = wall time of astro build including Pagefind; per page = build ÷ HTML pages; vite/render/Pagefind = phases from');
  note(`  Astro's log; svc page med = median render of one service page; load avg = 1-min load before/after (${cpus().length} cores; other work`);
  note('  on the machine shows up here); sidebar = bytes of the nav on one service page; exponents compare consecutive sizes.');
}
