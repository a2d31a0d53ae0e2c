/**
 * How the builder's metadata travels. The driver's general properties are the same on every service, so they
 * go once into a shared file (`/builder/data/common.json`, cached across pages); each service carries only what
 * differs (its own and narrowed properties, its auth methods). `joinService` puts the two back together in the
 * browser. Pure: the pages write the files, the island reads them.
 */
import type { ResolvedProperty, ResolvedService } from '../providers/catalog.ts';
import type { Property } from '../providers/schema.ts';
import { slimProperty, slimService } from './model.ts';

/** The shared file: every general property as a service sees it when it does not narrow it. */
export type CommonData = { properties: ResolvedProperty[] };

/** The name of the shared file next to the per-service ones; no service may take it as its id. */
export const commonDataId = 'common';

/** The general properties every service gets untouched (top-level ones; ProfileSettings ones are per service). */
export function commonData(shared: readonly Property[]): CommonData {
  return {
    properties: shared.filter((p) => p.placement === 'top').map((p) => slimProperty({ ...p, origin: 'shared' })),
  };
}

const same = (a: ResolvedProperty, b: ResolvedProperty) => JSON.stringify(a) === JSON.stringify(b);

/** What one service's file carries: its slim entry without the properties the shared file already holds. */
export function serviceData(service: ResolvedService, common: CommonData): ResolvedService {
  if (service.id === commonDataId) throw new Error(`A service cannot have the id "${commonDataId}": it names the builder's shared data file`);
  const byName = new Map(common.properties.map((p) => [p.name, p]));
  const slim = slimService(service);
  return { ...slim, properties: slim.properties.filter((p) => !(byName.has(p.name) && same(p, byName.get(p.name)!))) };
}

/** A service's file joined with the shared file: every property the service accepts, its own first. */
export function joinService(part: ResolvedService, common: CommonData): ResolvedService {
  const own = new Set(part.properties.map((p) => p.name.toLowerCase()));
  return { ...part, properties: [...part.properties, ...common.properties.filter((p) => !own.has(p.name.toLowerCase()))] };
}
