/** The builder page as Markdown: /builder.md (what the interactive builder does). */
import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/providers/load.ts';
import { builderMarkdown } from '../lib/site/markdown.ts';
import { markdownResponse, urlOf } from './_markdown.ts';

export const GET: APIRoute = ({ site }) => markdownResponse(builderMarkdown(getCatalog(), urlOf(site)));
