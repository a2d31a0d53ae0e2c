/**
 * Size budgets on the built site (gzip). Starlight's CI holds all JS under 27 kB and CSS under 16.75 kB;
 * ours are tighter where the page has no builder, and a service page loads no builder code until the reader
 * starts the builder (client:engage). JS "at load" follows every script the page loads before any interaction
 * (tests/support/assets.ts; tests/e2e/page-weight.test.ts checks the same in Chromium). `npm run bench`
 * prints the figures too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assertBuilt, distDir, htmlFiles } from '../support/dist';
import { pageCost, type PageCost } from '../support/assets';
import { budgets, KB } from '../support/budgets.ts';

beforeAll(assertBuilt);


const measured: PageCost[] = [];
const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} kB`;
afterAll(() => {
  console.log(
    ['page                                   JS at load   JS started   HTML gz', ...measured.map((c) => `${c.page.padEnd(38)} ${kb(c.jsGzip).padStart(10)} ${kb(c.jsStartedGzip).padStart(12)} ${kb(c.htmlGzip).padStart(9)}`)].join('\n'),
  );
});

describe.each(htmlFiles())('%s', (page) => {
  test('stays within its size budget', () => {
    const cost = pageCost(page);
    measured.push(cost);
    expect(cost.cssGzip, 'CSS gzip').toBeLessThanOrEqual(budgets.css);
    const atLoad = page === 'index.html' ? budgets.homeJs : page.startsWith('services/') ? budgets.servicePageJsAtLoad : cost.islands > 0 ? budgets.builderStartedJs : budgets.plainPageJs;
    expect(cost.jsGzip, `JS gzip at load (${cost.js.join(', ')})`).toBeLessThanOrEqual(atLoad);
    if (cost.islands > 0) expect(cost.jsStartedGzip, `JS gzip once the builder started (+ ${cost.deferredJs.join(', ')})`).toBeLessThanOrEqual(budgets.builderStartedJs);
    const htmlBudget = page.startsWith('reference/') ? budgets.referenceHtml : budgets.serviceHtml;
    expect(cost.htmlGzip, 'HTML gzip').toBeLessThanOrEqual(htmlBudget);
  });
});

test('a page without the builder ships no JS beyond the site script', () => {
  const cost = pageCost('reference/index.html');
  expect(cost.islands).toBe(0);
  expect(cost.js).toHaveLength(1);
  expect(cost.jsGzip).toBeGreaterThan(200); // the site script is really counted
});

test('a service page loads no builder module until the builder starts, and the deferred modules are counted', () => {
  const cost = pageCost('services/intercom/index.html');
  expect(cost.deferredIslands).toBe(1);
  expect(cost.js.filter((url) => /ConnectionStringBuilder|preact/i.test(url))).toEqual([]);
  expect(cost.deferredJs.some((url) => url.includes('ConnectionStringBuilder'))).toBe(true);
  expect(cost.jsStartedGzip - cost.jsGzip).toBeGreaterThan(10 * KB); // the island, Preact and the engine
});

test('the checker worker (the engine, loaded when Validate opens) stays within its budget and no page loads it up front', () => {
  const workers = readdirSync(join(distDir, '_astro')).filter((name) => /^checker\.worker.*\.js$/.test(name));
  expect(workers).toHaveLength(1);
  const size = gzipSync(readFileSync(join(distDir, '_astro', workers[0]!)), { level: 9 }).length;
  console.log(`checker worker: ${kb(size)} gzip`);
  expect(size).toBeGreaterThan(10 * KB); // the engine really is in it
  expect(size).toBeLessThanOrEqual(budgets.checkerWorkerJs);
  for (const page of htmlFiles()) {
    const cost = pageCost(page);
    expect([...cost.js, ...cost.deferredJs].filter((url) => url.includes('checker.worker')), page).toEqual([]);
  }
});
