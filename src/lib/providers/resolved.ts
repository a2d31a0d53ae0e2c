/**
 * The shapes the catalog hands out once the data files are checked and resolved. Types only, in their own
 * file so the example checks can use them without importing the catalog builder that runs them.
 */
import type { DraftReport } from './drafts.ts';
import type { BuildChanges, Property, Service } from './schema.ts';
import type { BuildFactRule } from '../connstr/index.ts';
import type { TroubleshootingPage } from './troubleshooting-entry.ts';

/** A property as one service uses it: the shared definition with the service's narrowing applied. */
export type ResolvedProperty = Property & {
  /** `shared` when defined once for all services, `service` when the service defines it. */
  origin: 'shared' | 'service';
};

/**
 * A service with every property it accepts resolved (its own first, in its order, then the shared ones).
 * The engine never sees it: callers hand the engine its projection, `serviceRules` (rules.ts).
 */
export type ResolvedBuild = Omit<Service, 'properties'> & {
  properties: ResolvedProperty[];
  /** Names the service's own file lists (its connection-properties table), in file order. */
  listedProperties: string[];
};

/** Every build a service was documented in, and what each changed. */
export type BuildHistory = {
  /** Every build documented, newest first (the newest is the service's own `dataVersion`). */
  builds: { build: string; edition: string }[];
  /** The service as each older build documents it, newest first (empty when only one build is known). */
  older: ResolvedBuild[];
  /** What each build changed from the build before it, newest first. */
  changes: BuildChanges[];
  /** For each build, what the other builds list and it does not, with the build that added or removed it (the engine's `BuildRule`). */
  notInBuild: Record<string, BuildFactRule[]>;
};

/** A service as its newest build documents it, with its older builds. */
export type ResolvedService = ResolvedBuild & { history: BuildHistory };

export type Catalog = {
  /** Shared properties, as defined (no service narrowing). */
  properties: Property[];
  /** Services sorted by name. */
  services: ResolvedService[];
  /** Services still drafts (only when the catalog was built allowing them: the dev server). */
  drafts?: DraftReport[];
  /** One entry per finding code with a file in the content folder's `troubleshooting/` (in the codes' order), examples checked. */
  troubleshooting?: TroubleshootingPage[];
};
