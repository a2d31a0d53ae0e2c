/** Each property's page in the reference as Markdown, beside its HTML: /reference/<name in lower case>.md. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../lib/providers/load.ts';
import { referencePageMarkdown } from '../../lib/site/markdown.ts';
import { referencePages } from '../../lib/site/reference.ts';
import { markdownResponse, urlOf } from '../_markdown.ts';

export const getStaticPaths = (() => referencePages(getCatalog()).map((page) => ({ params: { slug: page.slug }, props: { page } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => markdownResponse(referencePageMarkdown(props.page, getCatalog(), urlOf(site)));
