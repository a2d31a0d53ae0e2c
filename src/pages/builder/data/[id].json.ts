/**
 * One small metadata file per service for the /builder/ page, which fetches only the service the user picks
 * (service pages pass their own service to the island directly). The general properties are not repeated
 * here: they are in common.json, which the island joins back in.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { commonData, serviceData } from '../../../lib/builder/data.ts';
import { getCatalog } from '../../../lib/providers/load.ts';

export const getStaticPaths = (() => {
  const catalog = getCatalog();
  const common = commonData(catalog.properties);
  return catalog.services.map((service) => ({ params: { id: service.id }, props: { part: serviceData(service, common) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props.part), { headers: { 'content-type': 'application/json' } });
