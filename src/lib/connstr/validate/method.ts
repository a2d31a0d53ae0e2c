/**
 * The auth-method check: which method the string selects (`selectMethod`, the engine's one owner of that
 * answer), what the method needs, and what it ignores. Browser compatible, no side effects.
 */
import { foldKey } from '../chars.ts';
import { serialize } from '../serialize.ts';
import { methodProperties, resolveMethod, selectMethod } from '../service.ts';
import type { MethodRule, RequirementRule } from '../rules.ts';
import type { Fix, Span } from '../types.ts';
import type { Context } from './context.ts';
import { addToProfileSettings, appendTop, endsInOpenQuote, indexIn, profileSettingsCount, removeEntries, replaceValue, textAfterQuote } from './fixes.ts';
import { fixTexts, messages } from '../messages.ts';

/** The auth method: which one the string selects, what it needs, and what it ignores. */
export function checkMethod(ctx: Context): void {
  const { service } = ctx;
  const { method, authScheme } = selectMethod(service, ctx.result);
  const documented = service.authMethods.flatMap((m) => m.authSchemes);
  // AuthScheme written only inside ProfileSettings (as the vendor's Intercom text says to): it selects nothing
  // until its move to the top level, so judging the string by another method (the default) would tell the user
  // to remove the very settings they mean to move. The move comes first; the method is checked after it.
  const misplaced = authScheme ? undefined : ctx.present.get('AuthScheme')?.find((item) => item.scope.level !== item.property.placement);
  if (misplaced && resolveMethod(service, misplaced.pair.value) !== method) return;
  if (authScheme && !method) {
    const allowed = service.properties.find((p) => p.name === 'AuthScheme')?.allowedValues?.map((v) => v.value) ?? [];
    const value = authScheme.value.trim();
    if (allowed.some((v) => foldKey(v) === foldKey(value))) {
      ctx.add({
        code: 'undocumented-auth-scheme',
        severity: 'warning',
        message: messages.undocumentedAuthScheme(value, service.label, documented),
        span: authScheme.entry.valueSpan,
        property: 'AuthScheme',
      });
    }
    return;
  }
  if (!method) {
    ctx.add({
      code: 'missing-auth-scheme',
      severity: 'error',
      message: messages.missingAuthScheme(service.label, documented),
      span: { start: ctx.text.length, end: ctx.text.length },
      property: 'AuthScheme',
    });
    return;
  }
  const anchor = authScheme ? authScheme.entry.span : { start: ctx.text.length, end: ctx.text.length };
  for (const req of method.requires) checkRequirement(ctx, method, req, anchor);
  checkIgnored(ctx, method);
}

/** One requirement of the selected method: set, not empty, and with the value it needs. */
function checkRequirement(ctx: Context, method: MethodRule, req: RequirementRule, anchor: Span): void {
  const label = method.label;
  const property = ctx.service.properties.find((p) => p.name === req.property);
  const item = ctx.present.get(req.property)?.[0];
  if (!item || (item.scope.level !== property?.placement && property !== undefined)) {
    // Written only at the wrong level: `wrong-level` already says where to move it. Written under a name the
    // did-you-mean takes for it (RedirectURL for CallbackURL): the rename is the one finding.
    if (item || ctx.suggested.has(req.property)) return;
    const fix: Fix | undefined =
      req.value !== undefined && !(property?.placement === 'profileSettings' && ctx.profileSettings?.entry.invalid) && !endsInOpenQuote(ctx)
        ? {
            description: fixTexts.add(req.property, req.value),
            edits: property?.placement === 'profileSettings' ? addToProfileSettings(ctx, req.property, req.value) : appendTop(ctx, serialize([[req.property, req.value]])),
          }
        : undefined;
    ctx.add({
      code: 'missing-required',
      severity: 'error',
      message: messages.missingRequired(label, req.property, req.value, property?.placement),
      span: anchor,
      property: req.property,
      fix,
    });
    return;
  }
  const { value, entry } = item.pair;
  if (value.trim() === '') {
    ctx.add(
      {
        code: 'missing-required',
        severity: 'error',
        message: messages.emptyRequired(label, req.property),
        span: entry.valueSpan,
        property: req.property,
        fix: req.value !== undefined ? { description: fixTexts.set(req.property, req.value), edits: replaceValue(item.scope, entry, req.value) } : undefined,
      },
      item.scope,
    );
    return;
  }
  if (req.value !== undefined && foldKey(value.trim()) !== foldKey(req.value)) {
    // A value outside a closed list already has its finding (`invalid-enum-value`): one finding per mistake.
    const allowed = property?.type === 'enum' ? (property.allowedValues ?? []) : [];
    if (allowed.length > 0 && !allowed.some((v) => foldKey(v.value) === foldKey(value.trim()))) return;
    const unless = req.unlessSet ?? [];
    if (unless.length > 0) {
      // Another value works only with what it leaves to the user (InitiateOAuth=OFF and your own OAuthAccessToken).
      if (unless.some((name) => isSet(ctx, name))) return;
      ctx.add(
        {
          code: 'required-value',
          severity: 'error',
          message: messages.noAccessToken(label, req.property, ctx.show(entry.key, value), req.value, unless),
          span: entry.valueSpan,
          property: req.property,
          fix: { description: fixTexts.set(req.property, req.value), edits: replaceValue(item.scope, entry, req.value) },
        },
        item.scope,
      );
      return;
    }
    const required = req.valueRule === 'required';
    ctx.add(
      {
        code: required ? 'required-value' : 'recommended-value',
        severity: required ? 'error' : 'info',
        message: (required ? messages.requiredValue : messages.recommendedValue)(label, req.property, req.value, ctx.show(entry.key, value)),
        span: entry.valueSpan,
        property: req.property,
        fix: { description: fixTexts.set(req.property, req.value), edits: replaceValue(item.scope, entry, req.value) },
      },
      item.scope,
    );
  }
}

/** A property is in effect with a non-empty value, at its own level. */
function isSet(ctx: Context, name: string): boolean {
  return ctx.present.get(name)?.some((item) => item.scope.level === item.property.placement && item.pair.value.trim() !== '') ?? false;
}

/** Auth properties another method uses but this one does not: the driver ignores them here. */
function checkIgnored(ctx: Context, method: MethodRule): void {
  const mine = methodProperties(method);
  const others = new Map<string, MethodRule>();
  for (const other of ctx.service.authMethods) {
    if (other === method) continue;
    for (const name of methodProperties(other)) if (!others.has(name)) others.set(name, other);
  }
  for (const [name, list] of ctx.present) {
    if (name === 'AuthScheme' || name === 'Profile' || name === 'ProfileSettings' || mine.has(name)) continue;
    const other = others.get(name);
    if (!other) continue;
    for (const item of list) {
      // Written at the wrong level: `wrong-level` moves it, and its place decides whether the method then uses it.
      if (item.scope.level !== item.property.placement) continue;
      // Every occurrence in effect goes: removing only the last would let an earlier duplicate take over.
      const indexes = item.pair.occurrences.map((entry) => indexIn(ctx, item.scope, entry));
      // Emptying the ProfileSettings in effect while another one is written would leave ProfileSettings='' (or
      // bring the other back): the duplicate-key fix goes first, so this one waits.
      const empties = item.scope.nested !== undefined && indexes.length === item.scope.entries.length && profileSettingsCount(ctx) > 1;
      // Text after a closing quote belongs to no entry: removing the entry would leave it glued to the value before.
      const stranded = item.pair.occurrences.some((entry) => textAfterQuote(ctx, entry));
      ctx.add(
        {
          code: 'ignored-by-method',
          severity: 'warning',
          message: messages.ignoredByMethod(method.label, name, other.label),
          span: item.pair.entry.span,
          property: name,
          ...(empties || stranded ? {} : { fix: { description: fixTexts.remove(name), edits: removeEntries(ctx, item.scope, indexes) } }),
        },
        item.scope,
      );
    }
  }
}
