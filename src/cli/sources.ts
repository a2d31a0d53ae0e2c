/**
 * Finds the connection strings in the CLI's inputs (plain text with one string a line, `.env` files,
 * `appsettings.json`-style JSON) and remembers where each one is written, so a finding at offset N of a
 * string is reported at the right line and column of its file, and a fixed string can be written back
 * into a copy of the file in the same quoting. Pure: no I/O (the shell in connstr.ts reads the files).
 *
 * Runs under Node's type stripping: explicit `.ts` imports, no TS-only syntax.
 */
import { jsonStrings } from '../lib/connstr/index.ts';

export type InputKind = 'text' | 'env' | 'json';

/** One connection string found in an input. */
export type Found = {
  /** The decoded string. */
  value: string;
  /**
   * `offsets[i]`: where the value's i-th UTF-16 unit is written in the input (`offsets[value.length]`: just after).
   * A typed array where the value is written as it is (a line of a text file: four bytes a character, filled fast).
   */
  offsets: number[] | Int32Array;
  /** The raw text the string occupies in the input (quotes included), to replace it in a copy of the file. */
  start: number;
  end: number;
  /** Writes a new value in the same notation (JSON string, .env quoting, bare line). */
  encode: (value: string) => string;
  /** The variable or JSON path it came from (`DB_CONNECTION`, `ConnectionStrings.Intercom`), when there is one. */
  label?: string;
};

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** The kind of a file, from its name: `.env`, `.env.production`, `x.env` → env; `*.json` → json; else text. */
export function kindOf(path: string): InputKind {
  const base = path.split(/[\\/]/).pop() ?? path;
  if (/^\.env(\..+)?$/i.test(base) || /\.env$/i.test(base)) return 'env';
  if (/\.json$/i.test(base)) return 'json';
  return 'text';
}

/** Offsets of a value written as it is, from `from`: `length + 1` of them. */
function identity(from: number, length: number): Int32Array {
  const offsets = new Int32Array(length + 1);
  for (let i = 0; i <= length; i++) offsets[i] = from + i;
  return offsets;
}

/** Line starts of `text`, for offset → (line, column). */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** Plain text: every line that is not blank or a `#` comment is one string (surrounding spaces ignored). */
function fromText(text: string): Found[] {
  const found: Found[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const lead = line.length - line.trimStart().length;
    const value = line.trim();
    if (value !== '' && !value.startsWith('#')) {
      found.push({ value, offsets: identity(start + lead, value.length), start: start + lead, end: start + lead + value.length, encode: (v) => v });
    }
    start += raw.length + 1;
  }
  return found;
}

const ENV_LINE = /^([ \t]*(?:export[ \t]+)?)([A-Za-z_][A-Za-z0-9_.-]*)([ \t]*=[ \t]*)/;

function envEncode(quote: string | null): (value: string) => string {
  return (value) => {
    // Keep the original notation; a bare value that now needs quotes gets single quotes (no escapes in them).
    if (quote === null && !/[\s#"']/.test(value)) return value;
    if (quote !== '"' && !value.includes("'")) return `'${value}'`;
    return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
  };
}

/** `.env`: `NAME=value`, `export NAME=value`, values bare (a ` #` starts a comment), `'…'` or `"…"` (with `\` escapes). */
function fromEnv(text: string): Found[] {
  const found: Found[] = [];
  let lineStart = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const head = ENV_LINE.exec(line);
    if (head && !line.trimStart().startsWith('#')) {
      const name = head[2]!;
      const at = lineStart + head[0].length;
      const rest = line.slice(head[0].length);
      const quote = rest[0] === '"' || rest[0] === "'" ? rest[0] : null;
      let value = '';
      let offsets: number[] | Int32Array;
      let end: number;
      if (quote === "'") {
        const close = rest.indexOf("'", 1);
        if (close < 0) throw new InputError(`line ${lineIndex(text)(at).line}: the value of ${name} opens a ' quote that is never closed`);
        value = rest.slice(1, close);
        offsets = identity(at + 1, value.length);
        end = at + close + 1;
      } else if (quote === '"') {
        const written: number[] = [];
        offsets = written;
        let i = 1;
        const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
        for (; i < rest.length && rest[i] !== '"'; i++) {
          written.push(at + i);
          if (rest[i] === '\\' && i + 1 < rest.length && escapes[rest[i + 1]!] !== undefined) {
            value += escapes[rest[i + 1]!];
            i++;
          } else value += rest[i];
        }
        if (i >= rest.length) throw new InputError(`line ${lineIndex(text)(at).line}: the value of ${name} opens a " quote that is never closed`);
        written.push(at + i);
        end = at + i + 1;
      } else {
        const comment = rest.search(/[ \t]#/);
        value = (comment < 0 ? rest : rest.slice(0, comment)).trimEnd();
        offsets = identity(at, value.length);
        end = at + value.length;
      }
      found.push({ value, offsets, start: at, end, encode: envEncode(quote), label: name });
    }
    lineStart += raw.length + 1;
  }
  return found;
}

/**
 * What is wrong with a JSON file, without quoting it: the engine's parser message for some errors quotes the file
 * (`Unexpected token 'h', "{"A": hunter2…" is not valid JSON`), and the file may hold a password.
 */
function jsonProblem(message: string): string {
  if (!/"/.test(message)) return message;
  return /^Unexpected token/.test(message) ? 'unexpected text where a JSON value belongs' : message.replace(/,?\s*"[^]*$/, '');
}

/**
 * Finds the connection strings of one input.
 * @param looksLikeConnectionString decides, for `.env` variables and JSON values outside a `ConnectionStrings`
 *   section, whether a string is a connection string (the CLI asks: does it set a property the catalog knows?)
 * @throws InputError when a JSON file is not JSON or a `.env` quote is never closed
 */
export function findStrings(text: string, kind: InputKind, looksLikeConnectionString: (value: string) => boolean): Found[] {
  if (kind === 'text') return fromText(text);
  if (kind === 'env') return fromEnv(text).filter((f) => looksLikeConnectionString(f.value));
  try {
    JSON.parse(text);
  } catch (error) {
    throw new InputError(`not valid JSON (${jsonProblem((error as Error).message)})`);
  }
  // .NET's appsettings.json keeps them under "ConnectionStrings"; elsewhere, only strings that look like one.
  // The engine's JSON string reader (the appsettings.json form's): each decoded character mapped to where it is written.
  return jsonStrings(text)
    .filter((s) => s.path.some((part) => part.toLowerCase() === 'connectionstrings') || looksLikeConnectionString(s.text))
    .map((s) => ({ value: s.text, offsets: [...s.starts, s.end - 1], start: s.start, end: s.end, encode: (v: string) => JSON.stringify(v), label: s.path.join('.') }));
}

/** A copy of `text` with each found string replaced (by `replacement`, or left as is when it returns undefined). */
export function rewrite(text: string, found: readonly Found[], replacement: (f: Found) => string | undefined): string {
  let out = '';
  let tail = 0;
  for (const f of [...found].sort((a, b) => a.start - b.start)) {
    const next = replacement(f);
    // An unchanged string keeps its exact original text (quoting, escapes).
    if (next === undefined || next === f.value) continue;
    out += text.slice(tail, f.start) + f.encode(next);
    tail = f.end;
  }
  return out + text.slice(tail);
}
