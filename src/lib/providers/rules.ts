/**
 * The one projection from a catalog service to the connection-string engine's rules (`ServiceRules`, declared by
 * the engine): its display name, its profile file, and the facts of each property and auth method the engine
 * checks, nothing else. Every caller of the engine hands it this (the example checks, the builder's payload, the
 * CLI, and the MCP and import tools to come), so every message names the service the way its page title does.
 * Nothing heavy is imported (types and the label), so the builder can use it without the catalog builder.
 */
import type { MethodRule, PropertyRule, ServiceRules } from '../connstr/index.ts';
import type { ResolvedProperty, ResolvedBuild, ResolvedService } from './resolved.ts';
import type { AuthMethod, Property } from './schema.ts';
import { serviceLabel } from './service-facts.ts';

/**
 * A property as the engine checks it: names, value kind, placement (the service's own, where it writes a shared
 * property elsewhere), secrecy, where it comes from, default and allowed values. `origin` is carried only for a
 * service's own setting: the engine reads its absence as shared, and a shared property then stays identical to the
 * builder's shared copy of it.
 */
export function propertyRule(property: Property | ResolvedProperty): PropertyRule {
  return {
    name: property.name,
    aliases: property.aliases,
    type: property.type,
    placement: property.placement,
    sensitive: property.sensitive,
    ...('origin' in property && property.origin === 'service' ? { origin: 'service' as const } : {}),
    ...(property.default !== undefined ? { default: property.default } : {}),
    ...(property.allowedValues ? { allowedValues: property.allowedValues.map((v) => ({ value: v.value })) } : {}),
    ...(property.deprecated ? { deprecated: true } : {}),
    ...(property.misnomers.length > 0 ? { misnomers: property.misnomers } : {}),
  };
}

/**
 * An auth method as the engine checks it: what selects it (an AuthScheme value, being the default, or the
 * credentials a string sets), what it requires and what it allows.
 */
export function methodRule(method: AuthMethod): MethodRule {
  return {
    id: method.id,
    label: method.label,
    authSchemes: method.authSchemes,
    impliedWithoutAuthScheme: method.impliedWithoutAuthScheme,
    ...(method.impliedWhenSet.length > 0 ? { impliedWhenSet: method.impliedWhenSet } : {}),
    requires: method.requires.map((r) => ({
      property: r.property,
      ...(r.value !== undefined ? { value: r.value } : {}),
      valueRule: r.valueRule,
      ...(r.unlessSet.length > 0 ? { unlessSet: r.unlessSet } : {}),
    })),
    allows: method.allows,
    ...(rejected(method).length > 0 ? { rejectedPrefixes: rejected(method) } : {}),
  };
}

/** The prefixes the method's pitfalls say a value must not carry (Discord's bot token without "Bot "). */
function rejected(method: AuthMethod): { property: string; prefix: string }[] {
  return method.pitfalls.flatMap((p) => (p.property !== undefined && p.rejectedPrefix !== undefined ? [{ property: p.property, prefix: p.rejectedPrefix }] : []));
}

/** The builds a service documents, newest first (its newest, then each older one). */
export function serviceBuilds(service: ResolvedService): ResolvedBuild[] {
  return [service, ...service.history.older];
}

/** The service as one of its builds documents it, or undefined when it documents no such build. */
export function serviceAt(service: ResolvedService, build: string | undefined): ResolvedBuild | undefined {
  if (build === undefined) return service;
  return serviceBuilds(service).find((b) => b.dataVersion.build === build);
}

/**
 * Why a service cannot be checked against a build: the builds it documents, newest first. One sentence for every
 * caller (the CLI's usage error and unknown-build finding, the MCP tools' error and finding), without a full stop.
 */
export function undocumentedBuild(service: ResolvedService, build: string): string {
  const builds = serviceBuilds(service).map((b) => b.dataVersion.build);
  return `${serviceLabel(service)} is documented for build${builds.length > 1 ? 's' : ''} ${builds.join(', ')}, not ${build}`;
}

/** The rules to check a string against, and (when the service documents no such build) the unknown-build finding's message. */
export type BuildCheck = { rules: ServiceRules; unknownBuild?: string };

/**
 * The rules of the build a caller asks for (default: the newest). A build the service does not document is checked
 * against the newest instead, and `unknownBuild` says so, so a caller reports it rather than checking nothing.
 */
export function rulesForBuild(service: ResolvedService, build: string | undefined): BuildCheck {
  const chosen = serviceAt(service, build);
  if (chosen) return { rules: buildRules(chosen, service.history) };
  // The newest as when no build is asked for (a value only older builds list still names the build that removed it).
  return { rules: buildRules(service, service.history), unknownBuild: `${undocumentedBuild(service, build!)}; the string is checked against ${service.dataVersion.build}, the newest.` };
}

const builtAt = new WeakMap<ResolvedBuild, ServiceRules>();

/**
 * The engine's rules for one build of a service (default: the newest), with what the other builds list and it does
 * not, so a value or property of another build draws a `not-in-build` finding naming the build that added or
 * removed it. A service with one build gets the plain rules.
 */
export function serviceRulesAt(service: ResolvedService, build?: string): ServiceRules | undefined {
  const chosen = serviceAt(service, build);
  return chosen ? buildRules(chosen, service.history) : undefined;
}

/** The rules of the build a page documents (a service, or an older build's view of it with the service's history). */
export function viewRules(view: ResolvedService): ServiceRules {
  return buildRules(view, view.history);
}

function buildRules(chosen: ResolvedBuild, history: ResolvedService['history']): ServiceRules {
  if (history.older.length === 0) return serviceRules(chosen);
  let rules = builtAt.get(chosen);
  if (!rules) {
    const version = chosen.dataVersion.build;
    rules = { ...serviceRules(chosen), build: { version, notInBuild: history.notInBuild[version] ?? [] } };
    builtAt.set(chosen, rules);
  }
  return rules;
}

const built = new WeakMap<ResolvedBuild, ServiceRules>();

/** The engine's rules for a catalog service (built once per service object). */
export function serviceRules(service: ResolvedBuild): ServiceRules {
  let rules = built.get(service);
  if (!rules) {
    rules = {
      label: serviceLabel(service),
      profileFile: service.profileFile,
      properties: service.properties.map(propertyRule),
      authMethods: service.authMethods.map(methodRule),
      ...(service.alternateForms.length > 0 ? { alternateForms: service.alternateForms } : {}),
    };
    built.set(service, rules);
  }
  return rules;
}
