/**
 * search-services.json: each service's display name (the search dialog's Service filter values) mapped to its id,
 * so a chosen service's rows link to its page. Fetched only when the filters are opened.
 */
import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/providers/load.ts';
import { serviceLabel } from '../lib/providers/service-facts.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(Object.fromEntries(getCatalog().services.map((s) => [serviceLabel(s), s.id]))), {
    headers: { 'Content-Type': 'application/json' },
  });
