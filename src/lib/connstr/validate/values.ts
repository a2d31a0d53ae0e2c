/**
 * Type checks on the values in effect: placeholders copied from examples, enum values, booleans, whole
 * numbers, URLs. Browser compatible, no side effects.
 */
import { foldKey } from '../chars.ts';
import { closestName } from '../names.ts';
import { remoteLocation } from '../remote.ts';
import type { Entry, Problem } from '../types.ts';
import type { Context, Present, Scope } from './context.ts';
import { replaceValue } from './fixes.ts';
import { fixTexts, messages } from '../messages.ts';

/** Values copied from documentation examples (`your_client_id`, `my_api_key`, `<token>`). */
export const PLACEHOLDER = /^(?:(?:your|my)_[a-z0-9_]+|<[^<>]+>)$/i;
const BOOLEAN = /^(?:true|false)$/i;
const INTEGER = /^\s*[+-]?[0-9]+\s*$/;
// One host character, then any non-space text. (`[^\s/?#]+\S*$` matched the same strings but backtracked
// quadratically on a long value with a space in it.)
const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\/[^\s/?#]\S*$/i;
/** Spellings people use for booleans, mapped to what the driver documents. */
const BOOLEAN_SYNONYMS: Record<string, 'true' | 'false'> = { yes: 'true', y: 'true', on: 'true', '1': 'true', no: 'false', n: 'false', off: 'false', '0': 'false' };

/** What a value check needs to report on one pair. */
interface At {
  ctx: Context;
  scope: Scope;
  entry: Entry;
  name: string;
  value: string;
}

/** Adds a problem on the pair's value; `fix` comes last (the order problems are serialized in stays the same). */
function report(at: At, { code, severity, message, ...fix }: Pick<Problem, 'code' | 'severity' | 'message' | 'fix'>): void {
  at.ctx.add({ code, severity, message, span: at.entry.valueSpan, property: at.name, ...fix }, at.scope);
}

/** Type checks on a value in effect. */
export function checkValue(ctx: Context, { property, pair, scope }: Present): void {
  const { value, entry } = pair;
  const name = property.name;
  const at: At = { ctx, scope, entry, name, value };
  const shown = ctx.show(entry.key, value);
  if (PLACEHOLDER.test(value.trim())) {
    report(at, { code: 'placeholder-value', severity: 'info', message: messages.placeholderValue(shown, name) });
    return;
  }
  switch (property.type) {
    case 'enum':
      return checkEnum(at, (property.allowedValues ?? []).map((v) => v.value));
    case 'boolean': {
      if (BOOLEAN.test(value.trim())) return;
      const meant = BOOLEAN_SYNONYMS[foldKey(value.trim())];
      const fix = meant ? { description: fixTexts.changeTo(meant), edits: replaceValue(scope, entry, meant) } : undefined;
      return report(at, { code: 'invalid-boolean', severity: 'error', message: messages.invalidBoolean(name, shown, meant), fix });
    }
    case 'integer': {
      if (INTEGER.test(value)) return;
      const example = property.default && INTEGER.test(property.default) ? property.default : '60';
      return report(at, { code: 'invalid-integer', severity: 'error', message: messages.invalidInteger(name, example, shown) });
    }
    case 'url':
      if (ABSOLUTE_URL.test(value.trim())) return;
      return report(at, { code: 'invalid-url', severity: 'error', message: messages.invalidUrl(name, shown) });
    case 'path': {
      const remote = remoteLocation(value);
      if (remote) report(at, { code: 'remote-path', severity: 'warning', message: messages.remotePath(name, remote.kind, remote.host) });
      return;
    }
    default:
      return;
  }
}

function checkEnum(at: At, allowed: readonly string[]): void {
  const { value, name, scope, entry } = at;
  if (allowed.length === 0 || allowed.includes(value)) return;
  const same = allowed.find((v) => foldKey(v) === foldKey(value.trim()));
  if (same !== undefined) {
    const fix = { description: fixTexts.write(same), edits: replaceValue(scope, entry, same) };
    return report(at, { code: 'enum-casing', severity: 'info', message: messages.enumCasing(name, value, same), fix });
  }
  const build = at.ctx.service.build;
  const fact = build?.notInBuild.find((f) => f.value !== undefined && foldKey(f.property) === foldKey(name) && foldKey(f.value) === foldKey(value.trim()));
  if (build && fact) {
    return report(at, { code: 'not-in-build', severity: 'error', message: messages.notInBuild(name, fact.value, build.version, fact) });
  }
  const guess = closestName(value, allowed);
  const fix = guess ? { description: fixTexts.changeTo(guess), edits: replaceValue(scope, entry, guess) } : undefined;
  report(at, { code: 'invalid-enum-value', severity: 'error', message: messages.invalidEnumValue(name, at.ctx.show(entry.key, value), allowed, guess), fix });
}
