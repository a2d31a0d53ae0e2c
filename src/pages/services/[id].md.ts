/** Each service page as Markdown, beside its HTML: /services/<id>.md. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../lib/providers/load.ts';
import { serviceMarkdown } from '../../lib/site/markdown.ts';
import { markdownResponse, urlOf } from '../_markdown.ts';

export const getStaticPaths = (() =>
  getCatalog().services.map((service) => ({ params: { id: service.id }, props: { service } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => markdownResponse(serviceMarkdown(props.service, urlOf(site)));
