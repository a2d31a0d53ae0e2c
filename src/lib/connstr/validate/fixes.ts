/**
 * The edits validation fixes are made of. Every edit a fix makes goes through `place`, the one way to put
 * edits into a level of the string: at the top level as they are, inside a nested ProfileSettings value made
 * safe for its outer quoting (`placeEdits` in ../edits.ts). Browser compatible, no side effects.
 */
import { foldKey, isWhitespace } from '../chars.ts';
import { placeEdits } from '../edits.ts';
import { quoteNestedValue, quoteValue, serialize } from '../serialize.ts';
import { lookupProperty } from '../service.ts';
import type { PropertyRule } from '../rules.ts';
import type { Entry, Fix, TextEdit } from '../types.ts';
import type { Context, Scope } from './context.ts';
import { fixTexts } from '../messages.ts';

/** Edits written against the entries of `scope`, placed into the string (the one mechanism). */
export function place(scope: Scope, edits: TextEdit[]): TextEdit[] {
  return placeEdits(scope.nested, edits);
}

export function fix(scope: Scope, description: string, edits: TextEdit[]): Fix {
  return { description, edits: place(scope, edits) };
}

/** Edits that give an entry a new value, quoted as needed (and escaped for the outer quotes when nested). */
export function replaceValue(scope: Scope, entry: Entry, value: string): TextEdit[] {
  return place(scope, [{ ...entry.valueSpan, text: quoteValue(value) }]);
}

/**
 * Edits that delete entries (indexes ascending) with their separators. Each run of neighbouring entries
 * is one edit, so the edits never overlap (two single-entry removals could share a `;`).
 */
export function removeEntries(ctx: Context, scope: Scope, indexes: readonly number[]): TextEdit[] {
  const entries = scope.entries;
  // Removing every setting of ProfileSettings removes the pair, not just its content (no ProfileSettings='' left).
  if (scope.nested && ctx.profileSettings && indexes.length === entries.length && profileSettingsCount(ctx) === 1) {
    return removeEntries(ctx, ctx.top, [indexIn(ctx, ctx.top, ctx.profileSettings.entry)]);
  }
  const edits: TextEdit[] = [];
  for (let r = 0; r < indexes.length; r++) {
    const first = indexes[r]!;
    let last = first;
    while (r + 1 < indexes.length && indexes[r + 1] === last + 1) last = indexes[++r]!;
    if (last + 1 < entries.length) edits.push({ start: entries[first]!.span.start, end: entries[last + 1]!.span.start, text: '' });
    else if (first > 0) edits.push({ start: entries[first - 1]!.span.end, end: entries[last]!.span.end, text: '' });
    else edits.push({ start: entries[first]!.span.start, end: entries[last]!.span.end, text: '' });
  }
  return place(scope, edits);
}

/** Edits that add `name=value` to the ProfileSettings list, creating ProfileSettings when there is none. */
export function addToProfileSettings(ctx: Context, name: string, value: string): TextEdit[] {
  const pairText = serialize([[name, value]]);
  const ps = ctx.profileSettings;
  if (!ps) return appendTop(ctx, serialize([['ProfileSettings', [[name, value]]]]));
  const scope = ps.scope;
  // No inner list to add to (an empty or unparsed value): the whole value is written, at the top level.
  if (!scope || !scope.nested) return place(ctx.top, [{ ...ps.entry.valueSpan, text: quoteNestedValue(pairText) }]);
  const last = scope.entries[scope.entries.length - 1];
  const edit = last
    ? { start: last.span.end, end: last.span.end, text: `;${pairText}` }
    : { start: scope.nested.within.start, end: scope.nested.within.end, text: pairText };
  return place(scope, [edit]);
}

/**
 * The string ends inside a value recovered from broken quoting (an unclosed quote runs to the end): text added at
 * the end would land inside that value and change nothing, so no fix appends there until the quote is repaired.
 */
export function endsInOpenQuote(ctx: Context): boolean {
  const last = ctx.top.entries[ctx.top.entries.length - 1];
  return last !== undefined && last.invalid === true && last.quoted !== null && last.valueSpan.end >= ctx.text.trimEnd().length;
}

/**
 * Text follows the closing quote of the entry's value (`text-after-quote`): the entry's span stops at the quote, so
 * removing the entry would leave that text behind, glued to the value before it. No removal until it is repaired.
 */
export function textAfterQuote(ctx: Context, entry: Entry): boolean {
  if (entry.invalid !== true || entry.quoted === null) return false;
  const end = entry.valueSpan.end;
  return ctx.result.problems.some((p) => p.code === 'text-after-quote' && p.span.start >= end && [...ctx.text.slice(end, p.span.start)].every((c) => isWhitespace(c.charCodeAt(0))));
}

/** An insertion of `pairText` at the end of the top level, with a `;` when one is needed. */
export function appendTop(ctx: Context, pairText: string): TextEdit[] {
  const text = ctx.text;
  const from = ctx.result.prefix?.span.end ?? 0;
  // Insert before trailing whitespace and NUL padding: text after a NUL is an error (grammar §2.2 TrailingNul).
  let at = text.length;
  while (at > from) {
    const code = text.charCodeAt(at - 1);
    if (code !== 0 && !isWhitespace(code)) break;
    at--;
  }
  const needsSeparator = at > from && text.charCodeAt(at - 1) !== 0x3b;
  return [{ start: at, end: at, text: `${needsSeparator ? ';' : ''}${pairText}` }];
}

/**
 * A fix that writes an entry, value kept, as `property` at the property's own level (`renamed`: the key
 * is respelled too). Undefined where moving would change which value is in effect.
 */
export function moveFix(ctx: Context, entry: Entry, index: number, scope: Scope, property: PropertyRule, renamed: boolean): Fix | undefined {
  const value = entry.value;
  // A ProfileSettings recovered from broken quoting has no reliable end to insert at or remove from.
  if (value === null || ctx.profileSettings?.entry.invalid) return undefined;
  // An overridden duplicate would win once moved (a later one at the same level is the one in effect now).
  if (lastIndex(ctx, scope.entries).get(foldKey(entry.key)) !== index) return undefined;
  // Already set where it belongs: moving this one there would override that value, so which one is meant is the user's call.
  const home = property.placement === 'top' ? ctx.top.entries : (ctx.profileSettings?.scope?.entries ?? []);
  if (namesSet(ctx, home).has(property.name)) return undefined;
  if (property.placement === 'profileSettings') {
    if (scope.level !== 'top') return undefined;
    // No ProfileSettings yet: the pair becomes one, in place.
    const edits = ctx.profileSettings
      ? [...removeEntries(ctx, ctx.top, [index]), ...addToProfileSettings(ctx, property.name, value)]
      : [{ ...entry.span, text: serialize([['ProfileSettings', [[property.name, value]]]]) }];
    return { description: fixTexts.moveInto(property.name, renamed), edits };
  }
  // Moving a ProfileSettings out would create a second top-level one that replaces the real list. With two
  // ProfileSettings, emptying the one in effect would bring back the other: the duplicate goes first.
  if (!ctx.profileSettings || property.name === 'ProfileSettings' || scope.level === 'top' || profileSettingsCount(ctx) > 1) return undefined;
  const outer = ctx.profileSettings.entry;
  const pairText = serialize([[property.name, value]]);
  // The last setting out takes the list with it: an empty ProfileSettings='' would be left otherwise. The others
  // land just before the list, so settings moved one after another keep the order they had in it.
  const edits =
    scope.entries.length === 1
      ? [{ ...outer.span, text: pairText }]
      : [...removeEntries(ctx, scope, [index]), ...place(ctx.top, [{ start: outer.span.start, end: outer.span.start, text: `${pairText};` }])];
  return { description: fixTexts.moveOut(property.name, renamed), edits };
}

/** How many ProfileSettings the top level writes (a second one replaces the first); counted once. */
export function profileSettingsCount(ctx: Context): number {
  return (ctx.psCount ??= ctx.top.entries.filter((e) => lookupProperty(ctx.service, e.key)?.property.name === 'ProfileSettings').length);
}

/** Per list of entries, built once (a long string may ask for every entry): the last index of each folded key. */
function lastIndex(ctx: Context, entries: readonly Entry[]): Map<string, number> {
  let map = ctx.lastIndexes.get(entries);
  if (!map) ctx.lastIndexes.set(entries, (map = new Map(entries.map((e, i) => [foldKey(e.key), i]))));
  return map;
}

/** Per list of entries, built once: the canonical names of the known properties it sets (with a value). */
function namesSet(ctx: Context, entries: readonly Entry[]): Set<string> {
  let set = ctx.nameSets.get(entries);
  if (!set) {
    set = new Set();
    for (const e of entries) {
      const name = e.value === null ? undefined : lookupProperty(ctx.service, e.key)?.property.name;
      if (name) set.add(name);
    }
    ctx.nameSets.set(entries, set);
  }
  return set;
}

/** Where each entry of a scope is, built once per scope (an entry may be asked about many times). */
export function indexIn(ctx: Context, scope: Scope, entry: Entry): number {
  let positions = ctx.positions.get(scope);
  if (!positions) {
    positions = new Map(scope.entries.map((e, i) => [e, i]));
    ctx.positions.set(scope, positions);
  }
  return positions.get(entry)!;
}
