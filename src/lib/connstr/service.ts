/**
 * Property and auth-method lookup in a service's rules.
 * Browser compatible, no side effects.
 */
import { expectInput, expectService, expectString } from './guard.ts';
import { foldKey } from './chars.ts';
import { effectivePairs, type EffectivePair } from './pairs.ts';
import { parseAny } from './parse.ts';
import type { MethodRule, PropertyRule } from './rules.ts';
import type { ParseResult } from './types.ts';

/** How a written key matched a property: its canonical name in any case, or one of its aliases. */
export type PropertyMatch<P extends PropertyRule = PropertyRule> = { property: P; via: 'name' | 'alias' };

/** Finds a property by name or alias, ignoring case. Generic so a caller with richer property data gets it back. */
export function lookupProperty<P extends PropertyRule>(service: { readonly properties: readonly P[] }, key: string): PropertyMatch<P> | undefined {
  if (service === null || typeof service !== 'object' || !Array.isArray(service.properties)) expectService('lookupProperty(service, key)', 'service', service);
  expectString('lookupProperty(service, key)', 'key', key);
  return (propertyIndex(service.properties) as Map<string, PropertyMatch<P>>).get(foldKey(key));
}

/**
 * Each list of properties' lookup table, built on its first lookup (a pasted string asks once per key, and may
 * hold 100,000 keys): folded names first, then folded aliases no name has taken, each to its first property.
 */
const indexes = new WeakMap<readonly PropertyRule[], Map<string, PropertyMatch>>();
function propertyIndex(properties: readonly PropertyRule[]): Map<string, PropertyMatch> {
  let index = indexes.get(properties);
  if (!index) {
    index = new Map();
    for (const property of properties) {
      const folded = foldKey(property.name);
      if (!index.has(folded)) index.set(folded, { property, via: 'name' });
    }
    for (const property of properties) {
      for (const alias of property.aliases) {
        const folded = foldKey(alias);
        if (!index.has(folded)) index.set(folded, { property, via: 'alias' });
      }
    }
    indexes.set(properties, index);
  }
  return index;
}

/**
 * The auth method a string selects: the method whose `authSchemes` lists the AuthScheme value (ignoring
 * case); without an AuthScheme, the first method whose `impliedWhenSet` credentials are all set (`isSet` says
 * which canonical property names the string sets), else the method marked `impliedWithoutAuthScheme`, else the
 * only method.
 */
export function resolveMethod<M extends MethodRule>(
  service: { readonly authMethods: readonly M[] },
  authScheme: string | undefined,
  isSet: (name: string) => boolean = () => false,
): M | undefined {
  if (service === null || typeof service !== 'object' || !Array.isArray(service.authMethods)) expectService('resolveMethod(service, authScheme)', 'service', service);
  if (authScheme !== undefined) expectString('resolveMethod(service, authScheme)', 'authScheme', authScheme);
  if (authScheme !== undefined) {
    const folded = foldKey(authScheme.trim());
    return service.authMethods.find((m) => m.authSchemes.some((s) => foldKey(s) === folded));
  }
  const byCredential = service.authMethods.find((m) => m.impliedWhenSet !== undefined && m.impliedWhenSet.length > 0 && m.impliedWhenSet.every(isSet));
  return byCredential ?? service.authMethods.find((m) => m.impliedWithoutAuthScheme) ?? (service.authMethods.length === 1 ? service.authMethods[0] : undefined);
}

/**
 * The one answer to "which auth method does this string select": the AuthScheme in effect at the top level
 * (any case of the name or an alias; of two spellings the later in the text wins, as a driver reading in
 * order keeps it), and the method `resolveMethod` gives for its value (without AuthScheme: the method whose
 * credentials the string sets, else the default method; `undefined` when the value selects no documented
 * method). An AuthScheme inside ProfileSettings selects nothing: the driver does not read it there. Strings are
 * read with `parseAny`.
 */
export function selectMethod<M extends MethodRule>(
  service: { readonly properties: readonly PropertyRule[]; readonly authMethods: readonly M[] },
  input: string | ParseResult,
): { method: M | undefined; authScheme: EffectivePair | undefined } {
  expectService('selectMethod(service, input)', 'service', service);
  expectInput('selectMethod(service, input)', 'input', input);
  const result = typeof input === 'string' ? parseAny(input) : input;
  let authScheme: EffectivePair | undefined;
  for (const pair of effectivePairs(result.entries)) {
    if (lookupProperty(service, pair.key)?.property.name !== 'AuthScheme') continue;
    if (!authScheme || authScheme.entry.span.start < pair.entry.span.start) authScheme = pair;
  }
  return { method: resolveMethod(service, authScheme?.value, (name) => setNames(service, result).has(name)), authScheme };
}

/** Canonical names of the known properties a string sets with a non-empty value, at the top level or inside ProfileSettings. */
function setNames(service: { readonly properties: readonly PropertyRule[] }, result: ParseResult): Set<string> {
  const names = new Set<string>();
  for (const pair of effectivePairs(result.entries)) {
    const nested = pair.entry.nested;
    if (nested && lookupProperty(service, pair.key)?.property.name === 'ProfileSettings') {
      for (const inner of effectivePairs(nested.entries)) if (inner.value.trim() !== '') names.add(lookupProperty(service, inner.key)?.property.name ?? inner.key);
      continue;
    }
    if (pair.value.trim() !== '') names.add(lookupProperty(service, pair.key)?.property.name ?? pair.key);
  }
  return names;
}

/** Canonical names of the properties an auth method requires or allows. */
export function methodProperties(method: MethodRule): Set<string> {
  return new Set([...method.requires.map((r) => r.property), ...method.allows]);
}
