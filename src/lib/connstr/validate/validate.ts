/**
 * Checks a connection string against one service's metadata: names, levels (top or ProfileSettings),
 * value types, the chosen auth method's requirements, the profile file, secrets. Returns problems with
 * positions and, where the repair is unambiguous, one-click fixes (text edits against the input).
 * Browser compatible, no side effects.
 *
 * The checks live beside this file: scope.ts (names and levels), values.ts, profile.ts, method.ts; fixes.ts
 * builds every fix's edits; ../messages.ts holds every text a user reads.
 */
import { expectInput, expectOptionalObject, expectService } from '../guard.ts';
import { effectivePairs } from '../pairs.ts';
import { parseAny, sortProblems } from '../parse.ts';
import { lookupProperty } from '../service.ts';
import type { ServiceRules } from '../rules.ts';
import type { ParseResult, Problem } from '../types.ts';
import { Context, type ValidateOptions } from './context.ts';
import { checkCommaSeparated } from './commas.ts';
import { checkMethod } from './method.ts';
import { checkProfile } from './profile.ts';
import { concealSecrets } from './secrecy.ts';
import { checkScope } from './scope.ts';
import { checkValue } from './values.ts';

export type { ValidateOptions } from './context.ts';

/**
 * Validates a connection string (or a parse result) against a service.
 *
 * Problems come sorted by position. Each carries a stable `code`, a one-sentence `message`, the `span`
 * it concerns, the canonical `property` name when there is one, and a `fix` when one edit set repairs it
 * (apply it with `applyEdits(text, fix.edits)`). No message or fix description shows a secret value (see
 * ../secrets.ts); fix edits do carry values, since applying them rewrites the user's own string. Strings are parsed with `parseAny`, so a `jdbc:api:`
 * URL is accepted. Never throws.
 */
export function validate(input: string | ParseResult, service: ServiceRules, options: ValidateOptions = {}): Problem[] {
  expectInput('validate(input, service)', 'input', input);
  expectService('validate(input, service)', 'service', service);
  expectOptionalObject('validate(input, service, options)', 'options', options);
  const result = typeof input === 'string' ? parseAny(input) : input;
  const ctx = new Context(result, service, options);
  // A loop, not push(...): spreading 100k+ parse problems as arguments overflows the stack.
  if (options.includeParseProblems !== false) for (const p of result.problems) ctx.problems.push(p);
  // Find the ProfileSettings in effect first: moving a property into it needs to know where it is.
  // An overwritten ProfileSettings only matters as a duplicate, which the parser reports.
  const ps = effectivePairs(ctx.top.entries).find((p) => lookupProperty(service, p.key)?.property.name === 'ProfileSettings');
  if (ps) {
    const nested = ps.entry.nested;
    ctx.profileSettings = { entry: ps.entry, scope: nested ? { level: 'profileSettings', entries: nested.entries, nested } : undefined };
  }
  checkScope(ctx, ctx.top);
  if (ctx.profileSettings?.scope) checkScope(ctx, ctx.profileSettings.scope);
  for (const list of ctx.present.values()) {
    // A setting at the wrong level: its move is its one note; a value the driver would reject still gets its error.
    for (const item of list) checkValue(ctx, item, item.scope.level !== item.property.placement);
    // The occurrence at the property's own level comes first: it is the one the driver reads.
    list.sort((a, b) => Number(b.scope.level === b.property.placement) - Number(a.scope.level === a.property.placement));
  }
  checkCommaSeparated(ctx);
  checkProfile(ctx);
  checkMethod(ctx);
  return sortProblems(concealSecrets(ctx.problems, result, [service]));
}
