/** sitemap.xml: every page, from the same catalog the pages come from. */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { getCatalog } from '../lib/providers/load.ts';

export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  // The HTML pages, then the two llms.txt files (plain text for assistants; the .md twins are alternates of the
  // HTML pages, announced by each page's <link rel="alternate">, not separate pages).
  const paths = [
    '',
    'reference/',
    'builder/',
    // Every guide in the collection, so a new one is listed without editing this file.
    ...(await getCollection('guides')).map((g) => `guides/${g.id}/`).sort(),
    'services/',
    ...getCatalog().services.map((s) => `services/${s.id}/`),
    'llms.txt',
    'llms-full.txt',
  ];
  const origin = site ?? new URL('http://localhost:4321');
  const urls = paths.map((p) => `  <url><loc>${new URL(base + p, origin).href}</loc></url>`).join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml' },
  });
};
