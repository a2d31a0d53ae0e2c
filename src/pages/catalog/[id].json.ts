/** /catalog/<id>.json: one service's auth methods, listed properties and examples (see lib/providers/public.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../lib/providers/load.ts';
import { publicServiceFile } from '../../lib/providers/public.ts';
import { catalogUrls, jsonResponse } from '../_catalog.ts';

export const getStaticPaths = (() => getCatalog().services.map((service) => ({ params: { id: service.id }, props: { service } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => jsonResponse(publicServiceFile(props.service, getCatalog().properties, catalogUrls(site)));
