/** The properties reference as Markdown: /reference.md. */
import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/providers/load';
import { referenceMarkdown } from '../lib/site/markdown';
import { markdownResponse, urlOf } from './_markdown';

export const GET: APIRoute = ({ site }) => markdownResponse(referenceMarkdown(getCatalog(), urlOf(site)));
