/**
 * sitemap.xml: every page, from the same catalog the pages come from. A sitemap lists absolute URLs only, so it is
 * written when the site's address is known (SITE_URL); a local build has none (a dynamic route, so that it can
 * produce no file at all).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../lib/providers/load.ts';
import { guides } from '../lib/site/guides.ts';
import { referencePages } from '../lib/site/reference.ts';
import { guidePath, href, servicePath, servicesPath, troubleshootingPath } from '../lib/site/paths.ts';

export const getStaticPaths = (() => (import.meta.env.SITE ? [{ params: { sitemap: 'sitemap' } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site }) => {
  // The HTML pages only: the .md twins are alternates of them (each page's <link rel="alternate">), and llms.txt
  // and llms-full.txt are found where the convention puts them and named on every page (the agents' directive).
  const paths = [
    href(),
    href('reference/'),
    ...referencePages(getCatalog()).map((page) => page.path),
    href('builder/'),
    // Every guide in the collection, so a new one is listed without editing this file.
    ...(await guides()).map((g) => guidePath(g.id)),
    servicesPath(),
    ...getCatalog().services.map((s) => servicePath(s.id)),
    href('troubleshooting/'),
    ...(getCatalog().troubleshooting ?? []).map((t) => troubleshootingPath(t.code)),
  ];
  const urls = paths.map((p) => `  <url><loc>${new URL(p, site).href}</loc></url>`).join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml' },
  });
};
