/** Every internal link and fragment in dist/ resolves to a page and an element id that exist. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { assertBuilt, decodeEntities, distDir, htmlFiles, readHtml } from '../support/dist';

beforeAll(assertBuilt);

function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decodeEntities(m[1]!)));
}

/** Resolves a site path to its file: `/services/x/` → services/x/index.html. */
function fileFor(path: string): string | undefined {
  const clean = decodeURIComponent(path).replace(/^\//, '');
  const candidates = clean === '' || clean.endsWith('/') ? [join(clean, 'index.html')] : [clean, join(clean, 'index.html')];
  return candidates.find((c) => existsSync(join(distDir, c)));
}

test('every internal href and fragment resolves', () => {
  const pages = htmlFiles();
  expect(pages.length).toBeGreaterThan(5);
  const ids = new Map(pages.map((p) => [p, idsOf(readHtml(p))]));
  const broken: string[] = [];
  let checked = 0;
  for (const page of pages) {
    const html = readHtml(page);
    const pageUrl = new URL(`/${page.replace(/index\.html$/, '')}`, 'http://site.test');
    for (const match of html.matchAll(/\shref="([^"]*)"/g)) {
      const raw = decodeEntities(match[1]!);
      const url = new URL(raw, pageUrl);
      if (url.origin !== 'http://site.test') continue;
      checked++;
      const target = fileFor(url.pathname);
      if (!target) {
        broken.push(`${page}: ${raw} (no such page)`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !ids.get(target)?.has(fragment)) {
        broken.push(`${page}: ${raw} (no element with id "${fragment}")`);
      }
    }
  }
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThan(100);
});

test('ids are unique within each page', () => {
  const duplicates: string[] = [];
  for (const page of htmlFiles()) {
    const seen = new Set<string>();
    for (const m of readHtml(page).matchAll(/\sid="([^"]+)"/g)) {
      if (seen.has(m[1]!)) duplicates.push(`${page}#${m[1]}`);
      seen.add(m[1]!);
    }
  }
  expect(duplicates).toEqual([]);
});

test('every page has a title, a description and one h1', () => {
  for (const page of htmlFiles()) {
    const html = readHtml(page);
    expect(html, page).toMatch(/<title>[^<]{5,}<\/title>/);
    expect(html, page).toMatch(/<meta name="description" content="[^"]{20,}"/);
    expect(html.match(/<h1[\s>]/g)?.length, page).toBe(1);
  }
});
