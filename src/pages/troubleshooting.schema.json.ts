/** /troubleshooting.schema.json: the JSON Schema of /troubleshooting.json, generated from its zod schema. */
import type { APIRoute } from 'astro';
import { href, publicUrl } from '../lib/site/paths.ts';
import { troubleshootingJsonSchema } from '../lib/site/troubleshooting.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`${JSON.stringify(troubleshootingJsonSchema(publicUrl(site)(href('troubleshooting.schema.json'))), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json' },
  });
