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
import { foldKey } from './chars.ts';
import { readPasted, type Reading } from './forms/readers.ts';
import { mapEdits, toPastedSpan } from './forms/reading.ts';
import { readProfileFile } from './recognize.ts';
import type { ServiceRules } from './rules.ts';
import { secretSpans } from './secrets.ts';
import { lookupProperty } from './service.ts';
import type { Entry, ParseResult, Problem, ProblemCode, Span, TextEdit } from './types.ts';
import { concealSecrets } from './validate/secrecy.ts';
import { validate, type ValidateOptions } from './validate/validate.ts';

export interface PastedCheck {
  /** Which form was read, and the connection string unwrapped from it. */
  reading: Reading;
  /** Sorted by position; spans, related spans and fix edits index the pasted text. */
  problems: Problem[];
  /**
   * Where the pasted text holds secrets (values, and text that likely continues one), sorted: a UI that shows
   * an excerpt of the text masks these (see ./secrets.ts).
   */
  secrets: Span[];
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
  const curly = curlyValueSpans(damage, result);
  const found = concealSecrets(waitForCurlyQuotes(refineProblems([...withoutEchoes(checked, curly, result, service), ...damage], result, service), curly, result.text), result, [service]);
  const problems = found.map((p) => toPasted(reading, p));
  const secrets = secretSpans(result, [service]).map((s) => toPastedSpan(reading, s));
  return { reading, problems: sortProblems(problems), secrets };
}

/**
 * Findings that a curly quote causes, on the text it spoils: they go once the quote is fixed. A setting written at
 * the top level inside the spoilt text (`ProfileSettings=“APIKey=k;TenantId=1”`) is one: the list's quotes, once
 * straight, take it in, while moving it on its own would quote the list around the curly quote and leave the rest out.
 */
const ECHO_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'wrong-level',
  'unknown-property',
  'noncanonical-name',
  'invalid-profile-path',
  'wrong-profile',
  'invalid-enum-value',
  'invalid-boolean',
  'invalid-integer',
  'invalid-url',
  'placeholder-value',
  'remote-path',
  'required-value',
  'recommended-value',
]);

/**
 * The curly-quote findings that open a top-level value, in text order and apart (the curly-quote scan moves
 * forward). One written inside a quoted value (ProfileSettings='X=“…”') stays hidden if a fix moves that pair out
 * (the move quotes the value, curly quotes and all), so the findings it causes stay too.
 */
function curlyValueSpans(damage: readonly Problem[], result: ParseResult): { span: Span; entry: Entry }[] {
  const topValues = new Map(result.entries.map((e) => [e.valueSpan.start, e]));
  return damage.flatMap((p) => {
    const entry = p.code === 'curly-quote' ? topValues.get(p.span.start) : undefined;
    return entry ? [{ span: p.span, entry }] : [];
  });
}

/** The curly span (of `curlyValueSpans`, in text order) that a span meets, found by binary search. */
function curlyAt(curly: readonly { span: Span }[], span: Span): Span | undefined {
  const end = Math.max(span.end, span.start + 1);
  let lo = 0;
  let hi = curly.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (curly[mid]!.span.start < end) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return last !== -1 && curly[last]!.span.end > span.start ? curly[last]!.span : undefined;
}

/**
 * The validator's findings without those that repeat a curly-quote finding: a value read with its curly quotes
 * (`Profile=“C:\p\X.apip”` is not a .apip path) or a name the quote sticks to (`‘APIKey`), and a requirement
 * written inside the spoilt text where straight quotes would put it in place (a profile setting only inside the
 * value of the ProfileSettings in effect, and not under a second curly quote). One problem, one finding: the curly quote's, whose fix settles the rest.
 */
function withoutEchoes(checked: Problem[], curly: readonly { span: Span; entry: Entry }[], result: ParseResult, service: ServiceRules): Problem[] {
  if (curly.length === 0) return checked;
  // The ProfileSettings the driver reads (the last one written): a setting inside an earlier one is not in effect.
  // Looked up once: a string with none must not search again for every name (`??=` would, null being nullish).
  let profileSettings: { entry: Entry | undefined } | undefined;
  const inEffect = () => (profileSettings ??= { entry: result.entries.findLast((e) => lookupProperty(service, e.key)?.property.name === 'ProfileSettings') }).entry;
  const inside = new Map<string, boolean>();
  const writtenInside = (name: string) => {
    let answer = inside.get(name);
    if (answer === undefined) {
      // Right after the curly quote that opens the text, or after a separator or a straight quote: a name another
      // curly quote sticks to stays spoilt once this one is straight.
      const pair = new RegExp(String.raw`(?:^[\u2018-\u201f]|[;\s'"])${name}\s*=`, 'i');
      const nested = lookupProperty(service, name)?.property.placement === 'profileSettings';
      const places = (entry: Entry) => !nested || entry === inEffect();
      inside.set(name, (answer = curly.some((c) => places(c.entry) && pair.test(result.text.slice(c.span.start, c.span.end)))));
    }
    return answer;
  };
  return checked.filter((p) => {
    if (ECHO_CODES.has(p.code) && curlyAt(curly, p.span)) return false;
    return !(p.code === 'missing-required' && p.property !== undefined && writtenInside(p.property));
  });
}

/**
 * Fixes that would write into the text a curly quote spoils (quote the value around the curly quote, move a
 * setting into a list it opens) wait for the curly quote's own fix: written now, they would hide the quote inside a
 * value, or split the text it was meant to hold. A fix that replaces the whole spoilt value, curly quote and all,
 * stays (a removed duplicate).
 */
function waitForCurlyQuotes(problems: Problem[], curly: readonly { span: Span }[], text: string): Problem[] {
  if (curly.length === 0) return problems;
  const writesInto = (edit: TextEdit) => {
    const span = curlyAt(curly, { start: edit.start, end: Math.max(edit.end, edit.start + 1) });
    if (span === undefined) return false;
    return !(edit.start <= span.start && edit.end >= span.end) || edit.text.includes(text[span.start]!);
  };
  return problems.map((p) => (p.code !== 'curly-quote' && p.fix && p.fix.edits.some(writesInto) ? { ...p, fix: undefined } : p));
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
 * (a did-you-mean name, an added Profile path, a removed property) are left for the user to choose, and so is
 * anything that changes which service the string is for (`wrong-profile`, `missing-profile`).
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
  /** The check of `text` (what `checkPasted(text, service, options).problems` gives): what is left to decide. */
  problems: Problem[];
}

/** The most rounds `fixAll` takes: each one settles at least one problem, so a real string needs far fewer. */
const FIX_ALL_LIMIT = 64;

/**
 * Safe fixes that rewrite only their own text (a key's spelling, a value's casing or spelling) and change nothing
 * about how the rest of the string reads: all of them that are apart from one another go in one round, so a string
 * with 100,000 misspelt keys is fixed in one round, not stopped after `FIX_ALL_LIMIT`. Every other fix goes alone.
 */
const LOCAL_FIX_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>(['noncanonical-name', 'enum-casing', 'invalid-boolean']);

/**
 * Applies every safe fix (see `safeFixCodes`), one at a time with a fresh check in between (a fix moves
 * text, so the others' edits would be stale), except fixes that only rewrite their own text (`LOCAL_FIX_CODES`):
 * those that touch nothing another one touches go in one round. Stops when none is left, when a text repeats, or
 * after `FIX_ALL_LIMIT` rounds. Running it again on its result changes nothing (tested). A fix that changes the file
 * a readable Profile names, or makes it unreadable, is skipped: fixing never changes which service a string is for
 * (it may make a damaged Profile readable).
 */
export function fixAll(pasted: string, service: ServiceRules, options: ValidateOptions = {}): FixAllResult {
  expectString('fixAll(pasted, service)', 'pasted', pasted);
  expectService('fixAll(pasted, service)', 'service', service);
  let text = pasted;
  const applied: string[] = [];
  const seen = new Set([text]);
  // The file the Profile names, once it can be read: a fix may make it readable (a lost `;` restored), never change it.
  let file = readProfileFile(text).file;
  const skipped = new Set<string>();
  // The check of `text`: kept while the text does not change (a skipped fix leaves it as it was).
  let problems = checkPasted(text, service, options).problems;
  for (let step = 0; step < FIX_ALL_LIMIT; step++) {
    const next = nextSafeFix(problems, skipped);
    if (!next?.fix) break;
    const round = LOCAL_FIX_CODES.has(next.code) ? localRound(problems, skipped) : [next];
    let fixed = applyEdits(text, round.flatMap((p) => p.fix!.edits));
    let after = readProfileFile(fixed).file;
    // A round that would change the Profile's file goes back to the one fix, which is then judged on its own.
    if (round.length > 1 && file !== undefined && (after === undefined || foldKey(after) !== foldKey(file))) {
      round.splice(0, round.length, next);
      fixed = applyEdits(text, next.fix.edits);
      after = readProfileFile(fixed).file;
    }
    if (seen.has(fixed)) break;
    if (file !== undefined && (after === undefined || foldKey(after) !== foldKey(file))) {
      skipped.add(fixKey(next));
      continue;
    }
    file = after;
    seen.add(fixed);
    for (const p of round) applied.push(p.fix!.description);
    text = fixed;
    problems = checkPasted(text, service, options).problems;
  }
  return { text, applied, problems };
}

/**
 * One round of local fixes (`LOCAL_FIX_CODES`, not skipped): in text order, each kept when all its edits start after
 * every edit kept before it ends (no overlap, not even a shared end), so they can all be applied to the text they
 * were found in. Linear after the sort: a string may hold 100,000 of them.
 */
function localRound(problems: readonly Problem[], skipped: ReadonlySet<string>): Problem[] {
  const candidates = problems
    .filter((p) => p.fix && p.fix.edits.length > 0 && LOCAL_FIX_CODES.has(p.code) && !skipped.has(fixKey(p)))
    .map((p) => ({ p, start: Math.min(...p.fix!.edits.map((e) => e.start)), end: Math.max(...p.fix!.edits.map((e) => e.end)) }))
    .sort((a, b) => a.start - b.start);
  const round: Problem[] = [];
  let reached = -1;
  for (const { p, start, end } of candidates) {
    if (start <= reached) continue;
    round.push(p);
    reached = end;
  }
  return round;
}

/** Names one fix of one check (the text is unchanged while fixes are skipped, so positions hold). */
const fixKey = (p: Problem) => `${p.code}@${p.span.start}`;

/** The safe fix `fixAll` applies next: damage repairs first, then in text order (`skipped`: `fixKey`s passed over). */
export function nextSafeFix(problems: readonly Problem[], skipped: ReadonlySet<string> = new Set()): Problem | undefined {
  let best: Problem | undefined;
  for (const p of problems) {
    if (!p.fix || p.fix.edits.length === 0 || !safeFixCodes.has(p.code) || skipped.has(fixKey(p))) continue;
    if (!best || (ORDER[p.code] ?? 9) < (ORDER[best.code] ?? 9)) best = p;
  }
  return best;
}
