/**
 * service-index.json: every service's id, name and sign-in kinds (src/lib/site/auth-kinds.ts). Pages never load it
 * up front: the service finder fetches it on first use, and the search dialog when its filters are opened (the
 * Service filter's values are display names; a chosen service's rows link to its page by id).
 */
import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/providers/load.ts';
import { serviceIndex } from '../lib/site/auth-kinds.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(serviceIndex(getCatalog().services)), { headers: { 'Content-Type': 'application/json' } });
