/**
 * The ODBC form: a `DSN=…` (or `Driver={…}`) head the ODBC driver manager reads, then the plain connection
 * string. Its writer and its reader. Browser compatible, no side effects.
 */
import { foldKey, isControl, isWhitespace } from '../chars.ts';
import { parse } from '../parse.ts';
import { InvalidValueError, quoteNestedValue, quoteValue } from '../serialize.ts';
import { connectionText, type PairsOrString } from './input.ts';
import { applyEdits } from '../edits.ts';
import type { TextEdit } from '../types.ts';
import { diffEdit, Mapped, type Unwrapped } from './reading.ts';

/** The DSN the vendor's ODBC driver installs (cdata.com KB, Intercom and AirCall ODBC articles). */
const defaultOdbcDsn = 'CData ODBC API Source';

/** Which ODBC form to write: through a DSN (documented), or DSN-less, naming the driver (our inference). */
export type OdbcForm = { dsn: string } | { driver: string };

/**
 * An ODBC connection string. Format decision (a reader of this form should follow it):
 * - It starts with one keyword the ODBC driver manager reads: `DSN=<name>` by default (the vendor documents
 *   the DSN "CData ODBC API Source"), or `Driver={<name>}` for the DSN-less form, which is our inference
 *   from the driver's naming and must be shown as such. Only this keyword uses ODBC rules: the Driver name
 *   is always braced (`}` doubled), a DSN is braced only when ODBC needs it (`[]{}(),;?*=!@`, edge spaces).
 * - Then `;` and the plain connection string, exactly as `serialize` writes it (default
 *   rules, ProfileSettings single-quoted): the CData driver reads its own properties with those rules, and
 *   no source says the ODBC edition differs, so one input gets one quoting in every form. Nothing follows the
 *   keyword when there are no pairs.
 * @throws InvalidKeyError / InvalidValueError as `serialize` does, or InvalidValueError for a name with NUL
 */
export function toOdbc(input: PairsOrString, form: OdbcForm = { dsn: defaultOdbcDsn }): string {
  const lead = 'driver' in form ? `Driver=${odbcValue(form.driver, 'Driver', true)}` : `DSN=${odbcValue(form.dsn, 'DSN')}`;
  const rest = connectionText(input, 'toOdbc(input)');
  return rest === '' ? lead : `${lead};${rest}`;
}

function odbcValue(value: string, key: string, braced = false): string {
  if (value.includes('\0')) throw new InvalidValueError(key, 'it contains NUL (U+0000)');
  const bare =
    !braced &&
    value.length > 0 &&
    !/[[\]{}(),;?*=!@]/.test(value) &&
    !isWhitespace(value.charCodeAt(0)) &&
    !isWhitespace(value.charCodeAt(value.length - 1));
  return bare ? value : `{${value.replaceAll('}', '}}')}}`;
}


// --- Reading -----------------------------------------------------------------------------------

/** Whether pasted text opens with an ODBC head keyword (`DSN=`, `Driver=`, `FILEDSN=`, any case). */
export function looksLikeOdbc(pasted: string): boolean {
  return /^(?:DSN|Driver|FILEDSN)[ \t]*=/i.test(pasted.slice(0, 64).trimStart());
}

const ODBC_HEAD_KEY = /^(?:dsn|driver|filedsn)$/;

/**
 * `DSN=…;` / `Driver={…};` head pairs, then pairs whose values are bare, ODBC-braced (`{…}`, `}}` for `}`)
 * or quoted as in the plain form. Braced values become plain-quoted values; everything else is copied.
 */
export function readOdbc(pasted: string): Unwrapped {
  const n = pasted.length;
  const out = new Mapped();
  let i = 0;
  let bodyStart = 0;
  let braced = false;
  let inHead = true;
  // Without any braced value (a `DSN=…;` head and plain pairs, the documented form) the pairs are the plain
  // form and are read as such; with braces (`Driver={…}`) a bare value may hold what ODBC allows bare.
  const odbcBare = /(?:^|;)[^=;]*=[ \t]*\{/.test(pasted);
  while (i < n) {
    // Separators and whitespace between pairs.
    let j = i;
    while (j < n && (pasted[j] === ';' || /\s/.test(pasted[j]!))) j++;
    if (!inHead) out.copy(pasted, i, j);
    i = j;
    if (i >= n) break;
    const eq = pasted.indexOf('=', i);
    const key = eq === -1 ? '' : pasted.slice(i, eq).trim();
    if (inHead && !ODBC_HEAD_KEY.test(foldKey(key))) {
      inHead = false;
      bodyStart = i;
    }
    if (eq === -1) {
      out.copy(pasted, i, n);
      i = n;
      break;
    }
    let v = eq + 1;
    while (v < n && (pasted[v] === ' ' || pasted[v] === '\t')) v++;
    if (!inHead) out.copy(pasted, i, v);
    const c = pasted[v];
    let end: number;
    if (c === '{') {
      const value = readBraced(pasted, v);
      if (value && !inHead) {
        braced = true;
        writeQuoted(out, value, foldKey(key) === 'profilesettings');
        // Anything after the closing brace (an error) is copied for the parser to report.
        end = pasted.indexOf(';', value.close);
        end = end === -1 ? n : end;
        out.copy(pasted, value.close + 1, end);
      } else end = value ? nextSemicolon(pasted, value.close) : n;
      if (!value && !inHead) out.copy(pasted, v, n);
    } else if (c === "'" || c === '"') {
      end = nextSemicolon(pasted, quotedEnd(pasted, v));
      if (!inHead) out.copy(pasted, v, end);
    } else {
      end = nextSemicolon(pasted, v);
      if (!inHead && odbcBare) writeBare(out, pasted, v, end, foldKey(key) === 'profilesettings');
      else if (!inHead) out.copy(pasted, v, end);
    }
    i = end;
    if (inHead) bodyStart = Math.min(n, end + 1);
  }
  return odbcReading(pasted, out, inHead ? n : bodyStart, braced);
}

/** Just past the closing quote of the quoted value opening at `open` (a doubled quote is one literal quote), or the end. */
function quotedEnd(pasted: string, open: number): number {
  const c = pasted[open]!;
  let k = open + 1;
  for (;;) {
    const q = pasted.indexOf(c, k);
    if (q === -1) return pasted.length;
    if (pasted[q + 1] !== c) return q + 1;
    k = q + 2;
  }
}

/** The reading of an ODBC string whose pairs start at `bodyStart` (the DSN/Driver head before it is kept for the rewrite). */
function odbcReading(pasted: string, out: Mapped, bodyStart: number, braced: boolean): Unwrapped {
  const { text, source } = out.done(pasted.length);
  const head = pasted.slice(0, bodyStart);
  const rewrite = (next: string) => {
    const body = braced ? bracedBody(next) : next;
    // A head read without its closing `;` (`DSN=x` alone) needs one before the pairs.
    return head + (head !== '' && !/;\s*$/.test(head) && body !== '' ? ';' : '') + body;
  };
  // Where each top-level pair of `text` starts, read on the first fix: a fix is written back over the pairs it
  // touches only (rewriting and comparing the whole text per fix was quadratic in a long paste's pairs).
  let pairStarts: number[] | undefined;
  const mapEdits = (edits: readonly TextEdit[]): TextEdit[] => {
    if (edits.length === 0) return [];
    let from = text.length;
    let to = 0;
    for (const e of edits) {
      from = Math.min(from, e.start);
      to = Math.max(to, e.end);
    }
    pairStarts ??= parse(text).entries.map((e) => e.span.start);
    const windowStart = lastAtOrBefore(pairStarts, from) ?? 0;
    const windowEnd = firstAtOrAfter(pairStarts, to) ?? text.length;
    // The whole body: its rewrite may need the `;` after the head, so it goes the general way.
    if (windowStart === 0 && windowEnd === text.length) return diffEdit(pasted, rewrite(applyEdits(text, edits)));
    const local = edits.map((e) => ({ start: e.start - windowStart, end: e.end - windowStart, text: e.text }));
    const next = applyEdits(text.slice(windowStart, windowEnd), local);
    const pastedStart = source.starts[windowStart]!;
    const pastedEnd = windowEnd < text.length ? source.starts[windowEnd]! : source.end;
    return diffEdit(pasted.slice(pastedStart, pastedEnd), braced ? bracedBody(next) : next).map((e) => ({
      start: e.start + pastedStart,
      end: e.end + pastedStart,
      text: e.text,
    }));
  };
  return { pasted, text, source, rewrite, mapEdits };
}

/** The last of sorted `starts` at or before `at`. */
function lastAtOrBefore(starts: readonly number[], at: number): number | undefined {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? starts[lo - 1] : undefined;
}

/** The first of sorted `starts` at or after `at`. */
function firstAtOrAfter(starts: readonly number[], at: number): number | undefined {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length ? starts[lo] : undefined;
}

function nextSemicolon(text: string, from: number): number {
  const j = text.indexOf(';', from);
  return j === -1 ? text.length : j;
}

/** A `{…}` value from `open`: its decoded text and where each character came from; undefined if never closed. */
function readBraced(text: string, open: number): { value: string; starts: number[]; ends: number[]; open: number; close: number } | undefined {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = open + 1; k < text.length; k++) {
    if (text[k] === '}') {
      if (text[k + 1] === '}') {
        chars.push('}');
        starts.push(k);
        ends.push(k + 2);
        k++;
        continue;
      }
      return { value: chars.join(''), starts, ends, open, close: k };
    }
    chars.push(text[k]!);
    starts.push(k);
    ends.push(k + 1);
  }
  return undefined;
}

/** Writes a decoded braced value in plain-form quoting, each character mapped to its source. */
function writeQuoted(out: Mapped, braced: NonNullable<ReturnType<typeof readBraced>>, nested: boolean): void {
  const { value, starts, ends, open, close } = braced;
  let written: string;
  try {
    written = nested ? quoteNestedValue(value) : quoteValue(value);
  } catch {
    written = `'${value}'`; // a NUL: the parser reports it
  }
  if (written === value) {
    for (let k = 0; k < value.length; k++) out.push(value[k]!, starts[k]!, ends[k]!);
    return;
  }
  const quote = written[0]!;
  out.push(quote, open, open + 1);
  for (let k = 0; k < value.length; k++) out.push(value[k] === quote ? quote + quote : value[k]!, starts[k]!, ends[k]!);
  out.push(quote, close, close + 1);
}

/**
 * A bare ODBC value. ODBC takes any character up to `;` bare, the plain grammar does not (a control
 * character, a quote at the end): such a value is written quoted, its quotes mapped to its first and last
 * characters; any other value is copied as is.
 */
function writeBare(out: Mapped, pasted: string, from: number, to: number, nested: boolean): void {
  let last = to;
  while (last > from && /\s/.test(pasted[last - 1]!)) last--;
  const value = pasted.slice(from, last);
  let needsQuotes = /['"]$/.test(value);
  for (let k = 0; k < value.length && !needsQuotes; k++) needsQuotes = isControl(value.charCodeAt(k)) && !/[\t\n\r\v\f]/.test(value[k]!);
  // A line break followed by `name=` is a lost `;`: left to the plain reading, which reports it.
  if (!needsQuotes || value.includes('\0') || /[\r\n][^=;]*=/.test(value)) {
    out.copy(pasted, from, to);
    return;
  }
  const starts = Array.from({ length: value.length }, (_c, k) => from + k);
  writeQuoted(out, { value, starts, ends: starts.map((k) => k + 1), open: from, close: Math.max(from, last - 1) }, nested);
  out.copy(pasted, last, to);
}

/** A plain body written back with ODBC braces for quoted values, as the pasted string had them. */
function bracedBody(plain: string): string {
  const result = parse(plain);
  // Error positions in text order, walked beside the entries (also in text order).
  const bad = result.problems.filter((p) => p.severity === 'error').map((p) => p.span.start).sort((a, b) => a - b);
  const out: string[] = [];
  let at = 0;
  let b = 0;
  for (const entry of result.entries) {
    while (b < bad.length && bad[b]! < entry.span.start) b++;
    const spoiled = entry.invalid || (b < bad.length && bad[b]! < entry.span.end);
    if (entry.quoted === null || entry.value === null || spoiled) continue;
    out.push(plain.slice(at, entry.valueSpan.start), `{${entry.value.replaceAll('}', '}}')}}`);
    at = entry.valueSpan.end;
  }
  out.push(plain.slice(at));
  return out.join('');
}
