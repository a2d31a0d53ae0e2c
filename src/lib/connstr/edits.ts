/**
 * Text edits: applying a fix, and writing edits that land inside a nested (ProfileSettings) value.
 * Browser compatible, no side effects.
 */
import { quoteNestedValue } from './serialize.ts';
import type { NestedParseResult, TextEdit } from './types.ts';

/**
 * Applies non-overlapping edits to `text`. Edits are applied from the end backwards, so every offset
 * refers to the original text; an insertion at the start of a replaced range lands before the new text.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  // Building from slices keeps this linear in the text length plus the edits.
  const out: string[] = [];
  let tail = text.length;
  for (const edit of sorted) {
    out.push(text.slice(edit.end, tail), edit.text);
    tail = edit.start;
  }
  out.push(text.slice(0, tail));
  return out.reverse().join('');
}

/**
 * Edits meant for the decoded inner list of a nested value, with offsets already in the outer text
 * (as every span of a nested entry is), made safe for the outer quoting:
 * - inside `'…'` or `"…"` only that quote needs escaping (doubled), so each edit is kept as is;
 * - in a bare outer value a replacement could add `;`, quotes or whitespace, so the whole value is
 *   rewritten and re-quoted (a bare value has no escapes, so outer offsets map 1:1 to decoded ones).
 */
export function nestedEdits(nested: NestedParseResult, edits: readonly TextEdit[]): TextEdit[] {
  const quote = nested.quote;
  if (quote !== null) {
    return edits.map((e) => ({ start: e.start, end: e.end, text: e.text.replaceAll(quote, quote + quote) }));
  }
  const base = nested.within.start;
  const local = edits.map((e) => ({ start: e.start - base, end: e.end - base, text: e.text }));
  return [{ start: nested.within.start, end: nested.within.end, text: quoteNestedValue(applyEdits(nested.decoded, local)) }];
}
