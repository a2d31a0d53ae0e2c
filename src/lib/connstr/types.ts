/**
 * Shared types of the connection-string engine: spans, parsed entries, problems and fixes.
 * Browser compatible, no side effects.
 *
 * Every offset is a UTF-16 code-unit index into the text that was parsed (the full text, including a
 * `jdbc:api:` prefix, and the outer text for entries read from inside ProfileSettings), so a UI can
 * underline `text.slice(span.start, span.end)` directly. Spans are half-open: `end` is exclusive.
 */
import type { Placement } from './rules.ts';

/** A half-open range `[start, end)` of UTF-16 offsets in the parsed text. */
export type Span = { start: number; end: number };

/** `error`: the driver rejects the string or it cannot work; `warning`: it works but probably not as meant; `info`: a hint. */
export type Severity = 'error' | 'warning' | 'info';

/** The quote character that wrapped a value, or `null` for a bare (unquoted) value. */
export type QuoteChar = null | '"' | "'";

/**
 * Stable problem codes. Parse problems come from the grammar alone; validation problems need a service.
 * UIs may switch on them; the wording of `message` may change, the codes do not.
 */
type ParseProblemCode =
  | 'missing-equals'
  | 'empty-key'
  | 'unterminated-quote'
  | 'text-after-quote'
  | 'control-character'
  | 'unquoted-value-ends-with-quote'
  | 'nul-in-value'
  | 'text-after-nul'
  | 'duplicate-key'
  | 'null-value'
  | 'semicolon-in-key'
  | 'whitespace-control-in-key'
  | 'line-break-in-value';

type ValidationProblemCode =
  | 'unknown-property'
  | 'noncanonical-name'
  | 'duplicate-property'
  | 'wrong-level'
  | 'enum-casing'
  | 'invalid-enum-value'
  | 'invalid-boolean'
  | 'invalid-integer'
  | 'invalid-url'
  | 'invalid-profile-path'
  | 'wrong-profile'
  | 'missing-profile'
  | 'missing-auth-scheme'
  | 'undocumented-auth-scheme'
  | 'missing-required'
  | 'required-value'
  | 'recommended-value'
  | 'ignored-by-method'
  | 'placeholder-value'
  | 'remote-path'
  | 'not-in-build'
  | 'sensitive';

/** Damage that pasting from chats, mail or word processors does (see damage.ts); reported by `checkPasted`. */
type PasteProblemCode =
  | 'curly-quote'
  | 'mismatched-quote'
  | 'invisible-character'
  | 'nonbreaking-space'
  | 'unquoted-profile-settings'
  | 'stray-separator'
  | 'surrounding-whitespace';

export type ProblemCode = ParseProblemCode | ValidationProblemCode | PasteProblemCode;

/** Replace `text.slice(start, end)` with `text`. Edits of one fix never overlap; apply them with `applyEdits`. */
export type TextEdit = { start: number; end: number; text: string };

/** A one-click repair: what it does (one sentence) and the text edits against the validated input. */
export type Fix = { description: string; edits: TextEdit[] };

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  /** One sentence: what is wrong and how to fix it. */
  message: string;
  /** The text the problem is about (a key, a value, a whole pair, or an empty span where text is missing). */
  span: Span;
  /** Other places involved (for a duplicate: the earlier occurrence). */
  related?: Span[];
  /** Canonical property name, when the problem concerns a known property (ties it to a builder field). */
  property?: string;
  /** The level the problem was found at (the engine's `Placement`); absent means the top level. */
  level?: Placement;
  fix?: Fix;
}

/** One `key=value` pair as written. */
export interface Entry {
  /** The key as written, decoded: `==` becomes `=`, trailing whitespace removed. Case is kept. */
  key: string;
  /** The decoded value; `null` for `key=` (which removes the key), `''` for `key=''`. */
  value: string | null;
  /**
   * The raw key text, from its first character to its last non-whitespace character before the `=`
   * (a literal `=` written as `==` counts as two characters here).
   */
  keySpan: Span;
  /**
   * The raw value text, **including** the quotes of a quoted value. For a null value it is the empty span
   * right after the `=`. For an unterminated quote it runs to the end of the text.
   */
  valueSpan: Span;
  /** The content between the quotes (equal to `valueSpan` for a bare value); still raw, so doubled quotes count twice. */
  innerSpan: Span;
  /** The whole pair: `keySpan.start` to `valueSpan.end`. */
  span: Span;
  /** The quote that wrapped the value, or `null`. */
  quoted: QuoteChar;
  /**
   * Set when the pair was recovered from a syntax error reported in `problems` (an unterminated quote,
   * text after a closing quote, a bare value ending in a quote...): the value is the best guess of what
   * was meant, but a driver would reject the string as written.
   */
  invalid?: true;
  /** For ProfileSettings (and other nested keys): the inner list, parsed, with spans in the outer text. */
  nested?: NestedParseResult;
}

/** The result of `parse`. `problems` holds every problem, those found inside nested lists included. */
export interface ParseResult {
  /** The full text that was parsed; every span indexes it. */
  text: string;
  entries: Entry[];
  /** Sorted by position. */
  problems: Problem[];
  /** A `jdbc:api:` / `jdbc:cdata:api:` prefix that `parseAny` stripped. */
  prefix?: { text: string; span: Span };
}

/** A nested list (the value of ProfileSettings), parsed. Spans point into the outer `text`. */
export interface NestedParseResult extends ParseResult {
  /** The decoded inner string that was parsed (the outer value). */
  decoded: string;
  /** The outer entry's `innerSpan`: where the nested list is written. */
  within: Span;
  /** How the outer value was quoted; inside `'…'` a `'` is written `''`, so edits must double it. */
  quote: QuoteChar;
}

/**
 * A key/value pair for the serializer. A value may itself be a list of pairs (ProfileSettings), which
 * is serialized first and then quoted as the outer value.
 */
export type Pair = readonly [key: string, value: string | readonly Pair[]];
