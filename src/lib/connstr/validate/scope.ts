/**
 * Name-level checks on every entry of one level (known, documented spelling, secret, right level), then the
 * properties in effect there. Browser compatible, no side effects.
 */
import { foldKey } from '../chars.ts';
import { nameMatcher } from '../names.ts';
import { effectivePairs } from '../pairs.ts';
import { lookupProperty } from '../service.ts';
import type { AlternateForm, PropertyRule } from '../rules.ts';
import type { Entry } from '../types.ts';
import type { Context, Present, Scope } from './context.ts';
import { appendTop, endsInOpenQuote, fix, moveFix, profileSettingsCount, removeEntries, textAfterQuote } from './fixes.ts';
import { serialize } from '../serialize.ts';
import { fixTexts, messages } from '../messages.ts';

/** Name-level checks on every entry, then records the pairs in effect at this level in `ctx.present`. */
export function checkScope(ctx: Context, scope: Scope): void {
  for (let index = 0; index < scope.entries.length; index++) checkEntry(ctx, scope, index);
  for (const item of inEffect(ctx, scope)) {
    // An old property's one finding is to remove it: its value and the method's rules do not matter.
    if (item.property.deprecated) continue;
    const list = ctx.present.get(item.property.name);
    if (list) list.push(item);
    else ctx.present.set(item.property.name, [item]);
  }
}

function checkEntry(ctx: Context, scope: Scope, index: number): void {
  const entry = scope.entries[index]!;
  const match = lookupProperty(ctx.service, entry.key);
  if (!match) {
    const form = ctx.service.alternateForms?.find((f) => foldKey(f.name) === foldKey(entry.key));
    return form ? alternateForm(ctx, entry, index, scope, form) : unknown(ctx, entry, index, scope);
  }
  const { property } = match;
  // An old property goes, whatever its spelling or level: a rename or a move would only keep what the driver ignores.
  if (property.deprecated) return deprecated(ctx, entry, index, scope, property);
  // At the wrong level, the move is the one finding: it writes the documented spelling too.
  if (entry.key !== property.name && property.placement === scope.level) {
    ctx.add(
      {
        code: 'noncanonical-name',
        severity: 'info',
        message: messages.noncanonicalName(entry.key, property.name, match.via === 'alias'),
        span: entry.keySpan,
        property: property.name,
        fix: fix(scope, fixTexts.rename(property.name), [{ ...entry.keySpan, text: property.name }]),
      },
      scope,
    );
  }
  if (property.sensitive && ctx.options.reportSensitive !== false && entry.value !== null) {
    ctx.add({ code: 'sensitive', severity: 'info', message: messages.sensitive(property.name), span: entry.valueSpan, property: property.name }, scope);
  }
  if (property.placement !== scope.level) wrongLevel(ctx, entry, index, scope, property);
}

/** The known properties in effect at a level, one per property (two spellings of one: the later in the text). */
function inEffect(ctx: Context, scope: Scope): Present[] {
  const found: Present[] = [];
  const byName = new Map<string, Present>();
  for (const pair of effectivePairs(scope.entries)) {
    const match = lookupProperty(ctx.service, pair.key);
    if (!match) continue;
    const item: Present = { property: match.property, pair, scope };
    const earlier = byName.get(match.property.name);
    if (earlier) {
      // Two spellings of one property (a name and an alias, say): the driver keeps one of them.
      const [first, second] = earlier.pair.entry.span.start < pair.entry.span.start ? [earlier, item] : [item, earlier];
      ctx.add(
        {
          code: 'duplicate-property',
          severity: 'warning',
          message: messages.duplicateProperty(match.property.name, first.pair.key, second.pair.key),
          span: second.pair.entry.keySpan,
          related: [first.pair.entry.keySpan],
          property: match.property.name,
        },
        scope,
      );
      byName.set(match.property.name, second);
      found.splice(found.indexOf(earlier), 1, second);
      continue;
    }
    byName.set(match.property.name, item);
    found.push(item);
  }
  return found;
}

function unknown(ctx: Context, entry: Entry, index: number, scope: Scope): void {
  const { service } = ctx;
  const fact = service.build?.notInBuild.find((f) => f.value === undefined && foldKey(f.property) === foldKey(entry.key));
  if (service.build && fact) {
    ctx.add({ code: 'not-in-build', severity: 'warning', message: messages.notInBuild(fact.property, undefined, service.build.version, fact), span: entry.keySpan, property: fact.property }, scope);
    return;
  }
  const suggestion = suggestName(ctx, entry.key);
  const suggested = suggestion === undefined ? undefined : service.properties.find((p) => p.name === suggestion);
  // A rename alone to a name of the other level would trade this warning for a wrong-level error: move it too.
  const repair =
    suggestion === undefined
      ? undefined
      : suggested && suggested.placement !== scope.level
        ? moveFix(ctx, entry, index, scope, suggested, true)
        : fix(scope, fixTexts.rename(suggestion), [{ ...entry.keySpan, text: suggestion }]);
  // A plain name taken for a property (not one that pasting spoilt: that damage has its own finding first) stands
  // in for it: its rename is the one finding, not also "missing".
  if (repair && /^[A-Za-z0-9_ .-]+$/.test(entry.key)) ctx.suggested.add(suggestion!);
  ctx.add(
    {
      code: 'unknown-property',
      severity: 'warning',
      message: messages.unknownProperty(entry.key, scope.level, service.label, suggestion),
      span: entry.keySpan,
      fix: repair,
    },
    scope,
  );
}

/** A property of old builds: one finding, and a fix that removes it. */
function deprecated(ctx: Context, entry: Entry, index: number, scope: Scope, property: PropertyRule): void {
  const removable =
    !textAfterQuote(ctx, entry) && !(scope.nested !== undefined && scope.entries.length === 1 && profileSettingsCount(ctx) > 1) && !ctx.profileSettings?.entry.invalid;
  ctx.add(
    {
      code: 'deprecated-property',
      severity: 'warning',
      message: messages.deprecatedProperty(entry.key, property.name),
      span: entry.span,
      property: property.name,
      ...(removable ? { fix: { description: fixTexts.remove(property.name), edits: removeEntries(ctx, scope, [index]) } } : {}),
    },
    scope,
  );
}

/**
 * A form the service's page writes as other properties (Aircall's APIKey=<API ID>:<API token> as User and Password):
 * one finding, and a fix that writes the parts where they belong, when the value has all of them.
 */
function alternateForm(ctx: Context, entry: Entry, index: number, scope: Scope, split: AlternateForm): void {
  const value = entry.value ?? '';
  const parts: string[] = [];
  let rest = value;
  for (let i = 0; i < split.properties.length - 1; i++) {
    const cut = rest.indexOf(split.separator);
    if (cut < 0) break;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut + split.separator.length);
  }
  parts.push(rest);
  const targets = split.properties.map((name) => ctx.service.properties.find((p) => p.name === name));
  const complete = parts.length === split.properties.length && parts.every((p) => p.trim() !== '');
  // The parts take the properties' places: not also "missing" while this finding stands.
  for (const name of split.properties) ctx.suggested.add(name);
  const movable =
    complete &&
    targets.every((t) => t?.placement === 'top') &&
    !textAfterQuote(ctx, entry) &&
    !ctx.profileSettings?.entry.invalid &&
    !(scope.nested !== undefined && scope.entries.length === 1 && profileSettingsCount(ctx) > 1) &&
    !endsInOpenQuote(ctx);
  const edits = movable
    ? [...removeEntries(ctx, scope, [index]), ...appendTop(ctx, serialize(split.properties.map((name, i) => [name, parts[i]!] as const)))]
    : undefined;
  ctx.add(
    {
      code: 'alternate-form',
      severity: 'warning',
      message: messages.alternateForm(split.name, ctx.service.label, split.separator, split.properties),
      span: entry.span,
      ...(edits ? { fix: { description: fixTexts.splitInto(split.properties), edits } } : {}),
    },
    scope,
  );
}

/** The did-you-mean of each service's properties, prepared once (a file may hold 60,000 strings to check). */
const matchers = new WeakMap<readonly PropertyRule[], (key: string) => string | undefined>();

/** Each service's misnomers (folded) → the property they stand for, built once. */
const misnomerTables = new WeakMap<readonly PropertyRule[], Map<string, string>>();
function misnomerTable(properties: readonly PropertyRule[]): Map<string, string> {
  let table = misnomerTables.get(properties);
  if (!table) {
    table = new Map();
    for (const p of properties) if (!p.deprecated) for (const name of p.misnomers ?? []) if (!table.has(foldKey(name))) table.set(foldKey(name), p.name);
    misnomerTables.set(properties, table);
  }
  return table;
}

/** Did-you-mean for an unknown key, once per key (ignoring case, as the distance does): a long string may repeat one key many times. */
function suggestName(ctx: Context, key: string): string | undefined {
  const folded = foldKey(key);
  if (ctx.suggestions.has(folded)) return ctx.suggestions.get(folded);
  const properties = ctx.service.properties;
  // A name the data knows people type for a property wins over the closest spelling (AccessToken is Intercom's
  // APIKey, not OAuthAccessToken). An old property is never suggested: its one advice is to remove it.
  const known = misnomerTable(properties).get(folded);
  if (known !== undefined) {
    ctx.suggestions.set(folded, known);
    return known;
  }
  let suggest = matchers.get(properties);
  if (!suggest) matchers.set(properties, (suggest = nameMatcher(properties.flatMap((p) => (p.deprecated ? [] : [p.name, ...p.aliases])))));
  const guess = suggest(key);
  const suggestion = guess === undefined ? undefined : lookupProperty(ctx.service, guess)?.property.name;
  ctx.suggestions.set(folded, suggestion);
  return suggestion;
}

/** A property written at the wrong level; the fix moves the pair (value kept) to where it belongs. */
function wrongLevel(ctx: Context, entry: Entry, index: number, scope: Scope, property: PropertyRule): void {
  const repair = moveFix(ctx, entry, index, scope, property, false);
  ctx.add({ code: 'wrong-level', severity: 'error', message: messages.wrongLevel(property.name, property.placement, property.origin === 'service'), span: entry.span, property: property.name, fix: repair }, scope);
}
