/**
 * Property lookup in a service's metadata, without loading the catalog (which needs zod at runtime).
 * Browser compatible, no side effects.
 */
import type { ResolvedProperty, ResolvedService } from '../providers/catalog.ts';
import type { AuthMethod } from '../providers/schema.ts';
import { foldKey } from './chars.ts';

/** How a written key matched a property: its canonical name in any case, or one of its aliases. */
export type PropertyMatch = { property: ResolvedProperty; via: 'name' | 'alias' };

/** Finds a property by name or alias, ignoring case (same rule as `findProperty` in the catalog). */
export function lookupProperty(service: ResolvedService, key: string): PropertyMatch | undefined {
  const folded = foldKey(key);
  for (const property of service.properties) {
    if (foldKey(property.name) === folded) return { property, via: 'name' };
  }
  for (const property of service.properties) {
    if (property.aliases.some((alias) => foldKey(alias) === folded)) return { property, via: 'alias' };
  }
  return undefined;
}

/**
 * The auth method a string selects: the method whose `authSchemes` lists the AuthScheme value (ignoring
 * case); without an AuthScheme, the method marked `impliedWithoutAuthScheme`, or the only method.
 */
export function resolveMethod(service: ResolvedService, authScheme: string | undefined): AuthMethod | undefined {
  if (authScheme !== undefined) {
    const folded = foldKey(authScheme.trim());
    return service.authMethods.find((m) => m.authSchemes.some((s) => foldKey(s) === folded));
  }
  return service.authMethods.find((m) => m.impliedWithoutAuthScheme) ?? (service.authMethods.length === 1 ? service.authMethods[0] : undefined);
}

/** Canonical names of the properties an auth method requires or allows. */
export function methodProperties(method: AuthMethod): Set<string> {
  return new Set([...method.requires.map((r) => r.property), ...method.allows]);
}
