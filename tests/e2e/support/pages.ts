/** The pages the built site publishes, as site paths (`/services/aircall/`) that `Site.url()` accepts. */
import { assertBuilt, htmlFiles } from '../../support/dist.ts';

/**
 * Every built HTML page but the 404 page. That these are the pages the site publishes (llms.txt lists each one's
 * Markdown twin, and the sitemap of a SITE_URL build lists them all) is checked in tests/site/markdown.test.ts.
 */
export function publishedPaths(): string[] {
  assertBuilt();
  return htmlFiles().map(pathOfHtmlFile).filter((path) => path !== '/404.html');
}

/** The site path of a built HTML file (`services/aircall/index.html` → `/services/aircall/`, `404.html` → `/404.html`). */
export function pathOfHtmlFile(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}
