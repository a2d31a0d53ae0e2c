/**
 * What a built page costs to load: its HTML, the stylesheets it links and every JavaScript module it loads
 * before the reader does anything (entry scripts, islands that hydrate at load, their static imports), and
 * separately what a deferred island (client:engage) adds when started. Read statically from the built HTML
 * and modules; tests/e2e/page-weight.test.ts checks the same in a real browser. Sizes are gzip level 9.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { distDir, readHtml } from './dist';

export type PageCost = {
  page: string;
  htmlGzip: number;
  css: string[];
  cssGzip: number;
  /** JS modules the page loads before any interaction: `<script src>`, islands that hydrate at load, imports. */
  js: string[];
  /** What those cost: each module gzipped on its own (one response each), plus the inline scripts. */
  jsGzip: number;
  /** JS modules only a deferred island (client:engage) loads, when the reader starts it; not in `js`. */
  deferredJs: string[];
  /** JS once every island has started: `jsGzip` plus the deferred modules. */
  jsStartedGzip: number;
  /** How many islands the page hydrates, and how many of them only when used or scrolled to. */
  islands: number;
  deferredIslands: number;
};

/**
 * Directives whose island loads nothing at page load: client:engage starts on first use or when scrolled into
 * view. Any other directive counts as loading at load (client:visible may, when its island is on screen).
 */
export const deferredDirectives = new Set(['engage']);

export const gzipSize = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

function siteFile(url: string): string {
  const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
  const path = url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, '');
  return join(distDir, path);
}

/** Static imports of an ES module (`import … from "./x.js"`, `import "./y.js"`), resolved to site URLs. */
function staticImports(url: string, code: string): string[] {
  const found = [...code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{},\s$]+from\s*)?["']([^"']+\.js)["']/g)].map((m) => m[1]!);
  return found.map((spec) => (spec.startsWith('/') ? spec : posix.join(posix.dirname(url), spec)));
}

type Island = { client: string; urls: string[] };

/** The page's islands: their directive and the modules they hydrate with (component, renderer, before-hydration). */
export function islandsOf(html: string): Island[] {
  return [...html.matchAll(/<astro-island\b[^>]*>/g)].map(([tag]) => ({
    client: tag.match(/\sclient="([^"]*)"/)?.[1] ?? '',
    urls: [...tag.matchAll(/\s(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g)].map((m) => m[1]!),
  }));
}

/** Every module the entry URLs load, following static imports through dist/. */
function closure(entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const url = queue.pop()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const file = siteFile(url);
    if (!existsSync(file)) throw new Error(`page references ${url}, which is not in dist/`);
    queue.push(...staticImports(url, readFileSync(file, 'utf8')));
  }
  return [...seen].sort();
}

/** The JS a page loads before any interaction: `<script src>`, islands that hydrate at load, and their import closure. */
export function pageJs(html: string): string[] {
  const eager = islandsOf(html).filter((i) => !deferredDirectives.has(i.client));
  return closure([...[...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!), ...eager.flatMap((i) => i.urls)]);
}

/** The JS only deferred islands load (when started), beyond what the page already loaded. */
export function deferredJs(html: string): string[] {
  const atLoad = new Set(pageJs(html));
  const deferred = islandsOf(html).filter((i) => deferredDirectives.has(i.client));
  return closure(deferred.flatMap((i) => i.urls)).filter((url) => !atLoad.has(url));
}

/** Inline <script> bodies (the theme script and Astro's island bootstrap) count towards the JS budget too. */
function inlineScripts(html: string): string {
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

export function pageCost(page: string): PageCost {
  const html = readHtml(page);
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const js = pageJs(html);
  const later = deferredJs(html);
  const read = (url: string) => readFileSync(siteFile(url));
  const inline = inlineScripts(html);
  const jsGzip = js.reduce((n, url) => n + gzipSize(read(url)), inline ? gzipSize(inline) : 0);
  const islands = islandsOf(html);
  return {
    page,
    htmlGzip: gzipSize(html),
    css,
    cssGzip: gzipSize(Buffer.concat(css.map(read))),
    js,
    jsGzip,
    deferredJs: later,
    jsStartedGzip: later.reduce((n, url) => n + gzipSize(read(url)), jsGzip),
    islands: islands.length,
    deferredIslands: islands.filter((i) => deferredDirectives.has(i.client)).length,
  };
}
