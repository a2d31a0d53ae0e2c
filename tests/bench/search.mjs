/**
 * Search cost (issue 5): the Pagefind index on disk, and what a first search costs a visitor in real Chromium:
 * open a service page, press Ctrl+K (the site loads its search dialog and Pagefind's JS API on first use), type a
 * query, wait for the first result cards, then sum every request made after the key press (bytes as sent, gzip
 * included).
 * Each run uses a fresh browser context, so nothing is cached; the figure is the median of the runs.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { folderSize } from './lib/sizes.mjs';
import { serveStatic } from './lib/server.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { median } from './lib/stats.mjs';
import { kb, ms, note, size, table } from './lib/format.mjs';

const count = (dir) => (existsSync(dir) ? readdirSync(dir).length : 0);
const fileSize = (path) => (existsSync(path) ? statSync(path).size : 0);

/** The Pagefind folder on disk: totals, and the parts a search loads. */
export function indexFigures(distDir) {
  const dir = join(distDir, 'pagefind');
  const files = existsSync(dir) ? readdirSync(dir) : [];
  const sum = (test) => files.filter(test).reduce((n, f) => n + fileSize(join(dir, f)), 0);
  const total = folderSize(dir);
  return {
    bytes: total.bytes,
    files: total.files,
    fragments: count(join(dir, 'fragment')),
    fragmentBytes: folderSize(join(dir, 'fragment')).bytes,
    indexChunks: count(join(dir, 'index')),
    indexBytes: folderSize(join(dir, 'index')).bytes,
    filterFiles: count(join(dir, 'filter')),
    filterBytes: folderSize(join(dir, 'filter')).bytes,
    metaBytes: sum((f) => f.endsWith('.pf_meta')),
    wasmBytes: sum((f) => f.startsWith('wasm.')),
    componentUiBytes: sum((f) => f.startsWith('pagefind-component-ui.')),
  };
}

/** Which part of a search a request belongs to. */
export function kind(path) {
  if (/\/_astro\/search-dialog[.-]/.test(path)) return 'ui';
  if (!path.includes('/pagefind/')) return 'site';
  if (/pagefind-(component-)?ui\./.test(path)) return 'ui';
  if (/\/pagefind\/(pagefind(-worker)?\.js|wasm\.|pagefind-entry\.json)/.test(path)) return 'engine';
  if (path.endsWith('.pf_meta')) return 'meta';
  if (path.includes('/pagefind/index/')) return 'index';
  if (path.includes('/pagefind/fragment/')) return 'fragments';
  if (path.includes('/pagefind/filter/')) return 'filters';
  return 'other';
}

const sleep = (t) => new Promise((done) => setTimeout(done, t));

/** Waits until the server has had no request in flight and no new one for `quietMs`. */
async function networkQuiet(server, quietMs = 500, timeoutMs = 15_000) {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    if (server.pending() === 0 && performance.now() - server.lastActivity() >= quietMs) return;
    await sleep(50);
  }
}

/**
 * One cold first search.
 * @param {import('playwright-core').Browser} browser
 */
async function firstSearch(browser, server, pagePath, query) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(new URL(pagePath.replace(/^\//, ''), server.url).href, { waitUntil: 'load' });
    await networkQuiet(server, 300);
    const mark = server.requests.length;
    const input = page.getByRole('searchbox', { name: 'Search the documentation' });

    const t0 = performance.now();
    await page.keyboard.press('Control+k');
    await input.waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForFunction(() => document.activeElement?.matches?.('dialog.search-dialog input') ?? false, null, { timeout: 30_000 });
    const tOpen = performance.now();
    await page.keyboard.type(query);
    const tTyped = performance.now();
    const summary = new RegExp(`(results? for ${query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|No results for)`, 'i');
    await page.waitForFunction(
      (source) => {
        const text = document.querySelector('dialog.search-dialog [role="status"]')?.textContent ?? '';
        if (!new RegExp(source, 'i').test(text)) return false;
        // The dialog writes the summary once the first cards are in.
        return /^No results/.test(text) || document.querySelector('dialog.search-dialog .search-result-link') !== null;
      },
      summary.source,
      { timeout: 60_000, polling: 10 },
    );
    const tResults = performance.now();
    const summaryText = (await page.locator('dialog.search-dialog [role="status"]').textContent())?.trim() ?? '';
    const topResult = await page.locator('dialog.search-dialog .search-result-link').first().getAttribute('href').catch(() => null);
    await networkQuiet(server);
    const requests = server.requests.slice(mark);
    const byKind = {};
    for (const r of requests) {
      const k = kind(r.path);
      byKind[k] ??= { requests: 0, wire: 0, bytes: 0 };
      byKind[k].requests++;
      byKind[k].wire += r.wire;
      byKind[k].bytes += r.bytes;
    }
    return {
      openMs: tOpen - t0,
      typeMs: tTyped - tOpen,
      resultsMs: tResults - tTyped,
      totalMs: tResults - t0,
      requests: requests.length,
      wireBytes: requests.reduce((n, r) => n + r.wire, 0),
      rawBytes: requests.reduce((n, r) => n + r.bytes, 0),
      byKind,
      results: Number(summaryText.match(/^([\d,]+)/)?.[1]?.replaceAll(',', '') ?? 0),
      summary: summaryText,
      topResult,
      errors,
    };
  } finally {
    await context.close();
  }
}

/**
 * Index figures plus the median of `runs` cold first searches.
 * @param {{ distDir: string, page: string, query?: string, runs?: number, browser?: import('playwright-core').Browser, log?: (s: string) => void }} options
 */
export async function measureSearch({ distDir, page, query = 'OAuthClientSecret', runs = 3, browser, log = () => {} }) {
  const index = indexFigures(distDir);
  const server = await serveStatic(distDir);
  const own = !browser;
  browser ??= await launchBrowser();
  const samples = [];
  try {
    for (let i = 0; i < runs; i++) {
      log(`search: first query "${query}" on ${page} (${i + 1}/${runs})`);
      samples.push(await firstSearch(browser, server, page, query));
    }
  } finally {
    if (own) await browser.close();
    await server.close();
  }
  const pick = (key) => median(samples.map((s) => s[key]));
  // Bytes of the median run by total time, so the breakdown adds up to the bytes shown.
  const typical = [...samples].sort((a, b) => a.totalMs - b.totalMs)[samples.length >> 1];
  return {
    index,
    firstSearch: {
      page,
      query,
      runs,
      openMs: pick('openMs'),
      resultsMs: pick('resultsMs'),
      totalMs: pick('totalMs'),
      requests: typical.requests,
      wireBytes: typical.wireBytes,
      rawBytes: typical.rawBytes,
      byKind: typical.byKind,
      results: typical.results,
      topResult: typical.topResult,
      errors: [...new Set(samples.flatMap((s) => s.errors))],
      samples: samples.map(({ byKind, errors, ...rest }) => rest),
    },
  };
}

export function printSearch(r, { source } = {}) {
  const i = r.index;
  table(`Search: Pagefind index on disk${source ? ` (${source})` : ''}`, ['figure', 'value'], [
    ['pagefind/ total', `${size(i.bytes)} in ${i.files} files`],
    ['fragments (one per page or record)', `${i.fragments} files, ${size(i.fragmentBytes)}`],
    ['index chunks', `${i.indexChunks} files, ${size(i.indexBytes)}`],
    ['filter files', `${i.filterFiles} files, ${size(i.filterBytes)}`],
    ['metadata (pf_meta)', kb(i.metaBytes)],
    ['WebAssembly (all languages)', kb(i.wasmBytes)],
    ['Component UI (JS + CSS, written by Pagefind, not loaded)', kb(i.componentUiBytes)],
  ]);
  const f = r.firstSearch;
  const kinds = ['ui', 'engine', 'meta', 'index', 'filters', 'fragments', 'other', 'site'].filter((k) => f.byKind[k]);
  table(
    `Search: first query "${f.query}" in Chromium from ${f.page} (cold cache, median of ${f.runs})`,
    ['part', 'requests', 'sent (gzip)', 'file bytes'],
    [
      ...kinds.map((k) => [k, f.byKind[k].requests, kb(f.byKind[k].wire), kb(f.byKind[k].bytes)]),
      ['total', f.requests, kb(f.wireBytes), kb(f.rawBytes)],
    ],
  );
  table('Search: first query timing', ['Ctrl+K → input ready', 'typed → first results', 'Ctrl+K → results', 'results', 'top result'], [
    [ms(f.openMs), ms(f.resultsMs), ms(f.totalMs), f.results, f.topResult],
  ]);
  if (f.errors.length) note(`  page errors during search: ${f.errors.join('; ')}`);
  note('  Meaning: bytes = every request after Ctrl+K until the network is idle once results show (ui = the site\'s search dialog');
  note('  module, engine = pagefind.js and WebAssembly (no worker), meta/index/filters/fragments = index files; filters load only');
  note('  when the filters are opened, so a first query shows none); sent = gzip bytes on the wire');
  note('  from the local server; times are wall-clock on this machine with no network latency (loopback), so they are CPU-bound.');
}
