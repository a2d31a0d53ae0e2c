/**
 * The builder's payload, built at build time from the catalog: `builderService` is the one function that makes
 * what the island gets about a service (payload.ts declares and checks it). The driver's general properties are
 * the same on every service, so they go once into a shared file (`/builder/data/common.json`, cached across
 * pages); each service's file or props carry only what differs (its own and narrowed properties, its auth
 * methods), and `joinService` puts the two back together in the browser. Pure: the pages write the files.
 */
import type { ResolvedProperty, ResolvedService } from '../providers/catalog.ts';
import { methodRule, propertyRule, viewRules } from '../providers/rules.ts';
import type { AuthMethod, Property } from '../providers/schema.ts';
import type { ServiceSummary } from './checker.ts';
import { commonPayloadSchema, servicePayloadSchema, type BuilderMethod, type BuilderProperty, type BuilderService, type CommonPayload } from './payload.ts';

/** The name of the shared file next to the per-service ones; no service may take it as its id. */
export const commonDataId = 'common';

/** A property as a builder field needs it: the engine's facts, its summary and its placeholder. */
export function builderProperty(property: Property | ResolvedProperty): BuilderProperty {
  const { name, aliases, type, placement, sensitive, origin, default: defaultValue, allowedValues, deprecated, misnomers } = propertyRule(property);
  return {
    name,
    aliases: [...aliases],
    type,
    placement,
    sensitive,
    ...(origin !== undefined ? { origin } : {}),
    ...(defaultValue !== undefined ? { default: defaultValue } : {}),
    ...(allowedValues ? { allowedValues: allowedValues.map((v) => ({ value: v.value })) } : {}),
    ...(deprecated ? { deprecated } : {}),
    ...(misnomers ? { misnomers: [...misnomers] } : {}),
    summary: property.summary,
    ...(property.example !== undefined ? { example: property.example } : {}),
  };
}

/**
 * The menu paths that lead to a property's value: those of the steps that yield it; a yielding step without a
 * path borrows the closest earlier step's path (the steps continue on the same console screen).
 */
export function menuPathsFor(method: AuthMethod, property: string): string[][] {
  const paths: string[][] = [];
  let lastPath: string[] | undefined;
  for (const step of method.steps) {
    if (step.menuPath) lastPath = step.menuPath;
    if (!step.yields.includes(property)) continue;
    const path = step.menuPath ?? lastPath;
    if (path && !paths.some((p) => p.join('\u0000') === path.join('\u0000'))) paths.push(path);
  }
  return paths;
}

/** An auth method as the form needs it: the engine's facts, whose data it reaches, sources and menu paths. */
export function builderMethod(method: AuthMethod): BuilderMethod {
  const yielded = [...new Set(method.steps.flatMap((step) => step.yields))];
  const { impliedWhenSet, rejectedPrefixes, ...rule } = methodRule(method);
  return {
    ...rule,
    authSchemes: [...rule.authSchemes],
    ...(impliedWhenSet !== undefined ? { impliedWhenSet: [...impliedWhenSet] } : {}),
    ...(rejectedPrefixes !== undefined ? { rejectedPrefixes: rejectedPrefixes.map((r) => ({ ...r })) } : {}),
    allows: [...rule.allows],
    ...(method.audience !== undefined ? { audience: method.audience } : {}),
    requires: method.requires.map((r, i) => {
      const { unlessSet, ...requirement } = rule.requires[i]!;
      return { ...requirement, ...(unlessSet !== undefined ? { unlessSet: [...unlessSet] } : {}), source: r.source };
    }),
    menuPaths: Object.fromEntries(yielded.map((name) => [name, menuPathsFor(method, name)])),
  };
}

/** What the island gets about a service, checked against its schema (the one place it is built). */
export function builderService(service: ResolvedService): BuilderService {
  const rules = viewRules(service);
  return servicePayloadSchema.parse({
    id: service.id,
    label: rules.label,
    consoleName: service.consoleName,
    profileFile: rules.profileFile,
    properties: service.properties.map(builderProperty),
    authMethods: service.authMethods.map(builderMethod),
    ...(rules.alternateForms ? { alternateForms: rules.alternateForms.map((f) => ({ ...f, properties: [...f.properties] })) } : {}),
    ...(rules.build ? { build: rules.build } : {}),
  });
}

/** The shared file: every general property as a service sees it when it does not narrow it. */
export function commonData(shared: readonly Property[]): CommonPayload {
  return commonPayloadSchema.parse({ properties: shared.filter((p) => p.placement === 'top').map(builderProperty) });
}

const same = (a: BuilderProperty, b: BuilderProperty) => JSON.stringify(a) === JSON.stringify(b);

/** What one service's file (or props) carries: its payload without the properties the shared file already holds. */
export function serviceData(service: ResolvedService, common: CommonPayload): BuilderService {
  if (service.id === commonDataId) throw new Error(`A service cannot have the id "${commonDataId}": it names the builder's shared data file`);
  const byName = new Map(common.properties.map((p) => [p.name, p]));
  const full = builderService(service);
  return { ...full, properties: full.properties.filter((p) => !(byName.has(p.name) && same(p, byName.get(p.name)!))) };
}

/**
 * A service as the builder lists it (picker, Profile recognition): its page title's name, its profile file and the
 * driver builds it documents, newest first (the build picker lists them when there are several).
 */
export function serviceSummary(service: ResolvedService, label: string): ServiceSummary {
  const builds = service.history.builds.map((b) => b.build);
  return { id: service.id, label, profileFile: service.profileFile, builds: builds.length > 0 ? builds : [service.dataVersion.build] };
}
