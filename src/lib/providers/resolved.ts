/**
 * The shapes the catalog hands out once the data files are checked and resolved. Types only, in their own
 * file so the example checks can use them without importing the catalog builder that runs them.
 */
import type { DraftReport } from './drafts.ts';
import type { Property, Service } from './schema.ts';
import type { TroubleshootingPage } from './troubleshooting.ts';

/** A property as one service uses it: the shared definition with the service's narrowing applied. */
export type ResolvedProperty = Property & {
  /** `shared` when defined once for all services, `service` when the service defines it. */
  origin: 'shared' | 'service';
};

/**
 * A service with every property it accepts resolved (its own first, in its order, then the shared ones).
 * The engine never sees it: callers hand the engine its projection, `serviceRules` (rules.ts).
 */
export type ResolvedService = Omit<Service, 'properties'> & {
  properties: ResolvedProperty[];
  /** Names the service's own file lists (its connection-properties table), in file order. */
  listedProperties: string[];
};

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
