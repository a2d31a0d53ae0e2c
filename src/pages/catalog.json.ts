/** /catalog.json: every service, auth method, property and example as data (see lib/providers/public.ts). */
import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/providers/load.ts';
import { publicCatalog } from '../lib/providers/public.ts';
import { href, publicUrl } from '../lib/site/paths.ts';

export const GET: APIRoute = ({ site }) => {
  const schemaUrl = publicUrl(site)(href('catalog.schema.json'));
  return new Response(`${JSON.stringify(publicCatalog(getCatalog(), schemaUrl), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
};
