/**
 * The connection-string parser: .NET `DbConnectionOptions` default rules (grammar doc §2.2–2.3), with
 * positions, recovery and nested ProfileSettings lists. Browser compatible, no side effects.
 *
 * Unlike .NET, which throws on the first error, this parser never throws: it reports each error as a
 * problem and resynchronises at the next `;`, so a half-typed string still yields every pair it can.
 * It is a single forward scan; every search (`indexOf`) starts at the current position, so the work is
 * linear in the input length.
 */
import { expectOptionalObject, expectString } from './guard.ts';
import { foldKey, isControl, isWhitespace } from './chars.ts';
import { quoteValue } from './serialize.ts';
import { placeEdits } from './edits.ts';
import { fixTexts, parseMessages } from './messages.ts';
import type { Placement } from './rules.ts';
import type { Entry, NestedParseResult, ParseResult, Problem, QuoteChar, Span } from './types.ts';

export interface ParseOptions {
  /**
   * Keys whose values are parsed again as nested lists, matched ignoring case. Default: `['ProfileSettings']`.
   * Nested lists are parsed one level deep only.
   */
  nestedKeys?: readonly string[];
}

const SEMI = 0x3b;
const EQ = 0x3d;
const DQ = 0x22;
const SQ = 0x27;
const NUL = 0;

const DEFAULT_NESTED = ['profilesettings'];

/** Collects entries and problems for one level (the top level or one nested list). */
interface Scan {
  text: string;
  entries: Entry[];
  problems: Problem[];
  /** Last entry per folded key, for duplicate detection in O(1). */
  seen: Map<string, Entry>;
  nestedKeys: readonly string[];
  /** True while parsing a nested list (nesting stops at one level). */
  inner: boolean;
}

function problem(
  code: Problem['code'],
  severity: Problem['severity'],
  message: string,
  span: Span,
  extra?: Partial<Problem>,
): Problem {
  return { code, severity, message, span, ...extra };
}

/** Position just after the next `;` at or after `i` (or the end): where parsing resumes after an error. */
function resync(text: string, i: number): number {
  const j = text.indexOf(';', i);
  return j === -1 ? text.length : j + 1;
}

/**
 * Parses a connection string in the default ADO.NET grammar.
 *
 * Entries come back in text order, duplicates included (see `effectivePairs` for what a driver keeps).
 * Values of ProfileSettings are parsed again into `entry.nested`. Never throws.
 * @example parse("Profile=C:\\p\\X.apip;ProfileSettings='APIKey=k'").entries[1].nested.entries[0].value === 'k'
 */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  expectString('parse(text)', 'text', text);
  expectOptionalObject('parse(text, options)', 'options', options);
  return parseFrom(text, 0, options);
}

/** The JDBC URL prefixes the driver accepts before the pairs (grammar doc §4). */
const JDBC_PREFIX = /^[\t\n\v\f\r ]*jdbc:(?:cdata:)?api:/i;

/**
 * Like `parse`, but first strips a `jdbc:api:` or `jdbc:cdata:api:` prefix (any case), reported as
 * `prefix`. Spans stay relative to the full text, prefix included.
 */
export function parseAny(text: string, options: ParseOptions = {}): ParseResult {
  expectString('parseAny(text)', 'text', text);
  expectOptionalObject('parseAny(text, options)', 'options', options);
  const input = text;
  // Only a short head can hold the prefix; slicing it keeps the regex from ever scanning a long input.
  const match = JDBC_PREFIX.exec(input.slice(0, 64));
  if (!match) return parseFrom(input, 0, options);
  const end = match[0].length;
  const start = end - match[0].trimStart().length;
  const result = parseFrom(input, end, options);
  result.prefix = { text: input.slice(start, end), span: { start, end } };
  return result;
}

function parseFrom(text: string, start: number, options: ParseOptions): ParseResult {
  const level: Scan = {
    text,
    entries: [],
    problems: [],
    seen: new Map(),
    nestedKeys: options.nestedKeys ? options.nestedKeys.map(foldKey) : DEFAULT_NESTED,
    inner: false,
  };
  readPairs(level, start);
  return { text, entries: level.entries, problems: sortProblems(level.problems) };
}

/** Sorts problems by position, keeping discovery order for ties (Array.prototype.sort is stable). */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.span.start - b.span.start);
}

/** The pair loop (`ParseInternal`): reads pairs until only separators, whitespace or NULs remain. */
function readPairs(level: Scan, start: number): void {
  const { text } = level;
  const end = text.length;
  let i = start;
  while (i < end) {
    // Start state: skip separators and whitespace.
    let c = text.charCodeAt(i);
    while (c === SEMI || isWhitespace(c)) {
      if (++i >= end) return;
      c = text.charCodeAt(i);
    }
    if (c === NUL) {
      i = trailingNul(level, i);
      continue;
    }
    if (isControl(c)) {
      level.problems.push(
        problem('control-character', 'error', parseMessages.controlStartsProperty(c), {
          start: i,
          end: i + 1,
        }),
      );
      i = resync(text, i);
      continue;
    }
    i = readPair(level, i);
  }
}

/**
 * The TrailingNul state: only NUL and whitespace may follow a NUL that ends the string. Returns where
 * to continue (the end, or past the next `;` after an error).
 */
function trailingNul(level: Scan, nulAt: number): number {
  const { text } = level;
  for (let i = nulAt; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NUL || isWhitespace(c)) continue;
    level.problems.push(
      problem(
        'text-after-nul',
        'error',
        parseMessages.textAfterNul(),
        { start: nulAt, end: nulAt + 1 },
        { related: [{ start: i, end: i + 1 }] },
      ),
    );
    return resync(text, i);
  }
  return text.length;
}

/**
 * Reads one pair starting at a non-separator character (`GetKeyValuePair`): the Key state, then the
 * ValueStart state and the value state it leads to. Returns the position where the next pair may start.
 */
function readPair(level: Scan, keyStart: number): number {
  const { text } = level;
  const end = text.length;
  const keyRead = readKey(level, keyStart);
  if (typeof keyRead === 'number') return keyRead;
  const { key, keySpan } = keyRead;
  const eqEnd = keyRead.eq + 1;
  const emptyKey = key.length === 0;
  keyProblems(level, keyRead);

  // --- ValueStart state.
  let i = eqEnd;
  while (i < end && isWhitespace(text.charCodeAt(i))) i++;
  const c0 = i < end ? text.charCodeAt(i) : SEMI;
  let valueRead: ValueRead;
  if (c0 === SEMI || c0 === NUL) {
    // `key=` or `key=;`: a null value, which removes the key. A NUL is handled by the next Start state.
    const span = { start: eqEnd, end: eqEnd };
    valueRead = { value: null, valueSpan: span, innerSpan: span, quoted: null, next: c0 === SEMI ? Math.min(i + 1, end) : i };
  } else if (c0 === SQ || c0 === DQ) {
    valueRead = readQuoted(level, key, i);
  } else if (isControl(c0)) {
    level.problems.push(
      problem(
        'control-character',
        'error',
        parseMessages.controlStartsValue(key, c0),
        { start: i, end: i + 1 },
      ),
    );
    return resync(text, i);
  } else {
    valueRead = readUnquoted(level, key, i);
  }
  if (emptyKey || valueRead.dropped) return valueRead.next;
  addEntry(level, keySpan, key, valueRead);
  return valueRead.next;
}

/** A key read up to its `=`, with what the Key state saw on the way (for the key's warnings). */
interface KeyRead {
  key: string;
  keySpan: Span;
  /** Where the `=` that ends the key is. */
  eq: number;
  sawSemicolon: boolean;
  /** TAB/CR/LF/VT/FF: whitespace to the parser, control characters to the builder. */
  sawLineControl: boolean;
}

/**
 * The Key state: the key runs to the first single `=`; `==` is a literal `=`. `;`, quotes, braces are kept.
 * Returns the key, or (after an error) the position where the next pair may start.
 */
function readKey(level: Scan, keyStart: number): KeyRead | number {
  const { text, problems } = level;
  const end = text.length;
  let i = keyStart;
  let parts: string[] | null = null; // only allocated when the key has a `==`
  let segStart = i;
  let keyEnd = i; // just past the last non-whitespace character (the key is trimmed at the end)
  let sawSemicolon = false;
  let sawLineControl = false;
  for (;;) {
    if (i >= end) {
      const key = (parts ? parts.join('') : '') + text.slice(segStart, keyEnd);
      problems.push(problem('missing-equals', 'error', parseMessages.missingEquals(key), { start: keyStart, end: keyEnd }));
      return end;
    }
    const c = text.charCodeAt(i);
    if (c === EQ) {
      if (i + 1 < end && text.charCodeAt(i + 1) === EQ) {
        // KeyEq then `=`: a literal `=` in the key.
        (parts ??= []).push(text.slice(segStart, i + 1));
        i += 2;
        segStart = i;
        keyEnd = i;
        continue;
      }
      break;
    }
    if (isWhitespace(c)) {
      if (c <= 0x0d) sawLineControl = true;
      i++;
      continue;
    }
    if (isControl(c)) {
      problems.push(
        problem('control-character', 'error', parseMessages.controlInName(c), {
          start: i,
          end: i + 1,
        }),
      );
      return resync(text, i);
    }
    if (c === SEMI) sawSemicolon = true;
    i++;
    keyEnd = i;
  }
  // `i` is at the `=` that ends the key.
  const key = (parts ? parts.join('') : '') + text.slice(segStart, keyEnd);
  return { key, keySpan: { start: keyStart, end: keyEnd }, eq: i, sawSemicolon, sawLineControl };
}

/** What is wrong with a key read in full: empty, a `;` from a pair without `=`, a tab or line break inside. */
function keyProblems(level: Scan, { key, keySpan, eq, sawSemicolon, sawLineControl }: KeyRead): void {
  const { problems } = level;
  if (key.length === 0) {
    problems.push(
      problem('empty-key', 'error', parseMessages.emptyKey(), {
        start: eq,
        end: eq + 1,
      }),
    );
    return;
  }
  if (sawSemicolon) {
    const firstPart = key.slice(0, key.indexOf(';'));
    problems.push(problem('semicolon-in-key', 'warning', parseMessages.semicolonInKey(key, firstPart.trim()), keySpan));
  }
  // Interior only: trailing whitespace was trimmed and leading whitespace never collected.
  if (sawLineControl && /[\t\n\v\f\r]/.test(key)) {
    problems.push(problem('whitespace-control-in-key', 'warning', parseMessages.whitespaceControlInKey(key), keySpan));
  }
}

/** What a value state read: the decoded value, its spans, and where the next pair may start. */
interface ValueRead {
  value: string | null;
  valueSpan: Span;
  innerSpan: Span;
  quoted: QuoteChar;
  next: number;
  /** Read from broken syntax: the best reading, reported separately. */
  invalid?: boolean;
  /** Decoded offsets of doubled quotes (to map nested spans). */
  collapsed?: number[] | null;
  /** The pair is unusable (a NUL inside the value). */
  dropped?: boolean;
}

/** The SingleQuoted / DoubleQuoted states, from the opening quote at `open`; the only escape is the doubled quote. */
function readQuoted(level: Scan, key: string, open: number): ValueRead {
  const { text, problems } = level;
  const end = text.length;
  const c0 = text.charCodeAt(open);
  const quoted = c0 === SQ ? "'" : '"';
  const contentStart = open + 1;
  let seg = contentStart;
  let decodedLength = 0;
  let pieces: string[] | null = null;
  let collapsed: number[] | null = null;
  let closed = -1;
  let j = contentStart;
  for (;;) {
    const q = text.indexOf(quoted, j);
    if (q === -1) break;
    if (q + 1 < end && text.charCodeAt(q + 1) === c0) {
      // Doubled quote: one literal quote.
      const piece = text.slice(seg, q + 1);
      (pieces ??= []).push(piece);
      decodedLength += piece.length;
      (collapsed ??= []).push(decodedLength - 1);
      seg = j = q + 2;
      continue;
    }
    closed = q;
    break;
  }
  const contentEnd = closed === -1 ? end : closed;
  const read: ValueRead = {
    value: (pieces ? pieces.join('') : '') + text.slice(seg, contentEnd),
    valueSpan: { start: open, end: closed === -1 ? end : closed + 1 },
    innerSpan: { start: contentStart, end: contentEnd },
    quoted,
    next: end,
    collapsed,
  };
  // Bounded scan: an unbounded indexOf would run past this value, quadratic over many values.
  for (let k = contentStart; k < contentEnd; k++) {
    if (text.charCodeAt(k) !== NUL) continue;
    problems.push(
      problem('nul-in-value', 'error', parseMessages.nulInValue(key), {
        start: k,
        end: k + 1,
      }),
    );
    read.dropped = true;
    break;
  }
  if (closed === -1) {
    problems.push(
      problem(
        'unterminated-quote',
        'error',
        parseMessages.unterminatedQuote(key, quoted),
        { start: open, end },
        { fix: { description: fixTexts.closeQuote(), edits: [{ start: end, end, text: quoted }] } },
      ),
    );
    read.invalid = true;
    return read;
  }
  afterQuote(level, key, quoted, closed, read);
  return read;
}

/** The AfterQuote state: whitespace, then `;`, NUL or the end. Sets where the next pair starts. */
function afterQuote(level: Scan, key: string, quoted: '"' | "'", closed: number, read: ValueRead): void {
  const { text } = level;
  const end = text.length;
  let k = closed + 1;
  while (k < end && isWhitespace(text.charCodeAt(k))) k++;
  const c = k < end ? text.charCodeAt(k) : SEMI;
  if (c === SEMI) read.next = Math.min(k + 1, end);
  else if (c === NUL) read.next = k;
  else {
    const semi = text.indexOf(';', k);
    const stop = semi === -1 ? end : semi;
    let junkEnd = stop;
    while (junkEnd > k + 1 && isWhitespace(text.charCodeAt(junkEnd - 1))) junkEnd--;
    level.problems.push(
      problem(
        'text-after-quote',
        'error',
        parseMessages.textAfterQuote(key, quoted),
        { start: k, end: junkEnd },
      ),
    );
    read.invalid = true;
    read.next = semi === -1 ? end : semi + 1;
  }
}

/** The Unquoted state: runs to `;` or a non-whitespace control character, trimmed at both ends. */
function readUnquoted(level: Scan, key: string, start: number): ValueRead {
  const { text, problems } = level;
  const end = text.length;
  let i = start;
  let last = i; // just past the last non-whitespace character
  let lineBreak = -1;
  let c = text.charCodeAt(i);
  for (;;) {
    if (c === SEMI) break;
    if (isWhitespace(c)) {
      if ((c === 0x0a || c === 0x0d) && lineBreak === -1) lineBreak = i;
    } else if (isControl(c)) break;
    else last = i + 1;
    if (++i >= end) break;
    c = text.charCodeAt(i);
  }
  const value = text.slice(start, last);
  const span = { start, end: last };
  const read: ValueRead = { value, valueSpan: span, innerSpan: span, quoted: null, next: end };
  const tail = value.charCodeAt(value.length - 1);
  if (tail === SQ || tail === DQ) {
    const fixed = quoteValue(value);
    problems.push(
      problem(
        'unquoted-value-ends-with-quote',
        'error',
        parseMessages.unquotedValueEndsWithQuote(key),
        span,
        { fix: { description: fixTexts.quoteValue(key), edits: [{ ...span, text: fixed }] } },
      ),
    );
    read.invalid = true;
  }
  if (lineBreak !== -1 && lineBreak < last) {
    problems.push(
      problem(
        'line-break-in-value',
        'warning',
        parseMessages.lineBreakInValue(key),
        { start: lineBreak, end: lineBreak + 1 },
      ),
    );
  }
  if (i >= end) read.next = end;
  else if (c === SEMI) read.next = i + 1;
  else if (c === NUL) read.next = i;
  else {
    // A control character ends the value, and the next pair cannot start with it either.
    problems.push(
      problem(
        'control-character',
        'error',
        parseMessages.controlInUnquotedValue(key, c),
        { start: i, end: i + 1 },
      ),
    );
    read.invalid = true;
    read.next = resync(text, i);
  }
  return read;
}

/** Records a pair read in full (duplicates, nested ProfileSettings parsed again). */
function addEntry(level: Scan, keySpan: Span, key: string, read: ValueRead): void {
  const { value, valueSpan, innerSpan, quoted } = read;
  const entry: Entry = {
    key,
    value,
    keySpan,
    valueSpan,
    innerSpan,
    span: { start: keySpan.start, end: valueSpan.end },
    quoted,
  };
  if (read.invalid) entry.invalid = true;
  recordDuplicate(level, entry);
  level.entries.push(entry);

  if (!level.inner && value !== null && level.nestedKeys.includes(foldKey(key))) {
    entry.nested = parseNested(level, entry, value, read.collapsed ?? null);
  }
}

/** Duplicate keys (last one wins) and null values (which remove the key), per builder semantics §2.3. */
function recordDuplicate(level: Scan, entry: Entry): void {
  const folded = foldKey(entry.key);
  const previous = level.seen.get(folded);
  level.seen.set(folded, entry);
  if (entry.value === null) {
    const message = parseMessages.nullValue(entry.key, previous && previous.value !== null ? previous.key : undefined);
    level.problems.push(
      problem('null-value', 'info', message, entry.span, previous ? { related: [previous.keySpan] } : undefined),
    );
    return;
  }
  if (previous && previous.value !== null) {
    // Only the previous occurrence is related, so n repeats cost O(n), not O(n²).
    level.problems.push(
      problem(
        'duplicate-key',
        'warning',
        parseMessages.duplicateKey(entry.key),
        entry.keySpan,
        { related: [previous.keySpan] },
      ),
    );
  }
}

/**
 * Parses the decoded value of a nested key (ProfileSettings) with the same grammar, then maps every
 * span back into the outer text. Inside a quoted outer value a doubled quote takes two characters for
 * one decoded character, so offsets shift by the number of doubled quotes before them. A fix found inside
 * goes into the outer text the one way every nested edit does (`placeEdits`).
 */
function parseNested(outer: Scan, entry: Entry, decoded: string, collapsed: number[] | null): NestedParseResult {
  const level: Scan = {
    text: decoded,
    entries: [],
    problems: [],
    seen: new Map(),
    nestedKeys: outer.nestedKeys,
    inner: true,
  };
  readPairs(level, 0);
  const base = entry.innerSpan.start;
  const map = (d: number): number => base + d + (collapsed ? countBelow(collapsed, d) : 0);
  const mapSpan = (s: Span): Span => ({ start: map(s.start), end: map(s.end) });
  const placement: Placement | undefined = foldKey(entry.key) === 'profilesettings' ? 'profileSettings' : undefined;

  for (const e of level.entries) {
    e.keySpan = mapSpan(e.keySpan);
    e.valueSpan = mapSpan(e.valueSpan);
    e.innerSpan = mapSpan(e.innerSpan);
    e.span = mapSpan(e.span);
  }
  const problems: Problem[] = [];
  const nested: NestedParseResult = {
    text: outer.text,
    entries: level.entries,
    problems,
    decoded,
    within: entry.innerSpan,
    quote: entry.quoted,
  };
  for (const p of level.problems) {
    const mapped: Problem = { ...p, message: parseMessages.nested(entry.key, p.message), span: mapSpan(p.span) };
    if (placement) mapped.level = placement;
    if (p.related) mapped.related = p.related.map(mapSpan);
    if (p.fix) mapped.fix = { description: p.fix.description, edits: placeEdits(nested, p.fix.edits.map((e) => ({ ...mapSpan(e), text: e.text }))) };
    problems.push(mapped);
  }
  sortProblems(problems);
  // A loop, not push(...problems): spreading 100k+ arguments overflows the stack (parse must never throw).
  for (const p of problems) outer.problems.push(p);
  return nested;
}

/** How many values in the sorted array are below `d` (binary search). */
function countBelow(sorted: number[], d: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
