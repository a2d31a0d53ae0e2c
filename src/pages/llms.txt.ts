/** /llms.txt (the llmstxt.org convention): what the site is, then every page's Markdown, grouped. */
import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/providers/load.ts';
import { llmsTxt } from '../lib/site/markdown.ts';
import { pageList, textResponse, urlOf } from './_markdown.ts';

export const GET: APIRoute = async ({ site }) => {
  const url = urlOf(site);
  return textResponse(llmsTxt(await pageList(), getCatalog(), url));
};
