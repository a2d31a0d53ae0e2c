/** /catalog-service.schema.json: the JSON Schema of every /catalog/<id>.json, generated from the zod schema. */
import type { APIRoute } from 'astro';
import { publicServiceJsonSchema } from '../lib/providers/public.ts';
import { catalogUrls, jsonResponse } from './_catalog.ts';

export const GET: APIRoute = ({ site }) => jsonResponse(publicServiceJsonSchema(catalogUrls(site).serviceSchema), 'application/schema+json');
