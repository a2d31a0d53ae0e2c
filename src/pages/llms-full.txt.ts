/** /llms-full.txt: llms.txt followed by every page's Markdown, for tools that read one file. */
import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/providers/load.ts';
import { llmsFullTxt } from '../lib/site/markdown.ts';
import { allMarkdown, textResponse, urlOf } from './_markdown.ts';

export const GET: APIRoute = async ({ site }) => {
  const url = urlOf(site);
  const { pages, bodies } = await allMarkdown(url);
  return textResponse(llmsFullTxt(pages, bodies, getCatalog(), url));
};
