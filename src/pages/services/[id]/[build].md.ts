/** Each older build's service page as Markdown, beside its HTML: /services/<id>/<build>.md. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../lib/providers/load.ts';
import { olderBuildViews } from '../../../lib/site/builds.ts';
import { serviceMarkdown } from '../../../lib/site/markdown.ts';
import { markdownResponse, urlOf } from '../../_markdown.ts';

export const getStaticPaths = (() =>
  getCatalog().services.flatMap((service) =>
    olderBuildViews(service).map((view) => ({ params: { id: service.id, build: view.dataVersion.build }, props: { service: view } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => markdownResponse(serviceMarkdown(props.service, urlOf(site)));
