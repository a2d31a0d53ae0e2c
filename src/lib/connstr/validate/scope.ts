/**
 * Name-level checks on every entry of one level (known, documented spelling, secret, right level), then the
 * properties in effect there. Browser compatible, no side effects.
 */
import { foldKey } from '../chars.ts';
import { nameMatcher } from '../names.ts';
import { effectivePairs } from '../pairs.ts';
import { lookupProperty } from '../service.ts';
import type { PropertyRule } from '../rules.ts';
import type { Entry } from '../types.ts';
import type { Context, Present, Scope } from './context.ts';
import { fix, moveFix } from './fixes.ts';
import { fixTexts, messages } from '../messages.ts';

/** Name-level checks on every entry, then records the pairs in effect at this level in `ctx.present`. */
export function checkScope(ctx: Context, scope: Scope): void {
  for (let index = 0; index < scope.entries.length; index++) checkEntry(ctx, scope, index);
  for (const item of inEffect(ctx, scope)) {
    const list = ctx.present.get(item.property.name);
    if (list) list.push(item);
    else ctx.present.set(item.property.name, [item]);
  }
}

function checkEntry(ctx: Context, scope: Scope, index: number): void {
  const entry = scope.entries[index]!;
  const match = lookupProperty(ctx.service, entry.key);
  if (!match) return unknown(ctx, entry, index, scope);
  const { property } = match;
  if (entry.key !== property.name) {
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

/** The did-you-mean of each service's properties, prepared once (a file may hold 60,000 strings to check). */
const matchers = new WeakMap<readonly PropertyRule[], (key: string) => string | undefined>();

/** Did-you-mean for an unknown key, once per key (ignoring case, as the distance does): a long string may repeat one key many times. */
function suggestName(ctx: Context, key: string): string | undefined {
  const folded = foldKey(key);
  if (ctx.suggestions.has(folded)) return ctx.suggestions.get(folded);
  const properties = ctx.service.properties;
  let suggest = matchers.get(properties);
  if (!suggest) matchers.set(properties, (suggest = nameMatcher(properties.flatMap((p) => [p.name, ...p.aliases]))));
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
