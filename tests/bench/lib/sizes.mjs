/**
 * Size figures of a built site: folder totals, and what one page costs to load (HTML, the stylesheets it
 * links, and every JS module it loads before any interaction, gzip level 9), and what starting its builder adds. Mirrors tests/support/assets.ts
 * (the budget test) in plain JS so the bench runs without a TypeScript loader.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export const gzipSize = (data) => gzipSync(data, { level: 9 }).length;

/** Total bytes and file count under a folder (0 when it does not exist). */
export function folderSize(dir) {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

/** Every HTML file under a folder, relative (`services/intercom/index.html`). */
export function htmlPages(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((p) => p.endsWith('.html'))
    .sort();
}

function siteFile(distDir, url) {
  const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
  const path = url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, '');
  return join(distDir, path);
}

function staticImports(url, code) {
  const found = [...code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{},\s$]+from\s*)?["']([^"']+\.js)["']/g)].map((m) => m[1]);
  return found.map((spec) => (spec.startsWith('/') ? spec : posix.join(posix.dirname(url), spec)));
}

/** Every JS module a set of entry URLs loads, following static imports. */
function jsClosure(distDir, entries) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length) {
    const url = queue.pop();
    if (seen.has(url)) continue;
    seen.add(url);
    const file = siteFile(distDir, url);
    if (!existsSync(file)) continue;
    queue.push(...staticImports(url, readFileSync(file, 'utf8')));
  }
  return [...seen].sort();
}

/** Directives whose island loads nothing at page load (client:engage: on first use or when scrolled to). */
const deferredDirectives = new Set(['engage']);

const islandsOf = (html) =>
  [...html.matchAll(/<astro-island\b[^>]*>/g)].map(([tag]) => ({
    client: tag.match(/\sclient="([^"]*)"/)?.[1] ?? '',
    urls: [...tag.matchAll(/\s(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g)].map((m) => m[1]),
  }));

/** JS loaded before any interaction: `<script src>` and islands that hydrate at load, with their imports. */
function pageJs(distDir, html) {
  const eager = islandsOf(html).filter((i) => !deferredDirectives.has(i.client));
  return jsClosure(distDir, [...[...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]), ...eager.flatMap((i) => i.urls)]);
}

/** JS that deferred islands add when started, beyond what the page already loaded. */
function deferredJs(distDir, html) {
  const atLoad = new Set(pageJs(distDir, html));
  const deferred = islandsOf(html).filter((i) => deferredDirectives.has(i.client));
  return jsClosure(distDir, deferred.flatMap((i) => i.urls)).filter((url) => !atLoad.has(url));
}

const inlineScripts = (html) =>
  [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');

/**
 * What a page costs to load, in bytes (raw and gzip). JS is gzipped file by file (one response each) plus the
 * inline scripts, as tests/support/assets.ts (the budget test) counts it. `page` is relative to distDir.
 */
export function pageCost(distDir, page) {
  const html = readFileSync(join(distDir, page), 'utf8');
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  const js = pageJs(distDir, html);
  const later = deferredJs(distDir, html);
  const read = (url) => (existsSync(siteFile(distDir, url)) ? readFileSync(siteFile(distDir, url)) : Buffer.alloc(0));
  const inline = inlineScripts(html);
  const jsGzip = js.reduce((n, url) => n + gzipSize(read(url)), inline ? gzipSize(inline) : 0);
  const cssBytes = Buffer.concat(css.map(read));
  const islands = islandsOf(html);
  return {
    page,
    htmlBytes: Buffer.byteLength(html),
    htmlGzip: gzipSize(html),
    cssFiles: css.length,
    cssGzip: cssBytes.length ? gzipSize(cssBytes) : 0,
    jsFiles: js.length,
    jsGzip,
    deferredJsFiles: later.length,
    jsStartedGzip: later.reduce((n, url) => n + gzipSize(read(url)), jsGzip),
    islands: islands.length,
    deferredIslands: islands.filter((i) => deferredDirectives.has(i.client)).length,
  };
}

const decodeAttr = (text) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * What the page's islands cost: the JS their component and renderer load (static imports followed, gzip),
 * the stylesheets named after the component, and the props serialized into the HTML.
 * @returns {{ islands: number, components: string[], jsFiles: number, jsBytes: number, jsGzip: number, cssGzip: number, propsBytes: number }}
 */
export function islandCost(distDir, page) {
  const html = readFileSync(join(distDir, page), 'utf8');
  const tags = [...html.matchAll(/<astro-island\b[^>]*>/g)].map((m) => m[0]);
  const attr = (tag, name) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
  const entries = tags.flatMap((t) => ['component-url', 'renderer-url', 'before-hydration-url'].map((n) => attr(t, n)).filter(Boolean));
  const js = jsClosure(distDir, entries);
  const read = (url) => (existsSync(siteFile(distDir, url)) ? readFileSync(siteFile(distDir, url)) : Buffer.alloc(0));
  const jsBytes = Buffer.concat(js.map(read));
  const components = [...new Set(tags.map((t) => (attr(t, 'component-url') ?? '').split('/').pop().split('.')[0]))];
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]).filter((u) => components.some((c) => u.split('/').pop().startsWith(`${c}.`)));
  const cssBytes = Buffer.concat(css.map(read));
  return {
    islands: tags.length,
    components,
    jsFiles: js.length,
    jsBytes: jsBytes.length,
    jsGzip: jsBytes.length ? gzipSize(jsBytes) : 0,
    cssGzip: cssBytes.length ? gzipSize(cssBytes) : 0,
    propsBytes: tags.reduce((n, t) => n + Buffer.byteLength(decodeAttr(attr(t, 'props') ?? '')), 0),
  };
}
