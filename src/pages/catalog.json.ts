/** /catalog.json: the index of every service and the shared properties (see lib/providers/public.ts). */
import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/providers/load.ts';
import { publicCatalog } from '../lib/providers/public.ts';
import { catalogUrls, jsonResponse } from './_catalog.ts';

export const GET: APIRoute = ({ site }) => jsonResponse(publicCatalog(getCatalog(), catalogUrls(site)));
