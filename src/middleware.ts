/**
 * Every request (at build time, every page): the checked catalog on `Astro.locals`, typed in env.d.ts, so a
 * component a guide's MDX uses (SyntaxExample, OutputForms) reads the services it shows without the page threading
 * the catalog through props. A getter: what never asks for it never loads it, and under `astro dev` a broken edit
 * fails only the pages that read it (with the file and field named), as getCatalog does everywhere.
 */
import { defineMiddleware } from 'astro:middleware';
import { getCatalog } from './lib/providers/load.ts';

export const onRequest = defineMiddleware((context, next) => {
  Object.defineProperty(context.locals, 'catalog', { get: getCatalog, enumerable: true, configurable: true });
  return next();
});
