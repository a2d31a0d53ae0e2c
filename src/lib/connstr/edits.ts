/**
 * Text edits: applying a fix, and writing edits that land inside a nested (ProfileSettings) value.
 * Browser compatible, no side effects.
 */
import { expectArray, expectString } from './guard.ts';
import { quoteNestedValue } from './serialize.ts';
import type { NestedParseResult, Span, TextEdit } from './types.ts';

/**
 * Applies non-overlapping edits to `text`. Edits are applied from the end backwards, so every offset
 * refers to the original text; an insertion at the start of a replaced range lands before the new text.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  expectString('applyEdits(text, edits)', 'text', text);
  expectArray('applyEdits(text, edits)', 'edits', edits);
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
 * The one way a fix puts edits into a level of the string (the parser's, the validator's and the paste reader's
 * fixes alike): edits against the top level (`nested` undefined) are kept as they are; edits against the entries
 * of a nested value go through `nestedEdits`.
 */
export function placeEdits(nested: NestedParseResult | undefined, edits: TextEdit[]): TextEdit[] {
  return nested ? nestedEdits(nested, edits) : edits;
}

/**
 * Edits meant for the decoded inner list of a nested value, with offsets already in the outer text
 * (as every span of a nested entry is), made safe for the outer quoting:
 * - inside `'…'` or `"…"` only that quote needs escaping (doubled), so each edit is kept as is;
 * - a bare outer value could not take the `;`, quotes or whitespace a replacement may add, so it is
 *   wrapped in a quote character it does not contain (two insertions, nothing else rewritten: a fix per
 *   misplaced property must not copy a long value each time); only a bare value holding both quote
 *   characters is rewritten and re-quoted whole (a bare value has no escapes, so outer offsets map 1:1
 *   to decoded ones).
 */
function nestedEdits(nested: NestedParseResult, edits: readonly TextEdit[]): TextEdit[] {
  const quote = nested.quote;
  if (quote !== null) return edits.map((e) => escapedFor(quote, e));
  const wrap = bareWrapQuote(nested);
  if (wrap !== null) return wrapped(nested.within, edits.map((e) => escapedFor(wrap, e)), wrap);
  const base = nested.within.start;
  const local = edits.map((e) => ({ start: e.start - base, end: e.end - base, text: e.text }));
  return [{ start: nested.within.start, end: nested.within.end, text: quoteNestedValue(applyEdits(nested.decoded, local)) }];
}

function escapedFor(quote: '"' | "'", edit: TextEdit): TextEdit {
  return { start: edit.start, end: edit.end, text: edit.text.replaceAll(quote, quote + quote) };
}

/** The quote that can wrap a bare nested value without escaping it, cached: validation asks once per fix. */
const wrapQuotes = new WeakMap<NestedParseResult, '"' | "'" | null>();
function bareWrapQuote(nested: NestedParseResult): '"' | "'" | null {
  let wrap = wrapQuotes.get(nested);
  if (wrap === undefined) {
    // Single quotes first: the spelling CData's examples use for ProfileSettings.
    wrap = !nested.decoded.includes("'") ? "'" : !nested.decoded.includes('"') ? '"' : null;
    wrapQuotes.set(nested, wrap);
  }
  return wrap;
}

/**
 * Adds the opening and closing quote around `within`. A quote that lands where an edit starts or ends is
 * merged into that edit, so no two insertions share a position (their order would then be up to the editor).
 */
function wrapped(within: Span, edits: TextEdit[], quote: string): TextEdit[] {
  const out = edits.map((e) => ({ ...e }));
  const first = out.find((e) => e.start === within.start);
  if (first) first.text = quote + first.text;
  else out.push({ start: within.start, end: within.start, text: quote });
  const last = out.find((e) => e.end === within.end);
  if (last) last.text += quote;
  else out.push({ start: within.end, end: within.end, text: quote });
  return out;
}
