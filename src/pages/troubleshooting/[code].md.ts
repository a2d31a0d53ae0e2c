/** Each finding code's troubleshooting page as Markdown, beside its HTML: /troubleshooting/<code>.md. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../lib/providers/load.ts';
import { troubleshootingMarkdown } from '../../lib/site/markdown.ts';
import { markdownResponse, urlOf } from '../_markdown.ts';

export const getStaticPaths = (() =>
  (getCatalog().troubleshooting ?? []).map((page) => ({ params: { code: page.code }, props: { page } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => markdownResponse(troubleshootingMarkdown(props.page, getCatalog(), urlOf(site)));
