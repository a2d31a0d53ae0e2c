/**
 * The draft fixture content folder (tests/fixtures/providers/draft-content: one draft, one finished service),
 * loaded the way the build and the dev server load content/, so unit tests of the draft workflow never read the
 * real content.
 */
import { fileURLToPath } from 'node:url';
import type { Catalog, CatalogOptions } from '../../src/lib/providers/catalog.ts';
import { loadCatalog } from '../../src/lib/providers/load.ts';

export const draftContentDir = fileURLToPath(new URL('../fixtures/providers/draft-content', import.meta.url));

/** The draft fixture's catalog, drafts refused (a production build) unless `options.drafts` allows them (dev). */
export function loadDraftFixture(options: CatalogOptions = {}): Catalog {
  return loadCatalog(draftContentDir, options);
}
