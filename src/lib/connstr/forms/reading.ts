/**
 * What reading a pasted form gives: the connection string unwrapped from it, where each of its characters came
 * from, and how to write a changed string back in the same form, so findings point into the pasted text and
 * fixes are written in its form (a fix inside a C# literal comes back escaped for C#). Every form's reader
 * (forms.ts) returns one. Browser compatible, no side effects.
 */
import { applyEdits } from '../edits.ts';
import type { Span, TextEdit } from '../types.ts';

/** A connection string read out of pasted text, and the way back. */
export interface Unwrapped {
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
  /**
   * For a form that writes back pair by pair (ODBC): edits of `text` as edits of the pasted text, at a cost in
   * proportion to the pairs they touch, not to the whole text (a long paste has a fix per pair).
   */
  mapEdits?: (edits: readonly TextEdit[]) => TextEdit[];
}

/** Builds an unwrapped string together with the source range of every code unit. */
export class Mapped {
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
  done(end: number): { text: string; source: NonNullable<Unwrapped['source']> } {
    return { text: this.parts.join(''), source: { starts: Int32Array.from(this.starts), ends: Int32Array.from(this.ends), end } };
  }
}

/** Pasted text that is the connection string itself (the plain form, a JDBC URL). */
export const asIs = (pasted: string): Unwrapped => ({ pasted, text: pasted, rewrite: (next) => next });

/** A span of `reading.text` as a span of the pasted text. */
export function toPastedSpan(reading: Unwrapped, span: Span): Span {
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
function toPastedEdits(reading: Unwrapped, next: string): TextEdit[] {
  if (!reading.source) return diffEdit(reading.pasted, next);
  return diffEdit(reading.pasted, reading.rewrite(next));
}

/**
 * Edits of `reading.text` as edits of the pasted text. Inside a string literal each edit is mapped and its
 * text escaped for the literal (cost in proportion to the edits); other forms are rewritten and compared.
 */
export function mapEdits(reading: Unwrapped, edits: readonly TextEdit[]): TextEdit[] {
  if (!reading.source) return [...edits];
  if (reading.mapEdits) return reading.mapEdits(edits);
  const escape = reading.escape;
  if (!escape) return toPastedEdits(reading, applyEdits(reading.text, edits));
  return edits.map((e) => ({ ...toPastedSpan(reading, e), text: escape(e.text) }));
}

/** The smallest single edit that turns `before` into `after` (none when equal). */
export function diffEdit(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  return [{ start: p, end: before.length - s, text: after.slice(p, after.length - s) }];
}

