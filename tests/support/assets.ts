/**
 * What a built page costs to load: its HTML, the stylesheets it links and every JavaScript module it can
 * load before the user opens search (entry scripts, island components and renderers, and their static
 * imports). Sizes are gzip level 9, as a CDN would serve them.
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
  js: string[];
  jsGzip: number;
  /** How many islands the page hydrates. */
  islands: number;
};

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

/** All JS a page loads up front: `<script src>`, island `component-url`/`renderer-url`, and their import closure. */
export function pageJs(html: string): string[] {
  const entries = [
    ...[...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/\s(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g)].map((m) => m[1]!),
  ];
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

/** Inline <script> bodies (the theme script and Astro's island bootstrap) count towards the JS budget too. */
function inlineScripts(html: string): string {
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

export function pageCost(page: string): PageCost {
  const html = readHtml(page);
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const js = pageJs(html);
  const read = (url: string) => readFileSync(siteFile(url));
  return {
    page,
    htmlGzip: gzipSize(html),
    css,
    cssGzip: gzipSize(Buffer.concat(css.map(read))),
    js,
    islands: (html.match(/<astro-island\b/g) ?? []).length,
    jsGzip: js.length || inlineScripts(html) ? gzipSize(Buffer.concat([...js.map(read), Buffer.from(inlineScripts(html))])) : 0,
  };
}

