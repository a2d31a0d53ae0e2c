/**
 * The builder data file of each older driver build of a service, for the build picker of /builder/ (an older
 * build's own page passes its build to the island directly). Same format as the newest build's file: what the
 * build lists, and what the other builds list that it does not, so the Validate tab names the build that added or
 * removed a value.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { commonData, serviceData } from '../../../../lib/builder/data.ts';
import { getCatalog } from '../../../../lib/providers/load.ts';
import { olderBuildViews } from '../../../../lib/site/builds.ts';

export const getStaticPaths = (() => {
  const catalog = getCatalog();
  const common = commonData(catalog.properties);
  return catalog.services.flatMap((service) =>
    olderBuildViews(service).map((view) => ({ params: { id: service.id, build: view.dataVersion.build }, props: { part: serviceData(view, common) } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props.part), { headers: { 'content-type': 'application/json' } });
