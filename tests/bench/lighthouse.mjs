/**
 * Lighthouse figures (a figure, not a test): runs Lighthouse 13 with its default (mobile) settings against
 * a local static server of a built site, on the home page, one service page and the builder, and returns
 * every category score plus the audits that cost points.
 *
 *   node tests/bench/lighthouse.mjs [distDir] [--pages /,/services/intercom/,/builder/]
 *
 * Chromium: the browser tests' own (CHROMIUM_PATH, /usr/bin/chromium, or @sparticuz/chromium; see lib/browser.mjs).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BASE_ARGS, findChromium } from './lib/browser.mjs';
import { serveStatic } from './lib/server.mjs';
import { table } from './lib/format.mjs';

export const defaultPages = ['/', '/services/intercom/', '/builder/'];

/** Audits that count for a category and scored below 1 (informative, manual and not-applicable ones left out). */
function failedAudits(lhr) {
  const failed = new Map();
  for (const [categoryId, category] of Object.entries(lhr.categories)) {
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 1) continue;
      if (['notApplicable', 'informative', 'manual', 'error'].includes(audit.scoreDisplayMode)) continue;
      // Metrics count too: a weighted metric below 1 (CLS on the builder) is what costs the points.
      const entry = failed.get(audit.id) ?? {
        id: audit.id,
        title: audit.title,
        score: audit.score,
        displayValue: audit.displayValue,
        categories: [],
        weight: 0,
        weights: {},
        items: auditItems(lhr, audit),
      };
      entry.categories.push(categoryId);
      entry.weight += ref.weight;
      entry.weights[categoryId] = ref.weight;
      failed.set(audit.id, entry);
    }
  }
  return [...failed.values()].sort((a, b) => b.weight - a.weight || a.score - b.score);
}

/** A metric has no items of its own; its diagnostic audit names the culprits. */
const culpritAudit = { 'cumulative-layout-shift': 'layout-shifts', 'largest-contentful-paint': 'largest-contentful-paint-element', 'total-blocking-time': 'long-tasks' };

function auditItems(lhr, audit) {
  const source = lhr.audits[culpritAudit[audit.id]] ?? audit;
  const items = source.details?.items ?? [];
  return items.slice(0, 5).map((item) => {
    const text = describeItem(item);
    const score = typeof item.score === 'number' ? ` (shift ${item.score.toFixed(3)})` : '';
    return text && text + score;
  }).filter(Boolean);
}

function describeItem(item) {
  const node = item.node ?? item.subItems?.items?.[0]?.node;
  if (node?.snippet) return `${node.selector ?? ''} ${node.snippet}`.trim().slice(0, 160);
  if (item.url) return String(item.url).slice(0, 160);
  if (item.source?.url) return String(item.source.url).slice(0, 160);
  if (item.description) return String(item.description).slice(0, 160);
  return undefined;
}

const metricIds = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

/**
 * @param {{ distDir: string, pages?: string[], log?: (s: string) => void }} options
 */
export async function runLighthouse({ distDir, pages = defaultPages, log = () => {} }) {
  if (!existsSync(join(distDir, 'index.html'))) throw new Error(`${distDir} has no index.html; build the site first`);
  const [{ default: lighthouse }, chromeLauncher] = await Promise.all([import('lighthouse'), import('chrome-launcher')]);
  const chromium = await findChromium();
  const server = await serveStatic(distDir);
  const results = [];
  try {
    for (const page of pages) {
      const url = new URL(page.replace(/^\//, ''), server.url).href;
      // A fresh browser and profile per page, so no page warms the cache of the next.
      const userDataDir = mkdtempSync(join(tmpdir(), 'bench-lh-'));
      const chrome = await chromeLauncher.launch({
        chromePath: chromium.executablePath,
        // The plain flags only (not @sparticuz's extras), so the browser is as close to a user's as it can be.
        chromeFlags: ['--headless=new', '--disable-dev-shm-usage', ...BASE_ARGS],
        userDataDir,
        logLevel: 'silent',
      });
      try {
        log(`lighthouse ${url}`);
        const started = performance.now();
        const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
        const lhr = result.lhr;
        const scores = Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, c.score === null ? null : Math.round(c.score * 100)]));
        const metrics = Object.fromEntries(metricIds.map((id) => [id, lhr.audits[id]?.displayValue ?? null]));
        results.push({
          page,
          scores,
          metrics,
          failed: failedAudits(lhr),
          runtimeError: lhr.runtimeError?.message,
          warnings: lhr.runWarnings,
          ms: Math.round(performance.now() - started),
        });
      } finally {
        await chrome.kill();
        rmSync(userDataDir, { recursive: true, force: true });
      }
    }
  } finally {
    await server.close();
  }
  return { lighthouseVersion: (await import('lighthouse/package.json', { with: { type: 'json' } }).catch(() => ({ default: {} }))).default.version, chromium: chromium.source, formFactor: 'mobile (default config)', pages: results };
}

/** Prints the scores table, the metrics table and the failing audits. */
export function printLighthouse(report) {
  const categories = [...new Set(report.pages.flatMap((p) => Object.keys(p.scores)))];
  table(
    `Lighthouse ${report.lighthouseVersion ?? ''} (mobile, ${report.chromium})`,
    ['page', ...categories],
    report.pages.map((p) => [p.page, ...categories.map((c) => p.scores[c])]),
  );
  table(
    'Lighthouse metrics (simulated mobile)',
    ['page', 'FCP', 'LCP', 'TBT', 'CLS', 'SI'],
    report.pages.map((p) => [p.page, ...metricIds.map((id) => p.metrics[id])]),
  );
  for (const p of report.pages) {
    if (p.runtimeError) console.log(`  ${p.page}: runtime error: ${p.runtimeError}`);
    for (const w of p.warnings ?? []) console.log(`  ${p.page}: warning: ${w}`);
    const failed = p.failed;
    if (failed.length === 0) {
      console.log(`  ${p.page}: every scored audit passed`);
      continue;
    }
    const weighted = failed.filter((f) => f.weight > 0);
    console.log(`  ${p.page}: ${weighted.length ? 'audits that lost points' : 'no weighted audit lost points'}`);
    for (const a of weighted) {
      console.log(`    - [${a.categories.join(',')}] ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''} score ${a.score}, weight ${Object.entries(a.weights).filter(([, w]) => w > 0).map(([c, w]) => `${w} in ${c}`).join(', ')}`);
      for (const item of a.items) console.log(`        ${item}`);
    }
    const unweighted = failed.filter((f) => f.weight === 0);
    if (unweighted.length) console.log(`    unweighted (no effect on the score): ${unweighted.map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`).join('; ')}`);
  }
  console.log('  Meaning: Lighthouse category scores 0–100 with its default mobile settings (Moto G Power viewport, simulated slow 4G');
  console.log('  and 4× CPU slowdown), one cold run per page against a local server; metrics are the simulated values behind the');
  console.log('  performance score. "Lost points" lists weighted audits below 1 with up to five culprits each.');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const pagesAt = args.indexOf('--pages');
  const pages = pagesAt >= 0 ? args[pagesAt + 1].split(',') : defaultPages;
  const distDir = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--pages') ?? 'dist');
  const report = await runLighthouse({ distDir, pages, log: (s) => console.error(s) });
  printLighthouse(report);
}
