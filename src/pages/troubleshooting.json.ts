/** /troubleshooting.json: every finding code with its words, page and checked example (the whole dictionary as data). */
import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/providers/load.ts';
import { href, publicUrl } from '../lib/site/paths.ts';
import { troubleshootingJson } from '../lib/site/troubleshooting.ts';

export const GET: APIRoute = ({ site }) => {
  const url = publicUrl(site);
  return new Response(`${JSON.stringify(troubleshootingJson(getCatalog(), url, url(href('troubleshooting.schema.json'))), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
};
