/**
 * What key pages really transfer in Chromium (issue 11), from the bench's static server (gzip as a CDN would
 * send it): the JS and everything else a cold visit fetches before any interaction, then what the first
 * builder interaction adds (a click on its Build tab: the island's JS and the builder data). A fresh context
 * per page, so nothing is cached; the desktop viewport opens each page at its top.
 */
import { serveStatic } from './lib/server.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { kb, note, table } from './lib/format.mjs';

const sleep = (t) => new Promise((done) => setTimeout(done, t));

async function networkQuiet(server, quietMs = 400, timeoutMs = 15_000) {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    if (server.pending() === 0 && performance.now() - server.lastActivity() >= quietMs) return;
    await sleep(50);
  }
}

const sum = (requests, test) => requests.filter((r) => test(r.path)).reduce((n, r) => n + r.wire, 0);
const isJs = (path) => path.endsWith('.js');
const isData = (path) => path.includes('/builder/data/');

/**
 * @param {{ distDir: string, pages: { id: string, page: string }[], log?: (s: string) => void }} options
 */
export async function measurePageLoads({ distDir, pages, log = () => {} }) {
  const server = await serveStatic(distDir);
  const browser = await launchBrowser();
  const rows = [];
  try {
    for (const { id, page: file } of pages) {
      log(`page loads: ${id}`);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
      try {
        const page = await context.newPage();
        const mark = server.requests.length;
        await page.goto(new URL(file.replace(/index\.html$/, ''), server.url).href, { waitUntil: 'load' });
        await networkQuiet(server);
        const atLoad = server.requests.slice(mark);
        const row = {
          id,
          page: file,
          jsAtLoadWire: sum(atLoad, isJs),
          allAtLoadWire: sum(atLoad, () => true),
          requestsAtLoad: atLoad.length,
          builderCodeAtLoad: atLoad.some((r) => isJs(r.path) && /ConnectionStringBuilder/.test(r.path)),
        };
        if ((await page.locator('astro-island').count()) > 0) {
          const before = server.requests.length;
          await page.getByRole('tab', { name: 'Build' }).click();
          await page.locator('.builder-methods').waitFor({ timeout: 30_000 });
          await networkQuiet(server);
          const added = server.requests.slice(before);
          row.jsAddedWire = sum(added, isJs);
          row.dataAddedWire = sum(added, isData);
          row.jsAfterStartWire = row.jsAtLoadWire + row.jsAddedWire;
        }
        rows.push(row);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { viewport: '1280×900', rows };
}

export function printPageLoads(r) {
  table(`Page loads in Chromium, bytes on the wire (gzip), ${r.viewport}, cold`, [
    'page', 'requests at load', 'all at load', 'JS at load', 'builder code at load', 'JS after 1st builder interaction', 'builder data fetched then',
  ], r.rows.map((row) => [
    row.id,
    row.requestsAtLoad,
    kb(row.allAtLoadWire),
    kb(row.jsAtLoadWire),
    row.builderCodeAtLoad ? 'yes' : 'no',
    row.jsAfterStartWire === undefined ? '–' : kb(row.jsAfterStartWire),
    row.dataAddedWire === undefined ? '–' : kb(row.dataAddedWire),
  ]));
  note('  Meaning: what Chromium fetched from a gzip-serving static server (inline scripts travel in the HTML, counted in');
  note('  "all at load"); the first builder interaction is a click on its Build tab. /builder/ starts its builder at load');
  note('  because it is on screen (client:engage also starts on scroll into view).');
}
