/**
 * Size budgets on the built site (gzip). Starlight's CI holds all JS under 27 kB and CSS under 16.75 kB;
 * ours are tighter where the page has no builder, and a service page loads no builder code until the reader
 * starts the builder (client:engage). JS "at load" follows every script the page loads before any interaction
 * (tests/support/assets.ts; tests/e2e/page-weight.test.ts checks the same in Chromium). `npm run bench`
 * prints the figures too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** Every file under a folder of dist/, relative to dist/, that ends with `suffix`. */
function distFiles(folder: string, suffix: string): string[] {
  const dir = join(distDir, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(suffix)).map((f) => `${folder}/${f}`);
}

test('every Markdown twin stays within the characters afdocs passes, the reference split a page per property', () => {
  const twins = [...readdirSync(distDir).filter((f) => f.endsWith('.md')), ...distFiles('services', '.md'), ...distFiles('reference', '.md'), ...distFiles('guides', '.md')];
  const lengths = twins.map((file) => ({ file, chars: readFileSync(join(distDir, file), 'utf8').length })).sort((a, b) => b.chars - a.chars);
  console.log(`Markdown twins: ${lengths.length}, largest ${lengths.slice(0, 3).map((l) => `${l.file} ${l.chars} chars`).join(', ')}`);
  expect(lengths.filter((l) => l.file.startsWith('reference/')).length).toBeGreaterThan(50); // a page per property
  for (const { file, chars } of lengths) expect(chars, file).toBeLessThanOrEqual(budgets.markdownChars);
});

test('the catalog: an index and a small file per service, within their budgets', () => {
  const index = gzipSync(readFileSync(join(distDir, 'catalog.json')), { level: 9 }).length;
  const files = distFiles('catalog', '.json').map((file) => ({ file, gzip: gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length })).sort((a, b) => a.gzip - b.gzip);
  const median = files[files.length >> 1]!;
  const largest = files.at(-1)!;
  console.log(`catalog.json ${kb(index)} gzip; ${files.length} service files, median ${kb(median.gzip)} (${median.file}), largest ${kb(largest.gzip)} (${largest.file})`);
  expect(files.length).toBe(JSON.parse(readFileSync(join(distDir, 'catalog.json'), 'utf8')).services.length);
  expect(index).toBeLessThanOrEqual(budgets.catalogIndex);
  expect(median.gzip).toBeLessThanOrEqual(budgets.catalogServiceMedian);
  expect(largest.gzip).toBeLessThanOrEqual(budgets.catalogServiceLargest);
});
