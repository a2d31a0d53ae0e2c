/**
 * Rewrites a connection string in the canonical form the docs publish: documented spelling of keys
 * and enum values, duplicates resolved, a stable order, ProfileSettings canonicalized too.
 * Browser compatible, no side effects.
 *
 * The meaning is kept: nothing is moved between levels and no value other than an enum's casing is
 * changed (use `validate`'s fixes for repairs). Order, top level:
 *  1. Profile, 2. AuthScheme, 3. ProfileSettings,
 *  4. the properties the selected auth method requires, in the method's order,
 *  5. the properties it allows, in the method's order,
 *  6. every other known property, alphabetically (ignoring case),
 *  7. unknown keys, in the order written.
 * Inside ProfileSettings the same order applies from step 4 on.
 */
import { expectInput, expectIterable, expectService } from './guard.ts';
import { foldKey } from './chars.ts';
import { effectivePairs } from './pairs.ts';
import { parseAny } from './parse.ts';
import { serialize } from './serialize.ts';
import { lookupProperty, resolveMethod, selectMethod } from './service.ts';
import type { MethodRule, PropertyRule, ServiceRules } from './rules.ts';
import type { Entry, Pair, ParseResult } from './types.ts';

const FIRST: Record<string, number> = { Profile: 0, AuthScheme: 1, ProfileSettings: 2 };

interface Item {
  key: string;
  value: string | readonly Pair[];
  known: boolean;
  /** Position in the text of the winning occurrence, for the unknown keys' order and last-wins merging. */
  position: number;
  /** Position of the occurrence whose value is used. */
  winning: number;
}

/**
 * The canonical pairs of a string (nested ProfileSettings as a pair list). Without a service, keys keep
 * their spelling and order; only duplicates and removals are resolved.
 */
export function canonicalPairs(input: string | ParseResult, service?: ServiceRules): Pair[] {
  expectInput('canonicalPairs(input, service)', 'input', input);
  if (service !== undefined) expectService('canonicalPairs(input, service)', 'service', service);
  const result = typeof input === 'string' ? parseAny(input) : input;
  const method = service ? selectMethod(service, result).method : undefined;
  return canonicalLevel(result.entries, service, method, true);
}

/** The canonical connection string of `input` (see the module comment for the order). */
export function canonicalize(input: string | ParseResult, service?: ServiceRules): string {
  expectInput('canonicalize(input, service)', 'input', input);
  if (service !== undefined) expectService('canonicalize(input, service)', 'service', service);
  return serialize(canonicalPairs(input, service));
}

/**
 * Pairs a caller built (the builder's form) in the canonical form `canonicalize` gives their string, without
 * writing and reading them back: documented key spelling, enum values in their canonical casing, the canonical
 * order for the method their AuthScheme selects. Each key once (of two, the later pair wins).
 */
export function canonicalOrder(pairs: Iterable<Pair>, service: ServiceRules): Pair[] {
  expectIterable('canonicalOrder(pairs, service)', 'pairs', pairs);
  expectService('canonicalOrder(pairs, service)', 'service', service);
  const list = [...pairs];
  let authScheme: string | undefined;
  for (const [key, value] of list) if (typeof value === 'string' && lookupProperty(service, key)?.property.name === 'AuthScheme') authScheme = value;
  return pairLevel(list, service, resolveMethod(service, authScheme), true);
}

function pairLevel(pairs: readonly Pair[], service: ServiceRules, method: MethodRule | undefined, top: boolean): Pair[] {
  const items = new Map<string, Item>();
  pairs.forEach(([key, value], position) => {
    const property = lookupProperty(service, key)?.property;
    const written = typeof value === 'string' ? canonicalValue(property, value) : top ? pairLevel(value, service, method, false) : value;
    addItem(items, { key: property?.name ?? key, value: written, known: property !== undefined, position, winning: position });
  });
  return ordered([...items.values()], method, top);
}

function canonicalLevel(entries: readonly Entry[], service: ServiceRules | undefined, method: MethodRule | undefined, top: boolean): Pair[] {
  const items = new Map<string, Item>();
  for (const pair of effectivePairs(entries)) {
    const property = service ? lookupProperty(service, pair.key)?.property : undefined;
    let value: string | readonly Pair[] = canonicalValue(property, pair.value);
    // A nested list is rebuilt from its pairs unless it has syntax errors (then its text is kept as is).
    const nested = pair.entry.nested;
    if (top && nested && !nested.problems.some((p) => p.severity === 'error')) {
      value = canonicalLevel(nested.entries, service, method, false);
    }
    addItem(items, { key: property?.name ?? pair.key, value, known: property !== undefined, position: pair.occurrences[0]!.span.start, winning: pair.entry.span.start });
  }
  if (!service) return [...items.values()].map((i) => [i.key, i.value] as const);
  return ordered([...items.values()], method, top);
}

/** An enum value in its canonical casing; any other value as it is. */
function canonicalValue(property: PropertyRule | undefined, value: string): string {
  if (property?.type !== 'enum') return value;
  return property.allowedValues?.find((v) => foldKey(v.value) === foldKey(value.trim()))?.value ?? value;
}

/**
 * Two spellings of one property (name and alias): the later one in the text wins, as a driver reading in order
 * would, and the pair keeps the earlier position.
 */
function addItem(items: Map<string, Item>, item: Item): void {
  const id = foldKey(item.key);
  const earlier = items.get(id);
  if (!earlier) items.set(id, item);
  else if (earlier.winning < item.winning) items.set(id, { ...item, position: Math.min(earlier.position, item.position) });
}

/** Items in the canonical order (see the module comment). */
function ordered(items: readonly Item[], method: MethodRule | undefined, top: boolean): Pair[] {
  const rank = new Map<string, number>();
  method?.requires.forEach((r, i) => rank.has(r.property) || rank.set(r.property, 10 + i));
  method?.allows.forEach((name, i) => rank.has(name) || rank.set(name, 1000 + i));
  const key = (item: Item): [number, string, number] => {
    if (!item.known) return [3, '', item.position];
    if (top && item.key in FIRST) return [0, '', FIRST[item.key]!];
    const r = rank.get(item.key);
    if (r !== undefined) return [1, '', r];
    return [2, foldKey(item.key), 0];
  };
  return items
    .map((item) => ({ item, k: key(item) }))
    .sort((a, b) => a.k[0] - b.k[0] || (a.k[1] < b.k[1] ? -1 : a.k[1] > b.k[1] ? 1 : 0) || a.k[2] - b.k[2])
    .map(({ item }) => [item.key, item.value] as const);
}
