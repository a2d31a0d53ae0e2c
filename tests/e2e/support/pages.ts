/** The pages the built site publishes, as site paths (`/services/aircall/`) that `Site.url()` accepts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertBuilt, distDir } from '../../support/dist.ts';

/** Every HTML page `<loc>` of dist/sitemap.xml, with the configured base path removed (llms.txt files left out). */
export function sitemapPaths(): string[] {
  return sitemapEntries().filter((path) => path.endsWith('/') || path.endsWith('.html'));
}

/** Every `<loc>` of dist/sitemap.xml, with the configured base path removed. */
export function sitemapEntries(): string[] {
  assertBuilt();
  const xml = readFileSync(join(distDir, 'sitemap.xml'), 'utf8');
  const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => {
    const path = new URL(m[1]!.trim()).pathname;
    if (!path.startsWith(base)) throw new Error(`sitemap.xml lists ${m[1]}, outside the base path ${base}`);
    return `/${path.slice(base.length)}`;
  });
}

/** The site path of a built HTML file (`services/aircall/index.html` → `/services/aircall/`, `404.html` → `/404.html`). */
export function pathOfHtmlFile(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}
