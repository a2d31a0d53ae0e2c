/**
 * The `acme` fixture service (tests/fixtures/providers/acme-content), loaded on its own: its own trimmed
 * driver properties, no file from content/. Engine and builder-model unit tests run on it, so editing the
 * real content (adding a service, rewording a method) never breaks them; facts about the real services are
 * tested in tests/content/.
 */
import { fileURLToPath } from 'node:url';
import type { ServiceRules } from '../../src/lib/connstr/index.ts';
import type { Catalog, ResolvedService } from '../../src/lib/providers/catalog.ts';
import { loadCatalog } from '../../src/lib/providers/load.ts';
import { serviceRules } from '../../src/lib/providers/rules.ts';
import { builderService } from '../../src/lib/builder/data.ts';
import type { BuilderService } from '../../src/lib/builder/payload.ts';

export const acmeContentDir = fileURLToPath(new URL('../fixtures/providers/acme-content', import.meta.url));

/** The environment that points a child process (a CLI, the build) at the acme fixture instead of content/. */
export const acmeEnv = { CONNECTOR_CONTENT_DIR: acmeContentDir } as const;

let catalog: Catalog | undefined;
/** The catalog of the fixture folder: the one service `acme`. */
export function acmeCatalog(): Catalog {
  catalog ??= loadCatalog(acmeContentDir);
  return catalog;
}

/** The resolved `acme` service (properties resolved against the fixture's driver properties). */
export function acme(): ResolvedService {
  const found = acmeCatalog().services.find((s) => s.id === 'acme');
  if (!found) throw new Error('the acme fixture has no service "acme"');
  return found;
}

/** The engine's rules for `acme` (the projection every caller of the engine uses). */
export function acmeRules(): ServiceRules {
  return serviceRules(acme());
}

/** What the builder island gets about `acme` (the payload the pages write). */
export function acmePayload(): BuilderService {
  return builderService(acme());
}
