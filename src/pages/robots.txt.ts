/** robots.txt: everything may be crawled; the sitemap is named when the site's address is known (SITE_URL). */
import type { APIRoute } from 'astro';
import { href } from '../lib/site/paths.ts';

export const GET: APIRoute = ({ site }) => {
  const lines = ['User-agent: *', 'Allow: /', ...(site ? ['', `Sitemap: ${new URL(href('sitemap.xml'), site).href}`] : [])];
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
