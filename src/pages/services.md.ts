/** The services directory as Markdown: /services.md. */
import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/providers/load.ts';
import { servicesMarkdown } from '../lib/site/markdown.ts';
import { markdownResponse, urlOf } from './_markdown.ts';

export const GET: APIRoute = ({ site }) => markdownResponse(servicesMarkdown(getCatalog(), urlOf(site)));
