/** /llms.txt (the llmstxt.org convention): what the site is, then every page's Markdown, grouped. */
import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/providers/load';
import { llmsTxt } from '../lib/site/markdown';
import { allMarkdown, textResponse, urlOf } from './_markdown';

export const GET: APIRoute = async ({ site }) => {
  const url = urlOf(site);
  const { pages } = await allMarkdown(url);
  return textResponse(llmsTxt(pages, getCatalog(), url));
};
