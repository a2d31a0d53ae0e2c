/** Each guide as Markdown, beside its HTML: /guides/<slug>.md. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { guides } from '../../lib/site/guides.ts';
import { guideMarkdownOf, markdownResponse, urlOf } from '../_markdown.ts';

export const getStaticPaths = (async () => (await guides()).map((guide) => ({ params: { slug: guide.id }, props: { guide } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => markdownResponse(guideMarkdownOf(props.guide, urlOf(site)));
