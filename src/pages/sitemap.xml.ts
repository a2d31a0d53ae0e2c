/** sitemap.xml: every page, from the same catalog the pages come from. */
import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/providers/load';

export const GET: APIRoute = ({ site }) => {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const paths = ['', 'reference/', 'builder/', 'guides/connection-strings/', ...getCatalog().services.map((s) => `services/${s.id}/`)];
  const origin = site ?? new URL('http://localhost:4321');
  const urls = paths.map((p) => `  <url><loc>${new URL(base + p, origin).href}</loc></url>`).join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml' },
  });
};
