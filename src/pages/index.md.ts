/** The home page as Markdown: /index.md. */
import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/providers/load.ts';
import { homeMarkdown } from '../lib/site/markdown.ts';
import { markdownResponse, urlOf } from './_markdown.ts';

export const GET: APIRoute = ({ site }) => markdownResponse(homeMarkdown(getCatalog(), urlOf(site)));
