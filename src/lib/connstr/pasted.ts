/**
 * The validator for whatever a user pastes: the form is recognised and unwrapped (forms/forms.ts), the string is
 * validated and checked for pasting damage (damage.ts), and every finding and fix is mapped back into the
 * pasted text, so a UI underlines and edits what the user sees. `fixAll` applies every safe fix.
 * Browser compatible, no side effects.
 */
import { applyEdits } from './edits.ts';
import { damageProblems, refineProblems } from './damage.ts';
import { expectOptionalObject, expectService, expectString } from './guard.ts';
import { parseAny, sortProblems } from './parse.ts';
import { readPasted, type Reading } from './forms/forms.ts';
import { mapEdits, toPastedSpan } from './forms/reading.ts';
import type { ServiceRules } from './rules.ts';
import type { Problem, ProblemCode } from './types.ts';
import { validate, type ValidateOptions } from './validate/validate.ts';

export interface PastedCheck {
  /** Which form was read, and the connection string unwrapped from it. */
  reading: Reading;
  /** Sorted by position; spans, related spans and fix edits index the pasted text. */
  problems: Problem[];
}

/**
 * Reads any pasted form, validates it against `service` and adds pasting-damage findings. Never throws for
 * odd text; throws a TypeError naming the argument for a non-string `pasted` or a missing `service`.
 */
export function checkPasted(pasted: string, service: ServiceRules, options: ValidateOptions = {}): PastedCheck {
  expectString('checkPasted(pasted, service)', 'pasted', pasted);
  expectService('checkPasted(pasted, service)', 'service', service);
  expectOptionalObject('checkPasted(pasted, service, options)', 'options', options);
  const reading = readPasted(pasted);
  const result = parseAny(reading.text);
  const damage = damageProblems(result, service);
  // A name spoilt by a curly quote or an invisible character is repaired by that damage's own fix; a
  // did-you-mean rename would drop the character but leave its partner (the closing quote) behind.
  const spoilt = damage.filter((p) => p.code === 'curly-quote' || p.code === 'invisible-character' || p.code === 'nonbreaking-space').map((p) => p.span);
  const checked = validate(result, service, options).map((p) =>
    p.code === 'unknown-property' && p.fix && spoilt.some((s) => s.start < p.span.end && s.end > p.span.start) ? { ...p, fix: undefined } : p,
  );
  const found = refineProblems([...checked, ...damage], result, service);
  const problems = found.map((p) => toPasted(reading, p));
  return { reading, problems: sortProblems(problems) };
}

function toPasted(reading: Reading, p: Problem): Problem {
  if (!reading.source && reading.text === reading.pasted) return p;
  const mapped: Problem = { ...p, span: toPastedSpan(reading, p.span) };
  if (p.related) mapped.related = p.related.map((s) => toPastedSpan(reading, s));
  if (p.fix) mapped.fix = { description: p.fix.description, edits: mapEdits(reading, p.fix.edits) };
  return mapped;
}

/**
 * Fixes whose intent is clear and that keep every value the user typed (or remove only one the driver
 * overrides anyway, naming it): spelling, case, quoting, moves between levels, pasting damage. Guesses
 * (a did-you-mean name, an added Profile path, a removed property) are left for the user to choose.
 */
export const safeFixCodes: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'curly-quote',
  'mismatched-quote',
  'invisible-character',
  'nonbreaking-space',
  'unquoted-profile-settings',
  'stray-separator',
  'surrounding-whitespace',
  'unquoted-value-ends-with-quote',
  'line-break-in-value',
  'whitespace-control-in-key',
  'duplicate-key',
  'duplicate-property',
  'noncanonical-name',
  'enum-casing',
  'invalid-boolean',
  'wrong-level',
  'wrong-profile',
]);

/** Damage first: a quote fix changes how everything after it is read, so it goes before fixes read from the damaged text. */
const ORDER: Partial<Record<ProblemCode, number>> = {
  'invisible-character': 0,
  'nonbreaking-space': 0,
  'curly-quote': 1,
  'mismatched-quote': 1,
  'unquoted-profile-settings': 2,
  'line-break-in-value': 3,
  'whitespace-control-in-key': 3,
};

export interface FixAllResult {
  /** The pasted text with every safe fix applied, in the pasted form. */
  text: string;
  /** What was done, one sentence per fix, in order. */
  applied: string[];
}

/** The most fixes `fixAll` applies: each one settles at least one problem, so a real string needs far fewer. */
const FIX_ALL_LIMIT = 64;

/**
 * Applies every safe fix (see `safeFixCodes`), one at a time with a fresh check in between (a fix moves
 * text, so the others' edits would be stale). Stops when none is left, when a text repeats, or after
 * `FIX_ALL_LIMIT` fixes. Running it again on its result changes nothing (tested).
 */
export function fixAll(pasted: string, service: ServiceRules, options: ValidateOptions = {}): FixAllResult {
  expectString('fixAll(pasted, service)', 'pasted', pasted);
  expectService('fixAll(pasted, service)', 'service', service);
  let text = pasted;
  const applied: string[] = [];
  const seen = new Set([text]);
  for (let step = 0; step < FIX_ALL_LIMIT; step++) {
    const next = nextSafeFix(checkPasted(text, service, options).problems);
    if (!next?.fix) break;
    const fixed = applyEdits(text, next.fix.edits);
    if (seen.has(fixed)) break;
    seen.add(fixed);
    applied.push(next.fix.description);
    text = fixed;
  }
  return { text, applied };
}

/** The safe fix `fixAll` applies next: damage repairs first, then in text order. */
export function nextSafeFix(problems: readonly Problem[]): Problem | undefined {
  let best: Problem | undefined;
  for (const p of problems) {
    if (!p.fix || p.fix.edits.length === 0 || !safeFixCodes.has(p.code)) continue;
    if (!best || (ORDER[p.code] ?? 9) < (ORDER[best.code] ?? 9)) best = p;
  }
  return best;
}
