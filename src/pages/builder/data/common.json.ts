/**
 * The general properties, once for every service: the builder fetches this file when it starts, on any page,
 * so a browser downloads it once however many service pages it opens.
 */
import type { APIRoute } from 'astro';
import { commonData } from '../../../lib/builder/data.ts';
import { getCatalog } from '../../../lib/providers/load.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(commonData(getCatalog().properties)), { headers: { 'content-type': 'application/json' } });
