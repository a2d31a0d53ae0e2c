/** /catalog.schema.json: the JSON Schema of /catalog.json, generated from the zod schema. */
import type { APIRoute } from 'astro';
import { publicCatalogJsonSchema } from '../lib/providers/public.ts';
import { href, publicUrl } from '../lib/site/paths.ts';

export const GET: APIRoute = ({ site }) => {
  const id = publicUrl(site)(href('catalog.schema.json'));
  return new Response(`${JSON.stringify(publicCatalogJsonSchema(id), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json' },
  });
};
