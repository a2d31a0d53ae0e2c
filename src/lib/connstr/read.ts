/**
 * Reads back what people paste into the validator: every form the builder writes (the plain string, a JDBC
 * URL, an ODBC string, a C#, Java or Python snippet) is recognised, unwrapped to a plain connection string,
 * and mapped back, so findings point into the pasted text and fixes are written in the pasted form (a fix
 * inside a C# literal comes back escaped for C#). Browser compatible, no side effects.
 */
import { foldKey, isControl } from './chars.ts';
import { expectString } from './guard.ts';
import { applyEdits } from './edits.ts';
import { parse } from './parse.ts';
import { csharpString, javaString, pythonString } from './output.ts';
import { quoteNestedValue, quoteValue } from './serialize.ts';
import type { Span, TextEdit } from './types.ts';

const pastedForms = ['plain', 'jdbc', 'odbc', 'csharp', 'java', 'python'] as const;
export type PastedForm = (typeof pastedForms)[number];
/** What a UI says it read ("Read as a C# snippet"). */
const pastedFormLabels: Record<PastedForm, string> = {
  plain: 'plain',
  jdbc: 'JDBC URL',
  odbc: 'ODBC (DSN)',
  csharp: 'C# snippet',
  java: 'Java',
  python: 'Python',
};

export interface Reading {
  form: PastedForm;
  label: string;
  /** The text as pasted. */
  pasted: string;
  /** The connection string read from it (a JDBC URL keeps its `jdbc:api:` prefix, which `parseAny` strips). */
  text: string;
  /** Where each code unit of `text` came from in `pasted` (absent: `text` is `pasted`). */
  source?: { starts: Int32Array; ends: Int32Array; end: number };
  /** The pasted text with `text` replaced by `next`, written in the same form (same literal style, same ODBC head). */
  rewrite(next: string): string;
  /** For a string literal: how inserted text is escaped in it, so an edit maps without rewriting the whole literal. */
  escape?: (inserted: string) => string;
}

type Lang = 'csharp' | 'java' | 'python';

/** Builds an unwrapped string together with the source range of every code unit. */
class Mapped {
  private parts: string[] = [];
  private starts: number[] = [];
  private ends: number[] = [];
  push(text: string, start: number, end: number): void {
    this.parts.push(text);
    for (let k = 0; k < text.length; k++) {
      this.starts.push(start);
      this.ends.push(end);
    }
  }
  /** Copies `pasted.slice(from, to)` one to one. */
  copy(pasted: string, from: number, to: number): void {
    this.parts.push(pasted.slice(from, to));
    for (let k = from; k < to; k++) {
      this.starts.push(k);
      this.ends.push(k + 1);
    }
  }
  done(end: number): { text: string; source: NonNullable<Reading['source']> } {
    return { text: this.parts.join(''), source: { starts: Int32Array.from(this.starts), ends: Int32Array.from(this.ends), end } };
  }
}

const identity = (pasted: string, form: PastedForm): Reading => ({
  form,
  label: pastedFormLabels[form],
  pasted,
  text: pasted,
  rewrite: (next) => next,
});

/**
 * Recognises the form of a pasted text and unwraps it. Never fails on odd input: what is not recognised as
 * another form is read as the plain form.
 * @throws TypeError when `pasted` is not a string
 */
export function readPasted(pasted: string): Reading {
  expectString('readPasted(pasted)', 'pasted', pasted);
  const head = pasted.slice(0, 64).trimStart();
  if (/^jdbc:/i.test(head)) return identity(pasted, 'jdbc');
  if (/^(?:DSN|Driver|FILEDSN)[ \t]*=/i.test(head)) return readOdbc(pasted);
  return readCode(pasted) ?? identity(pasted, 'plain');
}

/** A span of `reading.text` as a span of the pasted text. */
export function toPastedSpan(reading: Reading, span: Span): Span {
  const source = reading.source;
  if (!source) return span;
  const at = (i: number) => (i < source.starts.length ? source.starts[i]! : source.end);
  if (span.end <= span.start) return { start: at(span.start), end: at(span.start) };
  return { start: at(span.start), end: source.ends[Math.min(span.end, source.ends.length) - 1]! };
}

/**
 * Edits of `reading.text` (a fix) as edits of the pasted text: applied to the unwrapped string, written back
 * in the pasted form, then narrowed to the one changed range.
 */
function toPastedEdits(reading: Reading, next: string): TextEdit[] {
  if (!reading.source) return diffEdit(reading.pasted, next);
  return diffEdit(reading.pasted, reading.rewrite(next));
}

/**
 * Edits of `reading.text` as edits of the pasted text. Inside a string literal each edit is mapped and its
 * text escaped for the literal (cost in proportion to the edits); other forms are rewritten and compared.
 */
export function mapEdits(reading: Reading, edits: readonly TextEdit[]): TextEdit[] {
  if (!reading.source) return [...edits];
  const escape = reading.escape;
  if (!escape) return toPastedEdits(reading, applyEdits(reading.text, edits));
  return edits.map((e) => ({ ...toPastedSpan(reading, e), text: escape(e.text) }));
}

/** The smallest single edit that turns `before` into `after` (none when equal). */
function diffEdit(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  return [{ start: p, end: before.length - s, text: after.slice(p, after.length - s) }];
}

// --- ODBC ------------------------------------------------------------------------------------

const ODBC_HEAD_KEY = /^(?:dsn|driver|filedsn)$/;

/**
 * `DSN=…;` / `Driver={…};` head pairs, then pairs whose values are bare, ODBC-braced (`{…}`, `}}` for `}`)
 * or quoted as in the plain form. Braced values become plain-quoted values; everything else is copied.
 */
function readOdbc(pasted: string): Reading {
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
function odbcReading(pasted: string, out: Mapped, bodyStart: number, braced: boolean): Reading {
  const { text, source } = out.done(pasted.length);
  const head = pasted.slice(0, bodyStart);
  return {
    form: 'odbc',
    label: pastedFormLabels.odbc,
    pasted,
    text,
    source,
    rewrite: (next) => {
      const body = braced ? bracedBody(next) : next;
      // A head read without its closing `;` (`DSN=x` alone) needs one before the pairs.
      return head + (head !== '' && !/;\s*$/.test(head) && body !== '' ? ';' : '') + body;
    },
  };
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
  const bad = new Set(result.problems.filter((p) => p.severity === 'error').map((p) => p.span.start));
  const out: string[] = [];
  let at = 0;
  for (const entry of result.entries) {
    const spoiled = entry.invalid || [...bad].some((s) => s >= entry.span.start && s < entry.span.end);
    if (entry.quoted === null || entry.value === null || spoiled) continue;
    out.push(plain.slice(at, entry.valueSpan.start), `{${entry.value.replaceAll('}', '}}')}}`);
    at = entry.valueSpan.end;
  }
  out.push(plain.slice(at));
  return out.join('');
}

// --- Code snippets -----------------------------------------------------------------------------

interface Literal {
  /** Where the literal starts (its prefix such as `@` or `r`) and ends (after the closing quote). */
  start: number;
  end: number;
  value: string;
  starts: number[];
  ends: number[];
  /** The position just after the last character of the content (before the closing quote). */
  contentEnd: number;
  quote: '"' | "'";
  style: 'regular' | 'verbatim' | 'raw';
}

/** A declaration with a type or keyword: `var cs =`, `string cs =`, `String url =`, `final String url =`. */
const DECLARATION = /(?:^|[\s;{}])(?:var|string|String|final\s+String|val|let|const|auto)\s+[A-Za-z_]\w*\s*=$/;
/** A call that takes the string: `new APIConnection(`, `DriverManager.getConnection(`, `mod.connect(`. */
const CALL = /[A-Za-z_][\w.]*\s*\($/;
/** Names code gives a connection string (`conn_str = "…"` in Python has no keyword to go by). */
const CONNECTION_VARIABLE = /(?:^|[\s;])(?:conn|connection|cs|connstr|conn_str|connection_string|connectionstring|url|jdbc_url|dsn)\w*\s*=$/i;

/**
 * Whether the text before a literal is code. Plain strings have quoted values too (`User="a b"`,
 * `ProfileSettings='APIKey=x;…'`, a path with `(x86)`), so only what code writes right before a string
 * counts: a call's `(`, a declaration, an assignment with spaces around `=` or to a connection-ish name,
 * or nothing at all (a bare literal).
 */
function isCodeHead(head: string, value: string): boolean {
  const h = head.trimEnd();
  if (h === '') return true;
  if (CALL.test(h) || DECLARATION.test(h)) return true;
  // `name = "…"` with spaces, as code is written, or `conn_str="…"`: the string must then look like a whole connection string.
  if (CONNECTION_VARIABLE.test(h) || (/(?:^|[\s;])[A-Za-z_]\w*\s+=$/.test(h) && /\s$/.test(head))) {
    const inner = parse(value);
    return inner.entries.length >= 2 || foldKey(inner.entries[0]?.key ?? '') === 'profile' || /^\s*jdbc:/i.test(value);
  }
  return false;
}

function readCode(pasted: string): Reading | undefined {
  const q = firstQuote(pasted);
  if (q === -1) return undefined;
  let start = q;
  while (start > 0 && /[@$rRuUbBfF]/.test(pasted[start - 1]!) && q - start < 2) start--;
  const prefix = pasted.slice(start, q);
  // A plain value prefix letter (`Password=r"…"` is not Python): only count letters that follow no word character.
  if (start > 0 && /\w/.test(pasted[start - 1]!)) return undefined;
  const head = pasted.slice(0, start);
  const lang = guessLang(head, prefix, pasted[q] as '"' | "'");
  const literals: Literal[] = [];
  let at = start;
  for (;;) {
    const literal = readLiteral(pasted, at, lang);
    if (!literal) break;
    literals.push(literal);
    // Adjacent literals join: `"a" + "b"` in C# and Java, `"a" "b"` in Python (often across lines).
    let k = literal.end;
    while (k < pasted.length && /\s/.test(pasted[k]!)) k++;
    if (lang !== 'python' && pasted[k] === '+') {
      k++;
      while (k < pasted.length && /\s/.test(pasted[k]!)) k++;
    } else if (lang !== 'python') break;
    const next = k;
    if (next >= pasted.length || !/["'@$rRuUbBfF]/.test(pasted[next]!)) break;
    if (!readLiteral(pasted, next, lang)) break;
    at = next;
  }
  if (literals.length === 0) return undefined;
  const last = literals[literals.length - 1]!;
  const tail = pasted.slice(last.end);
  const value = literals.map((l) => l.value).join('');
  if (!value.includes('=')) return undefined;
  // The literal must be the last thing of substance: `);`, a comment, or nothing.
  if (!/^[\s);]*(?:(?:\/\/|#)[^\n]*)?\s*$/.test(tail)) return undefined;
  if (!isCodeHead(head, value)) return undefined;
  const out = new Mapped();
  for (const l of literals) for (let k = 0; k < l.value.length; k++) out.push(l.value[k]!, l.starts[k]!, l.ends[k]!);
  const { text, source } = out.done(last.contentEnd);
  const first = literals[0]!;
  const form: PastedForm = lang;
  return {
    form,
    label: pastedFormLabels[form],
    pasted,
    text,
    source,
    rewrite: (next) => pasted.slice(0, first.start) + writeLiteral(next, lang, first) + pasted.slice(last.end),
    escape: escaperFor(lang, first),
  };
}

/** The body escaping of a literal like `like` (no quotes around), or undefined when it has none (a Python raw string). */
function escaperFor(lang: Lang, like: Literal): ((s: string) => string) | undefined {
  if (lang === 'csharp') {
    if (like.style === 'verbatim') return (s) => s.replaceAll('"', '""');
    // A trailing line break keeps csharpString from choosing a verbatim literal; its escape is cut off again.
    return (s) => csharpString(s + '\n').slice(1, -3);
  }
  if (lang === 'java') return (s) => javaString(s).slice(1, -1);
  if (like.style === 'raw') return undefined;
  return (s) => writeLiteral(s, 'python', like).slice(1, -1);
}

function firstQuote(text: string): number {
  const d = text.indexOf('"');
  const s = text.indexOf("'");
  if (d === -1) return s;
  if (s === -1) return d;
  return Math.min(d, s);
}

function guessLang(head: string, prefix: string, quote: '"' | "'"): Lang {
  if (prefix.includes('@') || prefix.includes('$') || /\bAPIConnection\b|\busing\b|\bvar\s|\bstring\s/.test(head)) return 'csharp';
  if (/[rRuUbBfF]/.test(prefix) || quote === "'" || /\bimport\b|\.connect\s*\(|^\s*\w+\s*=\s*$/.test(head)) return 'python';
  if (/\bDriverManager\b|\bString\s|\bConnection\s/.test(head)) return 'java';
  return 'csharp';
}

const SIMPLE: Record<Lang, Record<string, string>> = {
  csharp: { "'": "'", '"': '"', '\\': '\\', '0': '\0', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' },
  java: { "'": "'", '"': '"', '\\': '\\', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', s: ' ' },
  python: { "'": "'", '"': '"', '\\': '\\', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' },
};

/** One string literal at `at` (prefix included), decoded with the language's escapes. */
function readLiteral(text: string, at: number, lang: Lang): Literal | undefined {
  let q = at;
  while (q < text.length && /[@$rRuUbBfF]/.test(text[q]!) && q - at < 2) q++;
  const quote = text[q];
  if (quote !== '"' && quote !== "'") return undefined;
  if (quote === "'" && lang !== 'python') return undefined;
  const prefix = text.slice(at, q);
  const style: Literal['style'] = lang === 'csharp' && prefix.includes('@') ? 'verbatim' : lang === 'python' && /[rR]/.test(prefix) ? 'raw' : 'regular';
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const put = (s: string, from: number, to: number) => {
    for (const unit of s.split('')) {
      chars.push(unit);
      starts.push(from);
      ends.push(to);
    }
  };
  let k = q + 1;
  let contentEnd = text.length;
  let end = text.length;
  while (k < text.length) {
    const c = text[k]!;
    if (c === quote) {
      if (style === 'verbatim' && text[k + 1] === quote) {
        put(quote, k, k + 2);
        k += 2;
        continue;
      }
      contentEnd = k;
      end = k + 1;
      break;
    }
    if (c === '\\' && style === 'regular' && k + 1 < text.length) {
      const escaped = decodeEscape(text, k, lang);
      put(escaped.value, k, escaped.end);
      k = escaped.end;
      continue;
    }
    if (c === '\\' && style === 'raw' && text[k + 1] === quote) {
      // Python raw strings keep the backslash, but it still stops the quote from closing.
      put('\\' + quote, k, k + 2);
      k += 2;
      continue;
    }
    put(c, k, k + 1);
    k++;
  }
  return { start: at, end, value: chars.join(''), starts, ends, contentEnd, quote, style };
}

function decodeEscape(text: string, k: number, lang: Lang): { value: string; end: number } {
  const e = text[k + 1]!;
  const simple = SIMPLE[lang][e];
  if (simple !== undefined) {
    // Java and Python octal escapes start with a digit too; `\0` in C# is only NUL.
    if (!(e === '0' && lang !== 'csharp')) return { value: simple, end: k + 2 };
  }
  const hexRun = (from: number, min: number, max: number) => {
    let j = from;
    while (j < text.length && j - from < max && /[0-9a-fA-F]/.test(text[j]!)) j++;
    return j - from >= min ? j : -1;
  };
  const fromCode = (cp: number) => (cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd');
  if (e === 'u') {
    let from = k + 2;
    if (lang === 'java') while (text[from] === 'u') from++;
    const j = hexRun(from, 4, 4);
    if (j !== -1) return { value: String.fromCharCode(parseInt(text.slice(from, j), 16)), end: j };
  }
  if (e === 'U' && lang !== 'java') {
    const j = hexRun(k + 2, 8, 8);
    if (j !== -1) return { value: fromCode(parseInt(text.slice(k + 2, j), 16)), end: j };
  }
  if (e === 'x' && lang !== 'java') {
    const j = hexRun(k + 2, lang === 'python' ? 2 : 1, lang === 'python' ? 2 : 4);
    if (j !== -1) return { value: String.fromCharCode(parseInt(text.slice(k + 2, j), 16)), end: j };
  }
  if (lang !== 'csharp' && /[0-7]/.test(e)) {
    let j = k + 1;
    const max = lang === 'java' && e > '3' ? 2 : 3;
    while (j < text.length && j - (k + 1) < max && /[0-7]/.test(text[j]!)) j++;
    return { value: String.fromCharCode(parseInt(text.slice(k + 1, j), 8)), end: j };
  }
  if (lang === 'python' && e === '\n') return { value: '', end: k + 2 };
  // An escape the language does not define: keep both characters (Python does; C# and Java would not compile).
  return { value: '\\' + e, end: k + 2 };
}

/** `next` as a literal in the style of the first pasted literal. */
function writeLiteral(next: string, lang: Lang, like: Literal): string {
  if (lang === 'csharp') return like.style === 'verbatim' ? `@"${next.replaceAll('"', '""')}"` : csharpString(next);
  if (lang === 'java') return javaString(next);
  if (like.style === 'raw' && !next.includes(like.quote) && !next.endsWith('\\') && !/[\r\n]/.test(next)) return `r${like.quote}${next}${like.quote}`;
  const body = pythonString(next).slice(1, -1);
  if (like.quote === '"') return `"${body}"`;
  return `'${body.replaceAll('\\"', '"').replaceAll("'", "\\'")}'`;
}
