/** The public catalog's addresses, said once for its four routes (a leading underscore keeps this file from being a route). */
import { catalogServiceFile, type CatalogUrls } from '../lib/providers/public.ts';
import { href, publicUrl } from '../lib/site/paths.ts';

export function catalogUrls(site: URL | undefined): CatalogUrls {
  const url = publicUrl(site);
  return {
    index: url(href('catalog.json')),
    indexSchema: url(href('catalog.schema.json')),
    serviceSchema: url(href('catalog-service.schema.json')),
    service: (id) => url(href(catalogServiceFile(id))),
  };
}

/** The data files are written compact (a tenth smaller gzipped, and `jq` prints them readably); the schemas indented. */
export const jsonResponse = (body: unknown, type = 'application/json') =>
  new Response(`${type === 'application/json' ? JSON.stringify(body) : JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': type } });
