/**
 * Sizes of the built site (issues 4, 6 and 11): what each key page costs to load (HTML, its stylesheets and every
 * JS module it loads before any interaction, gzip level 9), what starting the builder adds, what the builder
 * island and its data cost, and folder totals.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { folderSize, gzipSize, htmlPages, islandCost, pageCost } from './lib/sizes.mjs';
import { kb, note, size, table } from './lib/format.mjs';
import { median } from './lib/stats.mjs';

/** The pages the issues name; the service page is Intercom's, or the first service when it is absent. */
export function keyPages(distDir) {
  const services = existsSync(join(distDir, 'services')) ? readdirSync(join(distDir, 'services')).sort() : [];
  const service = services.includes('intercom') ? 'intercom' : services[0];
  return [
    { id: 'home', page: 'index.html' },
    { id: 'service', page: `services/${service}/index.html` },
    { id: 'builder', page: 'builder/index.html' },
    { id: 'reference', page: 'reference/index.html' },
    { id: 'guide', page: 'guides/connection-strings/index.html' },
  ].filter((p) => existsSync(join(distDir, p.page)));
}

/** Every figure of the section for one built site. */
export function measureSizes(distDir) {
  const pages = keyPages(distDir).map(({ id, page }) => {
    const cost = pageCost(distDir, page);
    return { id, ...cost, totalGzip: cost.htmlGzip + cost.cssGzip + cost.jsGzip };
  });
  const builderPage = pages.find((p) => p.id === 'builder');
  const servicePage = pages.find((p) => p.id === 'service');
  const island = builderPage ? islandCost(distDir, builderPage.page) : undefined;
  const serviceIsland = servicePage ? islandCost(distDir, servicePage.page) : undefined;

  const dataDir = join(distDir, 'builder', 'data');
  const dataFiles = existsSync(dataDir) ? readdirSync(dataDir).filter((n) => n.endsWith('.json') && n !== 'common.json') : [];
  const dataGzip = dataFiles.map((n) => gzipSize(readFileSync(join(dataDir, n))));
  const commonFile = join(dataDir, 'common.json');
  const common = existsSync(commonFile) ? readFileSync(commonFile) : undefined;

  // The files for tools (issue 12): the key service's Markdown twin, the reference and guide twins, llms.txt,
  // llms-full.txt, and the public catalog with its schema; and the service finder's index, fetched on first use.
  const service = keyPages(distDir).find((p) => p.id === 'service')?.page.replace(/\/index\.html$/, '.md');
  const machine = [service, 'reference.md', 'guides/connection-strings.md', 'llms.txt', 'llms-full.txt', 'catalog.json', 'catalog.schema.json', 'service-index.json']
    .filter((file) => file && existsSync(join(distDir, file)))
    .map((file) => {
      const bytes = readFileSync(join(distDir, file));
      return { file, bytes: bytes.length, gzip: gzipSize(bytes) };
    });

  const html = htmlPages(distDir);
  const htmlBytes = html.reduce((n, p) => n + statSync(join(distDir, p)).size, 0);
  const total = folderSize(distDir);
  return {
    pages,
    island: island && {
      page: builderPage.page,
      components: island.components,
      jsFiles: island.jsFiles,
      jsBytes: island.jsBytes,
      jsGzip: island.jsGzip,
      cssGzip: island.cssGzip,
      propsBytesBuilder: island.propsBytes,
      propsBytesService: serviceIsland?.propsBytes,
    },
    machine,
    builderData: {
      files: dataFiles.length,
      medianGzip: median(dataGzip),
      maxGzip: dataGzip.length ? Math.max(...dataGzip) : null,
      commonBytes: common?.length ?? null,
      commonGzip: common ? gzipSize(common) : null,
    },
    dist: {
      bytes: total.bytes,
      files: total.files,
      htmlPages: html.length,
      htmlBytes,
      astroAssets: folderSize(join(distDir, '_astro')).bytes,
      pagefind: folderSize(join(distDir, 'pagefind')).bytes,
      builderData: folderSize(dataDir).bytes,
    },
  };
}

export function printSizes(r, { source } = {}) {
  table(
    `Sizes: page cost, gzip -9${source ? ` (${source})` : ''}`,
    ['page', 'path', 'HTML raw', 'HTML gz', 'CSS gz', 'JS at load gz', 'JS files', 'JS after builder start gz', 'total at load gz', 'islands (deferred)'],
    r.pages.map((p) => [
      p.id,
      p.page,
      kb(p.htmlBytes),
      kb(p.htmlGzip),
      kb(p.cssGzip),
      kb(p.jsGzip),
      p.jsFiles,
      p.islands ? kb(p.jsStartedGzip) : '–',
      kb(p.totalGzip),
      `${p.islands} (${p.deferredIslands})`,
    ]),
  );
  if (r.island) {
    table('Sizes: builder island', ['figure', 'value'], [
      ['component', r.island.components.join(', ')],
      ['JS modules (component + renderer + imports)', r.island.jsFiles],
      ['JS raw', kb(r.island.jsBytes)],
      ['JS gzip', kb(r.island.jsGzip)],
      ['island CSS gzip', kb(r.island.cssGzip)],
      ['props in /builder/ HTML', kb(r.island.propsBytesBuilder)],
      ['props in a service page HTML', kb(r.island.propsBytesService)],
      [`per-service data file gzip (median / max of ${r.builderData.files}; /builder/ fetches one)`, `${kb(r.builderData.medianGzip)} / ${kb(r.builderData.maxGzip)}`],
      ['shared common.json (general properties), raw / gzip, fetched once on start', `${kb(r.builderData.commonBytes)} / ${kb(r.builderData.commonGzip)}`],
    ]);
  }
  if (r.machine?.length) {
    table('Sizes: Markdown, llms.txt and catalog (for tools)', ['file', 'raw', 'gzip -9'], r.machine.map((m) => [m.file, kb(m.bytes), kb(m.gzip)]));
  }
  table('Sizes: dist/ totals (raw bytes on disk)', ['figure', 'value'], [
    ['total', `${size(r.dist.bytes)} in ${r.dist.files} files`],
    [`HTML (${r.dist.htmlPages} pages)`, size(r.dist.htmlBytes)],
    ['_astro/ (JS, CSS)', size(r.dist.astroAssets)],
    ['pagefind/ (search UI + index)', size(r.dist.pagefind)],
    ['builder/data/ (per-service JSON)', size(r.dist.builderData)],
  ]);
  note('  Meaning: page cost = bytes a first visit downloads before any interaction (HTML, linked CSS, every JS module loaded');
  note('  statically, inline scripts), each file gzip -9 as a CDN would serve it; "after builder start" adds what the builder');
  note('  (client:engage: first focus, press or click in it, or scrolled into view) loads then; /builder/ starts it at load, its');
  note('  builder being on screen. tests/e2e/page-weight.test.ts checks these in Chromium. builder island = the JS the builder');
  note('  hydrates with; props = JSON the island reads from the HTML; dist totals are uncompressed bytes on disk.');
}
