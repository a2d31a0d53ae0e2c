/** The troubleshooting index as Markdown: /troubleshooting.md. */
import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/providers/load.ts';
import { troubleshootingIndexMarkdown } from '../lib/site/markdown.ts';
import { markdownResponse, urlOf } from './_markdown.ts';

export const GET: APIRoute = ({ site }) => markdownResponse(troubleshootingIndexMarkdown(getCatalog(), urlOf(site)));
