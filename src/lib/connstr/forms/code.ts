/**
 * The code-snippet forms: a C# (ADO.NET), Java (JDBC) or Python statement with the connection string in a
 * correctly escaped literal. Their writers, and their reader, which recognises a snippet of one language, joins
 * its literals and decodes them. Browser compatible, no side effects.
 */
import { foldKey } from '../chars.ts';
import { parse } from '../parse.ts';
import { connectionText, type PairsOrString } from './input.ts';
import { toJdbcUrl, type JdbcPrefix } from './jdbc.ts';
import { csharpString, javaString, pythonString, type LiteralOptions } from './literals.ts';
import { Mapped, type Unwrapped } from './reading.ts';

/** The languages a snippet is written in (each one form of the table in forms.ts). */
export type Language = 'csharp' | 'java' | 'python';

/** ADO.NET: `using var connection = new APIConnection(…);` with a C# literal of the connection string. */
export function toCSharp(input: PairsOrString, options: LiteralOptions = {}): string {
  return `using var connection = new APIConnection(${csharpString(connectionText(input, 'toCSharp(input)'), options)});`;
}

/** JDBC: `DriverManager.getConnection("jdbc:api:…")` with a Java literal of the URL. */
export function toJava(input: PairsOrString, options: LiteralOptions & { prefix?: JdbcPrefix } = {}): string {
  return `Connection connection = DriverManager.getConnection(${javaString(toJdbcUrl(connectionText(input, 'toJava(input)'), options.prefix), options)});`;
}

/** Python: `import cdata.api as mod` then `mod.connect("…")` with a Python literal of the connection string. */
export function toPython(input: PairsOrString, options: LiteralOptions = {}): string {
  return `import cdata.api as mod\n\nconn = mod.connect(${pythonString(connectionText(input, 'toPython(input)'), options)})`;
}

// --- Reading -----------------------------------------------------------------------------------

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

/** Where a snippet's first literal starts, the code before it, and the language that code reads as. */
function snippetHead(pasted: string): { start: number; head: string; lang: Language } | undefined {
  const q = firstQuote(pasted);
  if (q === -1) return undefined;
  let start = q;
  while (start > 0 && /[@$rRuUbBfF]/.test(pasted[start - 1]!) && q - start < 2) start--;
  const prefix = pasted.slice(start, q);
  // A plain value prefix letter (`Password=r"…"` is not Python): only count letters that follow no word character.
  if (start > 0 && /\w/.test(pasted[start - 1]!)) return undefined;
  const head = pasted.slice(0, start);
  return { start, head, lang: guessLanguage(head, prefix, pasted[q] as '"' | "'") };
}

/**
 * The connection string in a snippet of `language`: its string literal (adjacent literals joined), decoded with
 * the language's escapes. Undefined when the text is not such a snippet (another language, or not code).
 */
export function readSnippet(pasted: string, language: Language): Unwrapped | undefined {
  const found = snippetHead(pasted);
  if (!found || found.lang !== language) return undefined;
  const { start, head, lang } = found;
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
  return {
    pasted,
    text,
    source,
    rewrite: (next) => pasted.slice(0, first.start) + writeLiteral(next, lang, first) + pasted.slice(last.end),
    escape: escaperFor(lang, first),
  };
}

/** The body escaping of a literal like `like` (no quotes around), or undefined when it has none (a Python raw string). */
function escaperFor(lang: Language, like: Literal): ((s: string) => string) | undefined {
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

function guessLanguage(head: string, prefix: string, quote: '"' | "'"): Language {
  if (prefix.includes('@') || prefix.includes('$') || /\bAPIConnection\b|\busing\b|\bvar\s|\bstring\s/.test(head)) return 'csharp';
  if (/[rRuUbBfF]/.test(prefix) || quote === "'" || /\bimport\b|\.connect\s*\(|^\s*\w+\s*=\s*$/.test(head)) return 'python';
  if (/\bDriverManager\b|\bString\s|\bConnection\s/.test(head)) return 'java';
  return 'csharp';
}

const SIMPLE: Record<Language, Record<string, string>> = {
  csharp: { "'": "'", '"': '"', '\\': '\\', '0': '\0', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' },
  java: { "'": "'", '"': '"', '\\': '\\', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', s: ' ' },
  python: { "'": "'", '"': '"', '\\': '\\', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' },
};

/** One string literal at `at` (prefix included), decoded with the language's escapes. */
function readLiteral(text: string, at: number, lang: Language): Literal | undefined {
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

function decodeEscape(text: string, k: number, lang: Language): { value: string; end: number } {
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
function writeLiteral(next: string, lang: Language, like: Literal): string {
  if (lang === 'csharp') return like.style === 'verbatim' ? `@"${next.replaceAll('"', '""')}"` : csharpString(next);
  if (lang === 'java') return javaString(next);
  if (like.style === 'raw' && !next.includes(like.quote) && !next.endsWith('\\') && !/[\r\n]/.test(next)) return `r${like.quote}${next}${like.quote}`;
  const body = pythonString(next).slice(1, -1);
  if (like.quote === '"') return `"${body}"`;
  return `'${body.replaceAll('\\"', '"').replaceAll("'", "\\'")}'`;
}
