/**
 * Character classes of the ADO.NET connection-string grammar (grammar doc §2.1).
 * Browser compatible, no side effects.
 *
 * JavaScript's own notion of whitespace (`String.prototype.trim`, `\s`) differs from .NET's
 * `char.IsWhiteSpace` (JS includes U+FEFF and excludes U+0085), so the grammar needs its own tests.
 */

/**
 * .NET `char.IsWhiteSpace`: U+0009–U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028,
 * U+2029, U+202F, U+205F, U+3000 (Unicode Zs/Zl/Zp plus the ASCII controls that act as whitespace).
 */
export function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** .NET `char.IsControl` (category Cc): U+0000–U+001F and U+007F–U+009F. */
export function isControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

/** `U+0001`-style name of a UTF-16 code unit, for messages. */
export function codePointLabel(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Folds a key for case-insensitive comparison (the driver matches keys ignoring case). */
export function foldKey(key: string): string {
  return key.toLowerCase();
}
