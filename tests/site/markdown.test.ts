/**
 * The Markdown twins, llms.txt and llms-full.txt as built: every page has its Markdown at a stable URL, the
 * Markdown carries what the HTML page shows (its code samples and property entries), every link in them
 * resolves to a built file and fragment, and the HTML pages point to their Markdown.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { findingCodes } from '../../src/lib/connstr/index.ts';
import { assertBuilt, decodeEntities, distDir, htmlFiles, readHtml } from '../support/dist';

beforeAll(assertBuilt);

const read = (sitePath: string) => readFileSync(join(distDir, sitePath), 'utf8');
/** The site's origin: SITE_URL's, or (a local build, whose links are root-relative) a stand-in that names no real host. */
const siteOrigin = new URL(process.env.SITE_URL || 'http://site.invalid').origin;
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

/** The pages with a Markdown twin: [HTML file, Markdown file], from the built service folders. */
const servicesDir = join(distDir, 'services');
const serviceIds = existsSync(servicesDir) ? readdirSync(servicesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
const referenceDir = join(distDir, 'reference');
const propertySlugs = existsSync(referenceDir) ? readdirSync(referenceDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
/** Older builds' pages of a service: /services/<id>/<build>/, each with its twin /services/<id>/<build>.md. */
const buildsOf = (id: string) => readdirSync(join(servicesDir, id), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const pairs: [string, string][] = [
  ...serviceIds.flatMap((id): [string, string][] => [[`services/${id}/index.html`, `services/${id}.md`], ...buildsOf(id).map((b): [string, string] => [`services/${id}/${b}/index.html`, `services/${id}/${b}.md`])]),
  ['reference/index.html', 'reference.md'],
  ...propertySlugs.map((slug): [string, string] => [`reference/${slug}/index.html`, `reference/${slug}.md`]),
  ['guides/connection-strings/index.html', 'guides/connection-strings.md'],
  ['index.html', 'index.md'],
  ['services/index.html', 'services.md'],
  ['builder/index.html', 'builder.md'],
  ['troubleshooting/index.html', 'troubleshooting.md'],
  ...findingCodes.map((code): [string, string] => [`troubleshooting/${code}/index.html`, `troubleshooting/${code}.md`]),
];

/** The text of every code sample (CodeBlock) of an HTML page, decoded. */
function codeSamples(html: string): string[] {
  return [...html.matchAll(/<pre tabindex="0" aria-label="[^"]*" data-lang="[^"]*"><code>([\s\S]*?)<\/code><\/pre>/g)].map((m) => decodeEntities(m[1]!));
}

/** Links in Markdown or text: `[t](url)` (absolute or root-relative) and `<url>`. */
function linksOf(text: string): string[] {
  return [...text.matchAll(/\]\(((?:https?:\/\/|\/)[^)\s]*)\)|<(https?:\/\/[^>\s]+)>/g)].map((m) => m[1] ?? m[2]!);
}

/** A link to this site → its built file and fragment; `undefined` for another site. */
function resolveLink(link: string): { file: string | undefined; fragment: string } | undefined {
  const url = new URL(link, siteOrigin);
  if (url.origin !== siteOrigin || !url.pathname.startsWith(base)) return undefined;
  const path = decodeURIComponent(url.pathname.slice(base.length));
  const candidates = path === '' || path.endsWith('/') ? [join(path, 'index.html')] : [path];
  return { file: candidates.find((c) => existsSync(join(distDir, c))), fragment: decodeURIComponent(url.hash.slice(1)) };
}

function brokenLinks(text: string): string[] {
  const broken: string[] = [];
  for (const link of linksOf(text)) {
    const target = resolveLink(link);
    if (!target) continue;
    if (!target.file) broken.push(`${link} (no such file)`);
    else if (target.fragment && !readHtml(target.file).includes(`id="${target.fragment}"`)) broken.push(`${link} (no such id)`);
  }
  return broken;
}

describe.each(pairs)('%s has its Markdown twin %s', (htmlFile, mdFile) => {
  test('the HTML page links to it, for readers and for tools', () => {
    const html = readHtml(htmlFile);
    const path = `${base}${mdFile}`;
    expect(html).toContain(`<link rel="alternate" type="text/markdown" href="${path}">`);
    expect(html).toMatch(new RegExp(`<a href="${path}"[^>]*>View as Markdown</a>`));
    expect(html).toMatch(new RegExp(`<button[^>]*data-copy-markdown="${path}"[^>]*>Copy page as Markdown</button>`));
  });

  test('it opens with the same title as the HTML page', () => {
    const h1 = decodeEntities(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(readHtml(htmlFile))![1]!.replace(/<[^>]+>/g, '')).trim();
    expect(read(mdFile).split('\n')[0]).toBe(`# ${h1}`);
  });

  test('every code sample of the HTML page is in it, verbatim', () => {
    const samples = codeSamples(readHtml(htmlFile));
    const md = read(mdFile);
    const missing = samples.filter((code) => !md.includes(code));
    expect(missing).toEqual([]);
  });

  test('every property the HTML page documents is in it', () => {
    const ids = [...readHtml(htmlFile).matchAll(/\sid="prop-([A-Za-z0-9_]+)"/g)].map((m) => m[1]!);
    const md = read(mdFile);
    expect(ids.filter((name) => !md.includes(`\`${name}\``))).toEqual([]);
  });

  test('is clean Markdown: no HTML tags, and every link resolves', () => {
    const md = read(mdFile);
    // Outside code, the only unescaped angle brackets are autolinks (<https://…>).
    const prose = md.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '').replace(/`[^`\n]*`/g, '');
    expect(prose.match(/(?<!\\)<(?!https?:\/\/)[A-Za-z/!][^>]*>/g) ?? []).toEqual([]);
    expect(brokenLinks(md)).toEqual([]);
  });
});

describe('llms.txt', () => {
  const llms = () => read('llms.txt');

  test('follows the convention: a title, a summary quote, then sections of links', () => {
    const lines = llms().split('\n');
    expect(lines[0]).toBe('# Connector Help');
    expect(lines[2]).toMatch(/^> \S/);
    expect(llms().match(/^## .+$/gm)).toEqual(['## Site', '## Services', '## Reference', '## Troubleshooting', '## Guides']);
  });

  test('links every page’s Markdown, grouped, and every link resolves', () => {
    const linked = linksOf(llms()).map((link) => resolveLink(link)?.file);
    for (const [, mdFile] of pairs) expect(linked).toContain(mdFile);
    // Only pages are list links; the catalog (data, not a page) is named in the summary.
    expect(linked.every((file) => file?.endsWith('.md'))).toBe(true);
    expect(llms().split('\n## ')[0]).toMatch(/catalog\.json/);
    expect(brokenLinks(llms())).toEqual([]);
    const services = llms().split('## Services')[1]!.split('## Reference')[0]!;
    expect(linksOf(services).map((l) => resolveLink(l)?.file).sort()).toEqual(pairs.filter(([html]) => html.startsWith('services/') && html !== 'services/index.html').map(([, md]) => md).sort());
  });

  test('llms-full.txt holds llms.txt and every Markdown page in full', () => {
    const full = read('llms-full.txt');
    expect(full.startsWith(llms().trim())).toBe(true);
    for (const [, mdFile] of pairs) expect(full).toContain(read(mdFile).trim());
    expect(brokenLinks(full)).toEqual([]);
  });

  test('every page the site publishes has its Markdown twin in llms.txt', () => {
    const linked = new Set(linksOf(llms()).map((link) => resolveLink(link)?.file));
    const published = htmlFiles().filter((file) => file !== '404.html');
    expect(published.length).toBeGreaterThanOrEqual(pairs.length);
    expect(published.filter((file) => !pairs.some(([html, md]) => html === file && linked.has(md)))).toEqual([]);
  });

  test('the sitemap, which needs absolute URLs, is written exactly when SITE_URL is set, and lists every page', () => {
    expect(existsSync(join(distDir, 'sitemap.xml'))).toBe(Boolean(process.env.SITE_URL));
    if (!process.env.SITE_URL) return;
    const locs = [...read('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => resolveLink(m[1]!)?.file);
    // An older build's page names its newest as canonical, so the sitemap lists only the canonical pages.
    const canonicalOnly = (file: string) => !/^services\/[^/]+\/\d+\.\d+\.\d+\.\d+\/index\.html$/.test(file);
    expect(locs.sort()).toEqual(htmlFiles().filter((file) => file !== '404.html' && canonicalOnly(file)).sort());
  });
});
