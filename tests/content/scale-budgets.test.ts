/**
 * The budgets that grow with the catalog, held at the family's size without a build: 800 synthetic services drawn
 * from the real shapes (tests/bench/lib/synthetic.mjs, the scale bench's generator) beside the real ones. The
 * reference's index and every property page keep their Markdown within what afdocs passes, and the catalog's index
 * and the median service file stay within their gzip budgets. (The built HTML at this size is the bench's to print:
 * `npm run bench -- --only scale`.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as engine from '../../src/lib/connstr/index.ts';
import { loadCatalog } from '../../src/lib/providers/load.ts';
import type { Catalog } from '../../src/lib/providers/catalog.ts';
import { publicCatalog, publicServiceFile } from '../../src/lib/providers/public.ts';
import { referenceMarkdown, referencePageMarkdown } from '../../src/lib/site/markdown.ts';
import { referencePages } from '../../src/lib/site/reference.ts';
import { writeContent } from '../bench/lib/synthetic.mjs';
import { budgets, KB } from '../support/budgets.ts';

const synthetic = 800;
const dir = mkdtempSync(join(tmpdir(), 'connector-scale-'));
let catalog: Catalog;
const gzip = (text: string) => gzipSync(text, { level: 9 }).length;
// Absolute URLs, as a deployed build writes them: the longest Markdown a page gets.
const url = (path: string) => `https://docs.example.com${path}`;

beforeAll(() => {
  writeContent(dir, synthetic, engine);
  catalog = loadCatalog(dir);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the synthetic services carry the family’s shapes', () => {
  const services = catalog.services.slice();
  const count = (test: (s: (typeof services)[number]) => boolean) => services.filter(test).length;
  expect(services.length).toBeGreaterThan(synthetic);
  expect(count((s) => s.authMethods.some((m) => m.impliedWhenSet.length > 0))).toBeGreaterThan(50);
  expect(count((s) => s.authMethods.some((m) => m.authSchemes.includes('APIKEY') && m.pitfalls.some((p) => p.rejectedPrefix)))).toBeGreaterThan(50);
  expect(count((s) => s.examples.some((e) => /^Profile=[^;\\]+\.apip;/.test(e.connectionString)))).toBeGreaterThan(50);
  expect(count((s) => s.properties.some((p) => p.name === 'Password' && p.placement === 'profileSettings'))).toBeGreaterThan(20);
  expect(count((s) => s.authMethods.some((m) => m.requires.some((r) => r.property === 'UseSandbox' && r.value === 'false')))).toBeGreaterThan(50);
  expect(count((s) => s.properties.some((p) => p.origin === 'service' && p.sensitive))).toBeGreaterThan(50);
  expect(count((s) => s.properties.some((p) => p.origin === 'service' && p.default !== undefined && p.allowedValues))).toBeGreaterThan(50);
});

test('at 800 synthetic services every reference page’s Markdown stays within the afdocs budget', () => {
  const index = referenceMarkdown(catalog, url);
  const pages = referencePages(catalog).map((page) => ({ name: page.name, chars: referencePageMarkdown(page, catalog, url).length })).sort((a, b) => b.chars - a.chars);
  console.log(`reference at ${catalog.services.length} services: index ${index.length} chars (${(gzip(index) / KB).toFixed(1)} kB gzip); ${pages.length} property pages, largest ${pages[0]!.name} ${pages[0]!.chars} chars`);
  expect(index.length).toBeLessThanOrEqual(budgets.markdownChars);
  expect(pages[0]!.chars).toBeLessThanOrEqual(budgets.markdownChars);
});

test('at 800 synthetic services the catalog index and a typical service file stay within their gzip budgets', () => {
  const urls = { index: url('/catalog.json'), indexSchema: url('/catalog.schema.json'), serviceSchema: url('/catalog-service.schema.json'), service: (id: string) => url(`/catalog/${id}.json`) };
  const index = gzip(JSON.stringify(publicCatalog(catalog, urls)));
  const files = catalog.services.map((s) => gzip(JSON.stringify(publicServiceFile(s, catalog.properties, urls)))).sort((a, b) => a - b);
  const median = files[files.length >> 1]!;
  console.log(`catalog at ${catalog.services.length} services: index ${(index / KB).toFixed(1)} kB gzip; service files median ${(median / KB).toFixed(2)} kB, largest ${(files.at(-1)! / KB).toFixed(2)} kB gzip`);
  expect(index).toBeLessThanOrEqual(budgets.catalogIndex);
  expect(median).toBeLessThanOrEqual(budgets.catalogServiceMedian);
  expect(files.at(-1)!).toBeLessThanOrEqual(budgets.catalogServiceLargest);
});
