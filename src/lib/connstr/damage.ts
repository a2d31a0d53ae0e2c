/**
 * What pasting from a chat, an email or a word processor does to a connection string, found and, where the
 * intent is clear, repaired: curly quotes, mismatched quotes, invisible and non-breaking spaces, a
 * ProfileSettings list that lost its quotes, stray `;`, surrounding whitespace, line breaks, and fixes for
 * the parser's duplicate keys. Works on the unwrapped connection string (any pasted form); positions are in
 * that text. Browser compatible, no side effects.
 */
import { codePointLabel, foldKey, isWhitespace } from './chars.ts';
import { placeEdits } from './edits.ts';
import { fixTexts, pasteMessages, type SeparatorPlace } from './messages.ts';
import { holdsSecret } from './secrets.ts';
import { quoteNestedValue } from './serialize.ts';
import { lookupProperty } from './service.ts';
import type { ServiceRules } from './rules.ts';
import type { Entry, NestedParseResult, ParseResult, Problem, Span, TextEdit } from './types.ts';

const SINGLE_CURLY = '\u2018\u2019\u201a\u201b';
const DOUBLE_CURLY = '\u201c\u201d\u201e\u201f';
/** Zero-width and other invisible characters that a copy brings along and nobody means to type. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]+/g;
/** Non-breaking spaces: word processors put them between words. */
const NBSP = /[\u00a0\u202f\u2007]+/g;

/** The nested lists of a result, found once (a long string may ask about many positions). */
const nestedLists = new WeakMap<ParseResult, NestedParseResult[]>();

/** The nested list (ProfileSettings) whose written text contains `at`, if any. */
function nestedAt(result: ParseResult, at: number): NestedParseResult | undefined {
  let lists = nestedLists.get(result);
  if (!lists) {
    lists = result.entries.flatMap((e) => (e.nested && e.nested.within.end > e.nested.within.start ? [e.nested] : []));
    nestedLists.set(result, lists);
  }
  // In text order and apart: the last list starting at or before `at` is the only one that may hold it (a
  // binary search: a pasted string may hold thousands of ProfileSettings, each asked about).
  let lo = 0;
  let hi = lists.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lists[mid]!.within.start <= at) lo = mid + 1;
    else hi = mid;
  }
  const nested = lists[lo - 1];
  return nested && at <= nested.within.end ? nested : undefined;
}

/** Edits at `at`, made safe for the quoting of a nested list they land in. */
function scoped(result: ParseResult, at: number, edits: TextEdit[]): TextEdit[] {
  const nested = nestedAt(result, at);
  return placeEdits(nested, edits);
}

/** Marks the text of quoted leaf values (not a nested list): text inside them is what the user means literally. */
function quotedLeaves(result: ParseResult): Uint8Array {
  const marks = new Uint8Array(result.text.length + 1);
  const mark = (s: Span) => marks.fill(1, s.start, s.end);
  for (const entry of result.entries) {
    if (entry.nested) {
      for (const inner of entry.nested.entries) if (inner.quoted) mark(inner.innerSpan);
    } else if (entry.quoted) mark(entry.innerSpan);
  }
  return marks;
}

const inside = (marks: Uint8Array, at: number) => marks[at] === 1;

/** Problems of pasted-text damage that the grammar alone does not report. */
export function damageProblems(result: ParseResult, service: ServiceRules): Problem[] {
  const problems: Problem[] = [];
  const leaves = quotedLeaves(result);
  pastedCharacters(result, leaves, problems);
  curlyQuotes(result, service, problems);
  unquotedProfileSettings(result, service, problems);
  straySeparators(result, problems);
  surroundingWhitespace(result, leaves, problems);
  return problems;
}

/** Invisible characters anywhere, and non-breaking spaces outside quoted values (where they may be meant). */
function pastedCharacters(result: ParseResult, leaves: Uint8Array, problems: Problem[]): void {
  const text = result.text;
  for (const m of text.matchAll(INVISIBLE)) {
    const span = { start: m.index, end: m.index + m[0].length };
    problems.push({
      code: 'invisible-character',
      severity: 'warning',
      message: pasteMessages.invisibleCharacter([...new Set(m[0])].map((c) => codePointLabel(c.charCodeAt(0)))),
      span,
      fix: { description: fixTexts.removeInvisible(), edits: scoped(result, span.start, [{ ...span, text: '' }]) },
    });
  }

  for (const m of text.matchAll(NBSP)) {
    if (inside(leaves, m.index)) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    problems.push({
      code: 'nonbreaking-space',
      severity: 'warning',
      message: pasteMessages.nonbreakingSpace(),
      span,
      fix: { description: fixTexts.normalSpace(), edits: scoped(result, span.start, [{ ...span, text: ' ' }]) },
    });
  }
}

/** Stray `;`: empty pairs at the start, in between, and at the end (top level). */
function straySeparators(result: ParseResult, problems: Problem[]): void {
  const text = result.text;
  const from = result.prefix?.span.end ?? 0;
  const gaps: Span[] = [];
  let at = from;
  for (const entry of result.entries) {
    gaps.push({ start: at, end: entry.span.start });
    at = entry.span.end;
  }
  gaps.push({ start: at, end: text.length });
  gaps.forEach((gap, g) => {
    const slice = text.slice(gap.start, gap.end);
    if (!/^[\s;]*$/.test(slice)) return;
    const semis = [...slice.matchAll(/;/g)].map((m) => gap.start + m.index);
    // Between two entries one `;` belongs; at the start none does. One after the last entry is harmless (every
    // vendor example ends so, and the guide says the driver skips it): only a second one is noted.
    const keep = g > 0 ? 1 : 0;
    for (const s of semis.slice(keep)) {
      const where: SeparatorPlace = g === gaps.length - 1 ? 'at the end' : g === 0 ? 'at the start' : 'between two properties';
      problems.push({
        code: 'stray-separator',
        severity: 'info',
        message: pasteMessages.straySeparator(where),
        span: { start: s, end: s + 1 },
        fix: { description: fixTexts.removeSeparator(), edits: [{ start: s, end: s + 1, text: '' }] },
      });
    }
  });
}

/** Whitespace around the whole string (a copied line break, indentation). */
function surroundingWhitespace(result: ParseResult, leaves: Uint8Array, problems: Problem[]): void {
  const text = result.text;
  const lead = /^\s+/.exec(text.slice(0))?.[0].length ?? 0;
  if (lead > 0 && lead < text.length) {
    problems.push({
      code: 'surrounding-whitespace',
      severity: 'info',
      message: pasteMessages.leadingWhitespace(),
      span: { start: 0, end: lead },
      fix: { description: fixTexts.removeLeadingWhitespace(), edits: [{ start: 0, end: lead, text: '' }] },
    });
  }
  const trail = /\s+$/.exec(text)?.[0].length ?? 0;
  if (trail > 0 && trail < text.length && !inside(leaves, text.length - trail) && !isInsideUnterminated(result, text.length - trail)) {
    const span = { start: text.length - trail, end: text.length };
    problems.push({
      code: 'surrounding-whitespace',
      severity: 'info',
      message: pasteMessages.trailingWhitespace(),
      span,
      fix: { description: fixTexts.removeTrailingWhitespace(), edits: [{ ...span, text: '' }] },
    });
  }
}

/** The top-level entry with a quoted value whose quotes enclose `at` (binary search: entries are in text order). */
function quotedEntryAt(entries: readonly Entry[], at: number): Entry | undefined {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const e = entries[mid]!;
    if (e.span.end <= at) lo = mid + 1;
    else if (e.span.start > at) hi = mid - 1;
    else return e.quoted !== null && at > e.valueSpan.start && at < e.innerSpan.end ? e : undefined;
  }
  return undefined;
}

function isInsideUnterminated(result: ParseResult, at: number): boolean {
  for (const p of result.problems) if (p.code === 'unterminated-quote' && at >= p.span.start) return true;
  return false;
}

/**
 * A value that opens with a curly quote (‘…’, “…”) was meant to be quoted. When the matching close is found
 * (curly or straight, followed by `;`, a closing outer quote or the end), both become straight quotes.
 */
function curlyQuotes(result: ParseResult, service: ServiceRules, problems: Problem[]): void {
  const text = result.text;
  // A search for a closing quote that failed from one position fails from every later one: each family is searched to the end at most once.
  const failed = { single: false, double: false };
  // Straight to each curly quote (a search, not a test of every character: most strings hold none).
  const next = /[\u2018-\u201f]/g;
  for (let i = 0; i < text.length; i++) {
    next.lastIndex = i;
    const found = next.exec(text);
    if (!found) break;
    i = found.index;
    const c = text[i]!;
    const single = SINGLE_CURLY.includes(c);
    if (!single && !DOUBLE_CURLY.includes(c)) continue;
    // Only at the start of a value: after `=` and optional whitespace.
    let b = i - 1;
    while (b >= 0 && isWhitespace(text.charCodeAt(b))) b--;
    if (b < 0 || text[b] !== '=' || text[b - 1] === '=') continue;
    // Inside a quoted value (ProfileSettings='…', or any quoted value) the close must be curly too and come
    // before the outer closing quote, which is not ours to change.
    const container = quotedEntryAt(result.entries, i);
    const limit = container ? container.innerSpan.end : text.length;
    const family = single ? SINGLE_CURLY + (container ? '' : "'") : DOUBLE_CURLY + (container ? '' : '"');
    const close = closingQuote(text, !container && failed[single ? 'single' : 'double'] ? limit : i + 1, limit, family);
    if (close === -1 && !container) failed[single ? 'single' : 'double'] = true;
    const straight = single ? "'" : '"';
    const content = close === -1 ? '' : text.slice(i + 1, close);
    // Quotes that take in a line break or another property (`“a;\nUser=b”`) may be a lost closing quote
    // as well as a value with `;` in it: the finding stays, the fix is left to the user.
    const spansPairs = /[\r\n]/.test(content) || content.split(';').slice(1).some((part) => {
      const eq = part.indexOf('=');
      return eq > 0 && lookupProperty(service, part.slice(0, eq).trim()) !== undefined;
    });
    const quote = spansPairs ? undefined : !content.includes(straight) ? straight : !content.includes(single ? '"' : "'") ? (single ? '"' : "'") : undefined;
    const span = { start: i, end: close === -1 ? i + 1 : close + 1 };
    // Written inside another quoted value (not a nested list, whose edits `scoped` escapes), the quote is doubled.
    const written = quote !== undefined && container && !container.nested && container.quoted === quote ? quote + quote : quote;
    const fix =
      close !== -1 && quote !== undefined && written !== undefined
        ? {
            description: fixTexts.straightQuotes(quote),
            // A curly quote that opens a bare ProfileSettings value is its outer quote, not text inside the list.
            edits: (nestedAt(result, i)?.within.start === i ? (e: TextEdit[]) => e : (e: TextEdit[]) => scoped(result, i, e))([
              { start: i, end: i + 1, text: written },
              { start: close, end: close + 1, text: written },
            ]),
          }
        : undefined;
    problems.push({
      code: 'curly-quote',
      severity: 'error',
      message: pasteMessages.curlyQuote(c, close !== -1 ? text[close] : undefined),
      span,
      fix,
    });
    if (close !== -1) i = close;
  }
}

/** The first quote of `family` from `from` followed (after any whitespace) by `;` or `limit`; -1 when there is none. */
function closingQuote(text: string, from: number, limit: number, family: string): number {
  for (let j = from; j < limit; j++) {
    if (!family.includes(text[j]!)) continue;
    let k = j + 1;
    while (k < limit && isWhitespace(text.charCodeAt(k))) k++;
    if (k >= limit || text[k] === ';') return j;
  }
  return -1;
}

/**
 * `ProfileSettings=APIKey=x;OAuthClientId=y` without quotes: the list ends at the first `;`, and the profile
 * settings after it land at the top level. The fix quotes the value together with the run of profile settings
 * that follows it.
 */
function unquotedProfileSettings(result: ParseResult, service: ServiceRules, problems: Problem[]): void {
  const entries = result.entries;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry.quoted !== null || entry.value === null || entry.invalid || lookupProperty(service, entry.key)?.property.name !== 'ProfileSettings') continue;
    // Curly quotes around it are a quoting attempt, reported (and fixed) as such.
    if (SINGLE_CURLY.includes(entry.value[0] ?? '') || DOUBLE_CURLY.includes(entry.value[0] ?? '')) continue;
    let last = index;
    while (last + 1 < entries.length && isProfileSetting(service, entries[last + 1]!, result.text)) last++;
    const span = { start: entry.valueSpan.start, end: entries[last]!.span.end };
    const raw = result.text.slice(span.start, span.end);
    const moved = entries.slice(index + 1, last + 1).map((e) => e.key);
    let written: string;
    try {
      written = quoteNestedValue(raw);
    } catch {
      continue;
    }
    problems.push({
      code: 'unquoted-profile-settings',
      severity: moved.length > 0 ? 'error' : 'info',
      message: pasteMessages.unquotedProfileSettings(moved),
      span: moved.length > 0 ? span : entry.valueSpan,
      property: 'ProfileSettings',
      fix: { description: fixTexts.quoteList(moved), edits: [{ ...span, text: written }] },
    });
  }
}

/**
 * A profile setting, read as it will be once pasted invisible characters are gone (`\u200bUsername` is Username).
 * A bare value that only ends in a quote counts too: its whole text is in its span, so quoting the list keeps it.
 */
function isProfileSetting(service: ServiceRules, entry: Entry, text: string): boolean {
  return entry.value !== null && (!entry.invalid || bareEndingInQuote(entry, text)) && lookupProperty(service, entry.key.replace(INVISIBLE, ''))?.property.placement === 'profileSettings';
}

/** A bare value whose only fault is its last character, a quote: the pair ends there (at `;` or the end of the text). */
function bareEndingInQuote(entry: Entry, text: string): boolean {
  if (entry.quoted !== null || !/['"]$/.test(entry.value ?? '')) return false;
  let k = entry.span.end;
  while (k < text.length && isWhitespace(text.charCodeAt(k))) k++;
  return k >= text.length || text[k] === ';';
}

/**
 * Improves the parser's and validator's problems with what pasting tells: a quote closed by the other quote
 * character, a line break where a `;` is missing, a key split by a line break, a duplicate whose earlier
 * copy can go. Returns the same list, with fixes added or replaced.
 */
export function refineProblems(problems: Problem[], result: ParseResult, service: ServiceRules): Problem[] {
  // Entry by key position, per list, for the duplicate fixes (a long string may repeat a key many times).
  const byKey = new Map<readonly Entry[], Map<number, number>>();
  const indexOf: IndexOf = (entries, keyStart) => {
    let map = byKey.get(entries);
    if (!map) byKey.set(entries, (map = new Map(entries.map((e, i) => [e.keySpan.start, i]))));
    return map.get(keyStart) ?? -1;
  };
  return problems.map((p) => {
    switch (p.code) {
      case 'unterminated-quote':
        return mismatchedQuote(p, result);
      case 'line-break-in-value':
        return p.fix ? p : lostSeparator(p, result, service);
      case 'whitespace-control-in-key':
        return joinedKey(p, result, service);
      case 'duplicate-key':
      case 'duplicate-property':
        return p.fix || !p.related?.[0] ? p : duplicateFix(p, p.related[0], result, service, indexOf);
      default:
        return p;
    }
  });
}

/** The index of the entry whose key starts at `keyStart` in a list, or -1. */
type IndexOf = (entries: readonly Entry[], keyStart: number) => number;

/** An unterminated quote that the other quote character closes (`'abc"`): the finding says so and the fix matches them. */
function mismatchedQuote(p: Problem, result: ParseResult): Problem {
  const text = result.text;
  const open = p.span.start;
  const q = text[open]!;
  const other = q === '"' ? "'" : '"';
  // Inside ProfileSettings the search stops where the list does: the outer closing quote is not this value's.
  const nested = nestedAt(result, open);
  const limit = nested && open > nested.within.start ? nested.within.end : text.length;
  for (let j = open + 1; j < limit; j++) {
    if (text[j] === q) break;
    if (text[j] !== other) continue;
    let k = j + 1;
    while (k < limit && isWhitespace(text.charCodeAt(k))) k++;
    if (k < limit && text[k] !== ';') continue;
    return {
      ...p,
      code: 'mismatched-quote',
      message: pasteMessages.mismatchedQuote(p.message, other),
      span: { start: open, end: j + 1 },
      related: [{ start: j, end: j + 1 }],
      fix: { description: fixTexts.closeWith(q, other), edits: scoped(result, open, [{ start: j, end: j + 1, text: q }]) },
    };
  }
  return p;
}

/** A line break followed by `name=` is a lost `;` (the fix adds it); anything else may be meant, so it gets no fix. */
function lostSeparator(p: Problem, result: ParseResult, service: ServiceRules): Problem {
  const text = result.text;
  let k = p.span.start;
  while (k < text.length && isWhitespace(text.charCodeAt(k))) k++;
  // Searched up to the value's `;` only, so many line breaks cost one pass over the text.
  const semi = text.indexOf(';', k);
  const stop = semi === -1 ? text.length : semi;
  let eq = -1;
  for (let j = k; j < stop; j++) {
    if (text.charCodeAt(j) === 0x3d) {
      eq = j;
      break;
    }
  }
  const key = eq === -1 ? '' : text.slice(k, eq).trim();
  if (eq === -1 || !lookupProperty(service, key)) return p;
  let b = p.span.start;
  while (b > 0 && isWhitespace(text.charCodeAt(b - 1))) b--;
  return { ...p, fix: { description: fixTexts.addSeparator(key), edits: scoped(result, b, [{ start: b, end: b, text: ';' }]) } };
}

/** A name broken by a tab or line break that, joined, is a known property: the fix joins it. */
function joinedKey(p: Problem, result: ParseResult, service: ServiceRules): Problem {
  const raw = result.text.slice(p.span.start, p.span.end);
  const joined = raw.replace(/[ ]*[\t\n\v\f\r]+[ ]*/g, '');
  const match = lookupProperty(service, joined);
  if (!match || foldKey(joined) === foldKey(raw)) return p;
  return { ...p, fix: { description: fixTexts.joinName(match.property.name), edits: scoped(result, p.span.start, [{ ...p.span, text: joined }]) } };
}

/** A duplicate without a fix: the fix removes the earlier occurrence (the later value is the one in effect). */
function duplicateFix(p: Problem, earlier: Span, result: ParseResult, service: ServiceRules, indexOf: IndexOf): Problem {
  const scope = nestedAt(result, earlier.start);
  const entries = scope ? scope.entries : result.entries;
  const index = indexOf(entries, earlier.start);
  const later = entries[indexOf(entries, p.span.start)];
  if (index === -1 || !later) return p;
  const first = entries[index]!;
  const same = first.value === later.value;
  const edits = removeEntry(entries, index);
  // The value tells two copies apart, unless it is a secret: then the name alone.
  const secret = holdsSecret(first.key, first.value, [service]) || holdsSecret(later.key, later.value, [service]);
  return {
    ...p,
    fix: {
      description: fixTexts.removeEarlier(first.key, same ? undefined : secret ? null : (first.value ?? '')),
      edits: placeEdits(scope, edits),
    },
  };
}

/** Deletes an entry with the `;` that joins it to its next (or previous) neighbour. */
function removeEntry(entries: readonly Entry[], index: number): TextEdit[] {
  const entry = entries[index]!;
  if (index + 1 < entries.length) return [{ start: entry.span.start, end: entries[index + 1]!.span.start, text: '' }];
  if (index > 0) return [{ start: entries[index - 1]!.span.end, end: entry.span.end, text: '' }];
  return [{ ...entry.span, text: '' }];
}
