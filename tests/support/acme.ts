/**
 * The `acme` fixture service (tests/fixtures/providers/acme-content), loaded on its own: its own trimmed
 * driver properties, no file from content/. Engine and builder-model unit tests run on it, so editing the
 * real content (adding a service, rewording a method) never breaks them; facts about the real services are
 * tested in tests/content/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceRules } from '../../src/lib/connstr/index.ts';
import { buildCatalog, type Catalog, type ResolvedService } from '../../src/lib/providers/catalog.ts';
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

const readJson = (path: string) => JSON.parse(readFileSync(join(acmeContentDir, path), 'utf8')) as Record<string, any>;

/**
 * acme at 25.0.9000.0, with 24.0.8000.0 (no BASIC method, AuthScheme without BASIC, an old Timeout row, other steps)
 * and 23.0.7000.0 (also without OAuth): a service with several builds, for what checks a string against one.
 * `extra` changes the service file first (for the catalog's refusals).
 */
export function acmeWithBuilds(extra: (service: Record<string, any>) => void = () => {}): Catalog {
  const service = readJson('services/acme.json');
  service.olderBuilds = [
    {
      build: '24.0.8000.0',
      edition: '2025',
      properties: [{ name: 'AuthScheme', allowedValues: ['NONE', 'OAUTH'] }, { name: 'User', absent: true }, { name: 'Password', absent: true }],
      removedLater: [{ name: 'Timeout' }],
      authMethods: [
        { id: 'basic', absent: true },
        { id: 'token', steps: [{ text: 'Make a key under Admin, then Keys, and put it in ProfileSettings as APIKey.', menuPath: ['Admin', 'Keys'], yields: ['APIKey'] }] },
      ],
    },
    {
      build: '23.0.7000.0',
      edition: '2024',
      properties: [{ name: 'AuthScheme', allowedValues: ['NONE'] }, { name: 'User', absent: true }, { name: 'Password', absent: true }],
      removedLater: [{ name: 'Timeout' }],
      authMethods: [{ id: 'basic', absent: true }, { id: 'oauth', absent: true }, { id: 'token', steps: [{ text: 'Make a key under Admin, then Keys, and put it in ProfileSettings as APIKey.', menuPath: ['Admin', 'Keys'], yields: ['APIKey'] }] }],
    },
  ];
  extra(service);
  const shared = { 'p/driver.json': readJson('properties/driver.json'), 'p/profile-settings.json': readJson('properties/profile-settings.json') };
  return buildCatalog(shared, { 'content/services/acme.json': service });
}
