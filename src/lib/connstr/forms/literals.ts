/**
 * String literals of C#, Java and Python that hold a connection string exactly: the writers of the code-snippet
 * forms (code.ts) and the escaping of a fix written into a pasted literal use them. Browser compatible, no side
 * effects.
 *
 * Literals keep printable non-ASCII text readable (`é`, emoji) and escape what an editor, a compiler or a
 * reviewer could get wrong: control characters, line and paragraph separators, invisible format characters
 * (bidi overrides, zero-width spaces, BOM) and lone surrogates. `{ ascii: true }` escapes every non-ASCII
 * character instead.
 */
import { expectString } from '../guard.ts';
import { isControl } from '../chars.ts';

export interface LiteralOptions {
  /** Escape every non-ASCII character (default `false`: only the invisible or unsafe ones). */
  ascii?: boolean;
}

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
