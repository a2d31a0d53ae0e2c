/** /catalog.schema.json: the JSON Schema of /catalog.json, generated from the zod schema. */
import type { APIRoute } from 'astro';
import { publicCatalogJsonSchema } from '../lib/providers/public.ts';
import { catalogUrls, jsonResponse } from './_catalog.ts';

export const GET: APIRoute = ({ site }) => jsonResponse(publicCatalogJsonSchema(catalogUrls(site).indexSchema), 'application/schema+json');
