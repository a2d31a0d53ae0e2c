/**
 * One small metadata file per service for the /builder/ page, which fetches only the service the user picks
 * (service pages pass their own service to the island directly).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { slimService } from '../../../lib/builder/model';
import { getCatalog } from '../../../lib/providers/load';

export const getStaticPaths = (() =>
  getCatalog().services.map((service) => ({ params: { id: service.id }, props: { service } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(slimService(props.service)), { headers: { 'content-type': 'application/json' } });
