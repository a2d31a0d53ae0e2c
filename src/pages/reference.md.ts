/** The properties reference as Markdown: /reference.md. */
import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/providers/load.ts';
import { referenceMarkdown } from '../lib/site/markdown.ts';
import { markdownResponse, urlOf } from './_markdown.ts';

export const GET: APIRoute = ({ site }) => markdownResponse(referenceMarkdown(getCatalog(), urlOf(site)));
