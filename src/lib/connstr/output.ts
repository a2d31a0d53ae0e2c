/**
 * One set of pairs in every form the docs show: the connection string, a JDBC URL, an ODBC string (DSN or
 * DSN-less), and code snippets for C# (ADO.NET), Java (JDBC) and Python, each with a correctly escaped
 * string literal. Browser compatible, no side effects.
 *
 * Snippets keep printable non-ASCII text readable (`é`, emoji) and escape what an editor, a compiler or
 * a reviewer could get wrong: control characters, line and paragraph separators, invisible format
 * characters (bidi overrides, zero-width spaces, BOM) and lone surrogates. `{ ascii: true }` escapes
 * every non-ASCII character instead.
 */
import { expectIterable, expectString } from './guard.ts';
import { isControl, isWhitespace } from './chars.ts';
import { InvalidValueError, serialize } from './serialize.ts';
import type { Pair } from './types.ts';

export interface LiteralOptions {
  /** Escape every non-ASCII character (default `false`: only the invisible or unsafe ones). */
  ascii?: boolean;
}

/** Pairs, or a connection string that is already serialized (used as is). */
export type PairsOrString = Iterable<Pair> | string;

function connectionText(input: PairsOrString, call: string): string {
  if (typeof input !== 'string') expectIterable(call, 'input', input, 'a connection string or an iterable of pairs');
  return typeof input === 'string' ? input : serialize(input);
}

export type JdbcPrefix = 'jdbc:api:' | 'jdbc:cdata:api:';

/** A JDBC URL: the prefix (`jdbc:api:` by default; `jdbc:cdata:api:` avoids clashes with other drivers) plus the pairs. */
export function toJdbcUrl(input: PairsOrString, prefix: JdbcPrefix = 'jdbc:api:'): string {
  return prefix + connectionText(input, 'toJdbcUrl(input)');
}

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

// --- String literals -------------------------------------------------------------------------

/** Characters a literal must escape in every language: invisible, line-breaking or not encodable. */
function isUnsafe(code: number): boolean {
  return (
    isControl(code) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x00ad ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x206f) ||
    code === 0xfeff ||
    (code >= 0xfff9 && code <= 0xfffb)
  );
}

const hex = (n: number, width: number): string => n.toString(16).toUpperCase().padStart(width, '0');

/**
 * Walks a string by code point, handing each to `escape` (which returns the text to write, or
 * `undefined` to write it unchanged). Lone surrogates come through as their own code unit.
 */
function mapCodePoints(s: string, escape: (cp: number, raw: string, lone: boolean) => string | undefined): string {
  const out: string[] = [];
  let plainStart = 0;
  for (let i = 0; i < s.length; ) {
    const unit = s.charCodeAt(i);
    let cp = unit;
    let width = 1;
    let lone = false;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        width = 2;
      } else lone = true;
    } else if (unit >= 0xd800 && unit <= 0xdfff) lone = true;
    const replacement = escape(cp, s.slice(i, i + width), lone);
    if (replacement !== undefined) {
      out.push(s.slice(plainStart, i), replacement);
      plainStart = i + width;
    }
    i += width;
  }
  out.push(s.slice(plainStart));
  return out.join('');
}

/** UTF-16 `\uXXXX` escapes of a code point (a pair of them above U+FFFF). */
function utf16Escapes(cp: number): string {
  if (cp <= 0xffff) return `\\u${hex(cp, 4)}`;
  const v = cp - 0x10000;
  return `\\u${hex(0xd800 + (v >> 10), 4)}\\u${hex(0xdc00 + (v & 0x3ff), 4)}`;
}

const C_SHARP_SIMPLE: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 0x22: '\\"', 0x5c: '\\\\' };

/**
 * A C# string literal. A verbatim `@"…"` (only `"` doubled) is used when the text has a backslash (Windows
 * paths stay readable) and nothing that needs an escape; otherwise a regular literal with `\\`, `\"`,
 * `\n`… and `\uXXXX` (never `\x`, whose length is variable).
 */
export function csharpString(s: string, options: LiteralOptions = {}): string {
  expectString('csharpString(s)', 's', s);
  let needsEscape = false;
  mapCodePoints(s, (cp, _raw, lone) => {
    if (lone || isUnsafe(cp) || (options.ascii && cp > 0x7e)) needsEscape = true;
    return undefined;
  });
  if (!needsEscape && s.includes('\\')) return `@"${s.replaceAll('"', '""')}"`;
  const body = mapCodePoints(s, (cp, _raw, lone) => {
    const simple = C_SHARP_SIMPLE[cp];
    if (simple !== undefined) return simple;
    if (lone || isUnsafe(cp) || (options.ascii && cp > 0x7e)) return cp > 0xffff ? `\\U${hex(cp, 8)}` : `\\u${hex(cp, 4)}`;
    return undefined;
  });
  return `"${body}"`;
}

const JAVA_SIMPLE: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r', 0x22: '\\"', 0x5c: '\\\\' };

/**
 * A Java string literal. Java turns `\uXXXX` into a character before it reads the source, so
 * `\u000A` or `\u0022` inside a literal would end it: line breaks use `\n`/`\r`, other control
 * characters (all below U+0100) use three-digit octal escapes such as `\001` (always three digits, so a
 * following digit cannot join the escape), and only other characters use `\uXXXX` (a surrogate pair
 * above U+FFFF, since Java strings are UTF-16).
 */
export function javaString(s: string, options: LiteralOptions = {}): string {
  expectString('javaString(s)', 's', s);
  const body = mapCodePoints(s, (cp, _raw, lone) => {
    const simple = JAVA_SIMPLE[cp];
    if (simple !== undefined) return simple;
    if (cp <= 0xff && isControl(cp)) return `\\${cp.toString(8).padStart(3, '0')}`;
    if (lone || isUnsafe(cp) || (options.ascii && cp > 0x7e)) return utf16Escapes(cp);
    return undefined;
  });
  return `"${body}"`;
}

const PYTHON_SIMPLE: Record<number, string> = { 9: '\\t', 10: '\\n', 13: '\\r', 0x22: '\\"', 0x5c: '\\\\' };

/**
 * A Python string literal, double-quoted and escaped (a raw string cannot end in a backslash and cannot
 * hold every quote, so escapes are used throughout). Python strings are code points, not UTF-16: a
 * character above U+FFFF is one `\U0001F600`, never two surrogate escapes; a lone surrogate becomes
 * `\udXXX`, which Python also allows.
 */
export function pythonString(s: string, options: LiteralOptions = {}): string {
  expectString('pythonString(s)', 's', s);
  const body = mapCodePoints(s, (cp, _raw, lone) => {
    const simple = PYTHON_SIMPLE[cp];
    if (simple !== undefined) return simple;
    if (lone || isUnsafe(cp) || (options.ascii && cp > 0x7e)) {
      if (cp <= 0xff) return `\\x${hex(cp, 2).toLowerCase()}`;
      if (cp <= 0xffff) return `\\u${hex(cp, 4).toLowerCase()}`;
      return `\\U${hex(cp, 8).toLowerCase()}`;
    }
    return undefined;
  });
  return `"${body}"`;
}

/** ADO.NET: `using var connection = new APIConnection(…);` with a C# literal of the connection string. */
export function toCSharp(input: PairsOrString, options: LiteralOptions = {}): string {
  return `using var connection = new APIConnection(${csharpString(connectionText(input, 'toCSharp(input)'), options)});`;
}

/** JDBC: `DriverManager.getConnection("jdbc:api:…")` with a Java literal of the URL. */
export function toJava(input: PairsOrString, options: LiteralOptions & { prefix?: JdbcPrefix } = {}): string {
  if (typeof input !== 'string') expectIterable('toJava(input)', 'input', input, 'a connection string or an iterable of pairs');
  return `Connection connection = DriverManager.getConnection(${javaString(toJdbcUrl(input, options.prefix), options)});`;
}

/** Python: `import cdata.api as mod` then `mod.connect("…")` with a Python literal of the connection string. */
export function toPython(input: PairsOrString, options: LiteralOptions = {}): string {
  return `import cdata.api as mod\n\nconn = mod.connect(${pythonString(connectionText(input, 'toPython(input)'), options)})`;
}
