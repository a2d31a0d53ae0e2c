/** /changes.xml: an Atom 1.0 feed of every service build and what it changed (src/lib/site/feed.ts). */
import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/providers/load.ts';
import { atomFeed } from '../lib/site/feed.ts';
import { urlOf } from './_markdown.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(atomFeed(getCatalog(), urlOf(site)), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
