/** /changes.json: the changes feed's entries as data (src/lib/site/feed.ts). */
import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/providers/load.ts';
import { changesJson } from '../lib/site/feed.ts';
import { urlOf } from './_markdown.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(changesJson(getCatalog(), urlOf(site)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
