/**
 * What pages really download in Chromium, before and after the reader touches the builder: every script the
 * browser fetched (from Resource Timing, so dynamic imports count), each gzipped -9 from dist/ as a CDN would
 * serve it, plus the page's inline scripts. A service page loads no builder code and no builder data until the
 * builder is used (client:engage); then the island, Preact, the form's part of the engine and the shared common.json
 * arrive once, and the checker worker (the rest of the engine) when the Validate tab opens.
 * The static budget (tests/site/budgets.test.ts) reads the same from the HTML; this checks it in a browser.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { distDir } from '../support/dist.ts';
import { useSite } from './support/site.ts';
import { budgets } from '../support/budgets.ts';
import seedFacts from '../fixtures/seeds/facts.json' with { type: 'json' };

const site = useSite();
const KB = 1024;
const gzip = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

/** Same-origin URLs the page has fetched so far, once the network has been quiet for 300 ms. */
async function fetched(page: Page): Promise<string[]> {
  const list = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  let before = await list();
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(300);
    const now = await list();
    if (now.length === before.length) break;
    before = now;
  }
  const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
  return before
    .map((url) => new URL(url))
    .filter((url) => url.origin === site.origin)
    .map((url) => (url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname.replace(/^\//, '')));
}

/** gzip -9 of each fetched file of a kind, summed (one response each). */
function bytes(paths: string[], ext: string): number {
  return paths.filter((p) => p.endsWith(ext)).reduce((n, p) => {
    const file = join(distDir, p);
    if (!existsSync(file)) throw new Error(`the page fetched ${p}, which is not in dist/`);
    return n + gzip(readFileSync(file));
  }, 0);
}

const inlineScripts = (page: Page) => page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join('\n'));

type Row = { page: string; viewport: string; atLoad: number; started?: number; data?: number; checker?: number };
const rows: Row[] = [];
afterAll(() => {
  const kb = (n?: number) => (n === undefined ? '–' : `${(n / KB).toFixed(2)} kB`);
  console.log(
    [
      'page (Chromium)              viewport   JS at load   JS started   data started   checker (Validate)',
      ...rows.map((r) => `${r.page.padEnd(28)} ${r.viewport.padEnd(9)} ${kb(r.atLoad).padStart(11)} ${kb(r.started).padStart(12)} ${kb(r.data).padStart(14)} ${kb(r.checker).padStart(20)}`),
    ].join('\n'),
  );
});

const viewports = { desktop: { width: 1280, height: 900 }, phone: { width: 412, height: 823 } };
const services = Object.keys(seedFacts).sort().map((id) => `/services/${id}/`);
const cases = ['/', ...services, '/builder/'].flatMap((path) => Object.entries(viewports).map(([name, viewport]) => [path, name, viewport] as const));

describe('JavaScript a page downloads, before and after the builder starts', () => {
  test.each(cases)('%s on a %s', async (path, viewportName, viewport) => {
    const opened = await site.open(path, { viewport });
    try {
      const { page } = opened;
      await page.waitForLoadState('load');
      const inline = gzip(await inlineScripts(page));
      const loaded = await fetched(page);
      const row: Row = { page: path, viewport: viewportName, atLoad: bytes(loaded, '.js') + inline };
      rows.push(row);
      const hasBuilder = (await page.locator('astro-island').count()) > 0;

      if (path === '/') expect(row.atLoad).toBeLessThanOrEqual(budgets.homeJs);
      if (path.startsWith('/services/')) {
        // Opened at the top, the builder is below the fold: none of its code or data is fetched.
        // (Its stylesheet is linked in the head: the server render needs it to reserve the form's room.)
        expect(loaded.filter((p) => /\.(js|json)$/.test(p) && /ConnectionStringBuilder|preact|builder\/data\//i.test(p))).toEqual([]);
        expect(await page.locator('astro-island[ssr]').count(), 'the builder has not started').toBe(1);
        expect(row.atLoad).toBeLessThanOrEqual(budgets.servicePageJsAtLoad);
      }
      if (!hasBuilder) return;

      // The first interaction: a click on the Build tab (already selected, so it only starts the island).
      await page.getByRole('tab', { name: 'Build' }).click();
      await page.locator('.builder-methods').waitFor();
      const after = await fetched(page);
      row.started = bytes(after, '.js') + inline;
      row.data = bytes(after, '.json');
      expect(after.filter((p) => p === 'builder/data/common.json'), 'the shared data, fetched once').toHaveLength(1);
      expect(after.some((p) => p.includes('ConnectionStringBuilder'))).toBe(true);
      expect(row.started).toBeLessThanOrEqual(budgets.builderStartedJs);
      // The engine is not on the page yet: its worker loads when the Validate tab opens.
      const isChecker = (p: string) => /checker\.worker/.test(p);
      expect(after.filter(isChecker), 'the checker, before Validate opens').toEqual([]);
      await page.getByRole('tab', { name: 'Validate' }).click();
      await expect.poll(async () => (await fetched(page)).some(isChecker), { timeout: 15_000 }).toBe(true);
      const withChecker = await fetched(page);
      row.checker = bytes(withChecker.filter(isChecker), '.js');
      expect(withChecker.filter((p) => p.endsWith('.js') && !after.includes(p)), 'Validate adds the checker alone').toEqual(withChecker.filter(isChecker));
      expect(row.checker).toBeLessThanOrEqual(budgets.checkerWorkerJs);
      expect(opened.faults()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
