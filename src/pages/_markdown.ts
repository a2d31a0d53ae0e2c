/**
 * The Markdown of every page, for the `.md` endpoints, llms.txt and llms-full.txt (a leading underscore
 * keeps this file from being a route). Guides come from the content collection, services from the catalog.
 */
import { getCatalog } from '../lib/providers/load.ts';
import { guides, type Guide } from '../lib/site/guides.ts';
import { referencePages } from '../lib/site/reference.ts';
import { builderMarkdown, guideMarkdown, homeMarkdown, referenceMarkdown, referencePageMarkdown, serviceMarkdown, servicesMarkdown, sitePages, troubleshootingIndexMarkdown, troubleshootingMarkdown, type SitePages, type UrlOf } from '../lib/site/markdown.ts';
import { guidePath, href, markdownPath, publicUrl, serviceBuildPath, servicePath, servicesPath, troubleshootingPath } from '../lib/site/paths.ts';
import { olderBuildViews } from '../lib/site/builds.ts';

/**
 * Absolute URLs on the site's address: Markdown is read outside the site (curl, assistants), where a relative link
 * means little. Without SITE_URL (a local build) they stay root-relative rather than name a made-up host.
 */
export const urlOf = (site: URL | undefined): UrlOf => publicUrl(site);

export function guideMarkdownOf(guide: Guide, url: UrlOf): string {
  return guideMarkdown(
    { title: guide.data.title, description: guide.data.description, body: guide.body ?? '', htmlPath: guidePath(guide.id) },
    getCatalog(),
    url,
  );
}

/** The grouped page list llms.txt prints (no page is rendered for it). */
export async function pageList(): Promise<SitePages> {
  return sitePages(getCatalog(), (await guides()).map((g) => ({ id: g.id, title: g.data.title, description: g.data.description })));
}

/** Every page's Markdown by its path, and the grouped list llms.txt prints. */
export async function allMarkdown(url: UrlOf): Promise<{ pages: SitePages; bodies: Map<string, string> }> {
  const catalog = getCatalog();
  const list = await guides();
  const bodies = new Map<string, string>();
  bodies.set(markdownPath(href()), homeMarkdown(catalog, url));
  bodies.set(markdownPath(servicesPath()), servicesMarkdown(catalog, url));
  bodies.set(markdownPath(href('builder/')), builderMarkdown(catalog, url));
  for (const service of catalog.services) {
    bodies.set(markdownPath(servicePath(service.id)), serviceMarkdown(service, url));
    for (const view of olderBuildViews(service)) bodies.set(markdownPath(serviceBuildPath(service.id, view.dataVersion.build)), serviceMarkdown(view, url));
  }
  bodies.set(markdownPath(href('reference/')), referenceMarkdown(catalog, url));
  for (const page of referencePages(catalog)) bodies.set(page.markdownPath, referencePageMarkdown(page, catalog, url));
  bodies.set(markdownPath(href('troubleshooting/')), troubleshootingIndexMarkdown(catalog, url));
  for (const page of catalog.troubleshooting ?? []) bodies.set(markdownPath(troubleshootingPath(page.code)), troubleshootingMarkdown(page, catalog, url));
  for (const guide of list) bodies.set(markdownPath(guidePath(guide.id)), guideMarkdownOf(guide, url));
  return { pages: await pageList(), bodies };
}

export const markdownResponse = (body: string) =>
  new Response(body, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
export const textResponse = (body: string) => new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
