/**
 * The `.env` form: one variable per property, and one variable that assembles the connection string from them with
 * `${NAME}` references (expanded by Docker Compose, python-dotenv, dotenv-expand and a shell's `set -a; . ./.env`;
 * a loader that does not expand them sees the references as written):
 *
 *     INTERCOM_PROFILE='C:\profiles\Intercom.apip'
 *     INTERCOM_API_KEY='abc'
 *     INTERCOM_CONNECTION_STRING="Profile=${INTERCOM_PROFILE};ProfileSettings='APIKey=${INTERCOM_API_KEY}'"
 *
 * The naming rule (`envName`): the prefix, `_`, then the property's name in upper snake case, split where its
 * words are (`OAuthClientId` → `OAUTH_CLIENT_ID`, `APIKey` → `API_KEY`); a setting inside ProfileSettings is named
 * the same way; a name taken twice gets `_2`. The prefix is the Profile's file name (`Intercom.apip` → `INTERCOM`),
 * or `CONNECTION` without one. Each variable holds the value exactly as the connection string writes it (quotes the
 * grammar needs included), single-quoted for .env (no expansion inside), so expanding the last line gives back the
 * string character for character. Its writer and its reader. Browser compatible, no side effects.
 */
import { parse } from '../parse.ts';
import { profilePathParts } from '../rules.ts';
import type { Entry } from '../types.ts';
import { connectionText, type PairsOrString } from './input.ts';
import { Mapped, type Unwrapped } from './reading.ts';
import { writtenProfile, writtenValues } from './split.ts';

export type EnvOptions = {
  /** The variables' prefix (default: from the Profile's file name, else `CONNECTION`). */
  prefix?: string;
  /** The assembling variable's name (default: `<prefix>_CONNECTION_STRING`). */
  variable?: string;
};

/** The words of a property name: `OAuthClientId` → OAuth, Client, Id; `APIKey` → API, Key; `my-key` → my, key. */
const WORDS = /OAuth|[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;

/** A name in upper snake case (`OAuthClientId` → `OAUTH_CLIENT_ID`); `X` when nothing is left of it. */
export function upperSnake(name: string): string {
  const words = name.match(WORDS) ?? [];
  const joined = words.map((w) => w.toUpperCase()).join('_');
  return joined === '' ? 'X' : /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

/** The variable of a property: `envName('INTERCOM', 'APIKey')` → `INTERCOM_API_KEY`. */
export function envName(prefix: string, key: string): string {
  return `${upperSnake(prefix)}_${upperSnake(key)}`;
}

/** The default prefix: the Profile's file name without its extension (`C:\profiles\Intercom.apip` → `INTERCOM`). */
function defaultPrefix(profile: string | undefined): string {
  const file = profile ? profilePathParts(profile).file.replace(/\.[^.]*$/, '') : '';
  return file && upperSnake(file) !== 'X' ? upperSnake(file) : 'CONNECTION';
}

/** A value for a .env line: single-quoted (nothing inside is expanded), or double-quoted with escapes when it holds a `'` or a line break. */
function envQuote(value: string): string {
  if (!/['\n\r]/.test(value)) return `'${value}'`;
  return `"${escapeDouble(value)}"`;
}

const escapeDouble = (text: string) =>
  text
    .replace(/[\\"$`]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');

/** One variable of the form: its name and the value as the connection string writes it. */
type EnvVariable = { name: string; key: string; raw: string };

/**
 * A connection string cut into its variables and the assembling template. `reuse` names a value after a variable
 * that already holds that key (so a rewrite keeps the names a file uses); any other is named by the rule.
 */
function envParts(
  text: string,
  prefix: string,
  taken: Set<string>,
  reuse?: (key: string) => string | undefined,
): { variables: EnvVariable[]; template: string } {
  const named = (key: string) => {
    const kept = reuse?.(key);
    if (kept !== undefined) return kept;
    const base = envName(prefix, key);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    return name;
  };
  const variables: EnvVariable[] = [];
  let template = '';
  let at = 0;
  // Cut where the values are written (the writer's split: the builder's page writes this form without the parser).
  for (const value of writtenValues(text)) {
    const name = named(value.key);
    variables.push({ name, key: value.key, raw: text.slice(value.start, value.end) });
    template += escapeDouble(text.slice(at, value.start)) + `\${${name}}`;
    at = value.end;
  }
  return { variables, template: template + escapeDouble(text.slice(at)) };
}

/** Every value as written, top level and inside a nested list (ProfileSettings), in text order. */
const valueEntries = (entries: readonly Entry[]) =>
  entries.flatMap((entry) => (entry.nested ? entry.nested.entries : [entry])).sort((a, b) => a.valueSpan.start - b.valueSpan.start);

/**
 * The .env form of a connection string (or of pairs, serialized first). Never throws on a string: whatever it holds
 * (even a syntax error), the variables and the assembling line expand back to it exactly.
 */
export function toEnv(input: PairsOrString, options: EnvOptions = {}): string {
  const text = connectionText(input, 'toEnv(input)');
  const prefix = options.prefix ?? defaultPrefix(writtenProfile(text));
  const assembling = options.variable ?? `${upperSnake(prefix)}_CONNECTION_STRING`;
  const { variables, template } = envParts(text, prefix, new Set([assembling]));
  return `${[...variables.map((v) => `${v.name}=${envQuote(v.raw)}`), `${assembling}="${template}"`].join('\n')}\n`;
}

// --- Reading -----------------------------------------------------------------------------------

/** One `NAME=value` line of a .env text, decoded, with where each character of the value is written. */
export interface EnvAssignment {
  name: string;
  /** The whole line (without its line break). */
  line: { start: number; end: number };
  /** The value as written, quotes included. */
  raw: { start: number; end: number };
  quote: null | '"' | "'";
  /** The value, decoded (`${…}` not yet expanded). */
  value: string;
  /** Where the value's i-th character is written, from and to. */
  starts: number[];
  ends: number[];
}

const ASSIGNMENT = /^([ \t]*(?:export[ \t]+)?)([A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*/;
const DOUBLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', $: '$', '`': '`' };

/**
 * The assignments of a .env text; undefined when a line that is not blank or a `#` comment is not one (so the text
 * is not a .env file), or a quote is never closed.
 */
export function envAssignments(text: string): EnvAssignment[] | undefined {
  const found: EnvAssignment[] = [];
  let lineStart = 0;
  for (const rawLine of text.split('\n')) {
    const lineEnd = lineStart + rawLine.length - (rawLine.endsWith('\r') ? 1 : 0);
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() !== '' && !line.trimStart().startsWith('#')) {
      const head = ASSIGNMENT.exec(line);
      if (!head) return undefined;
      const at = lineStart + head[0].length;
      const rest = text.slice(at, lineEnd);
      const quote = rest[0] === '"' || rest[0] === "'" ? rest[0] : null;
      let value = '';
      const starts: number[] = [];
      const ends: number[] = [];
      let close: number;
      if (quote === null) {
        const comment = rest.search(/[ \t]#/);
        value = (comment < 0 ? rest : rest.slice(0, comment)).trimEnd();
        for (let i = 0; i < value.length; i++) (starts.push(at + i), ends.push(at + i + 1));
        close = at + value.length;
      } else {
        let i = 1;
        for (; i < rest.length && rest[i] !== quote; i++) {
          const escaped = quote === '"' && rest[i] === '\\' && i + 1 < rest.length ? DOUBLE_ESCAPES[rest[i + 1]!] : undefined;
          starts.push(at + i);
          if (escaped !== undefined) {
            value += escaped;
            i++;
          } else value += rest[i];
          ends.push(at + i + 1);
        }
        if (i >= rest.length) return undefined;
        close = at + i + 1;
        // Only a comment may follow the closing quote.
        if (!/^[ \t]*(#.*)?$/.test(text.slice(close, lineEnd))) return undefined;
      }
      found.push({ name: head[2]!, line: { start: lineStart, end: lineEnd }, raw: { start: at, end: close }, quote, value, starts, ends });
    }
    lineStart += rawLine.length + 1;
  }
  return found;
}

/** `${NAME}` references in a value that is expanded (bare or double-quoted; single quotes keep `$` literal). */
const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * A value with its `${NAME}` references to earlier assignments expanded (one level: what the writer writes), each
 * character mapped to where it is written in the .env text. An unknown name is kept as written.
 */
export function expandAssignment(
  assignment: EnvAssignment,
  earlier: ReadonlyMap<string, EnvAssignment>,
): { text: string; starts: number[]; ends: number[]; references: { assignment: EnvAssignment; start: number; end: number }[] } {
  const out = { text: '', starts: [] as number[], ends: [] as number[], references: [] as { assignment: EnvAssignment; start: number; end: number }[] };
  // Loops, not push(...spread): a long value would exceed the argument limit.
  const copy = (from: EnvAssignment, start: number, end: number) => {
    out.text += from.value.slice(start, end);
    for (let i = start; i < end; i++) (out.starts.push(from.starts[i]!), out.ends.push(from.ends[i]!));
  };
  const keep = (from: number, to: number) => copy(assignment, from, to);
  if (assignment.quote === "'") {
    keep(0, assignment.value.length);
    return out;
  }
  let at = 0;
  for (const match of assignment.value.matchAll(REFERENCE)) {
    const target = earlier.get(match[1]!);
    if (!target) continue;
    keep(at, match.index);
    out.references.push({ assignment: target, start: out.text.length, end: out.text.length + target.value.length });
    copy(target, 0, target.value.length);
    at = match.index + match[0].length;
  }
  keep(at, assignment.value.length);
  return out;
}

const UPPER_NAME = /^[A-Z_][A-Z0-9_]*$/;

/**
 * A pasted .env text: the connection string of the variable that assembles one from the others (the last such), or
 * of the one variable that holds a whole string. Plain strings are never taken for it: every line must be a
 * `NAME=value` assignment with an upper-case name, and a variable is only read as the string when it references
 * others, is quoted, or is one of several lines (a plain `Profile=…;User=…` has a mixed-case name and no quotes).
 */
export function readEnv(pasted: string): Unwrapped | undefined {
  if (!pasted.includes('=')) return undefined;
  const assignments = envAssignments(pasted);
  if (!assignments || assignments.length === 0 || !assignments.every((a) => UPPER_NAME.test(a.name))) return undefined;
  const seen = new Map<string, EnvAssignment>();
  let chosen: { assignment: EnvAssignment; expanded: ReturnType<typeof expandAssignment> } | undefined;
  for (const assignment of assignments) {
    const expanded = expandAssignment(assignment, seen);
    seen.set(assignment.name, assignment);
    if (!expanded.text.includes('=')) continue;
    if (expanded.references.length > 0) chosen = { assignment, expanded };
    else if (!chosen && (assignment.quote !== null || assignments.length > 1)) chosen = { assignment, expanded };
  }
  if (!chosen) return undefined;
  const { assignment, expanded } = chosen;
  const mapped = new Mapped();
  for (let i = 0; i < expanded.text.length; i++) mapped.push(expanded.text[i]!, expanded.starts[i]!, expanded.ends[i]!);
  const { text, source } = mapped.done(assignment.raw.end);
  const assembled = expanded.references.length > 0 ? assembledRewriter(pasted, assignment, expanded) : undefined;
  return {
    pasted,
    text,
    source,
    rewrite: (next) => {
      if (!assembled) {
        // One variable holding the whole string: write the new value in its place, in the same quoting.
        const written = assignment.quote === '"' ? `"${escapeDouble(next)}"` : assignment.quote === "'" && !/['\n\r]/.test(next) ? `'${next}'` : envQuote(next);
        return pasted.slice(0, assignment.raw.start) + written + pasted.slice(assignment.raw.end);
      }
      return assembled!(next);
    },
  };
}

/**
 * A changed string written back into a .env text whose variable assembles it from others: each value keeps the
 * variable that held it (matched by key, in order), a changed value is written in its own line, a new one gets a
 * variable before the assembling line, a variable no longer used is dropped, and the assembling line is written
 * anew. Every other line is kept as it was.
 */
function assembledRewriter(pasted: string, assignment: EnvAssignment, expanded: ReturnType<typeof expandAssignment>): (next: string) => string {
  // Which variable held each key's value, in order (a key may be written twice); worked out once per reading.
  const byStart = new Map(expanded.references.map((r) => [r.start, r]));
  const held = new Map<string, EnvAssignment[]>();
  for (const entry of valueEntries(parse(expanded.text).entries)) {
    const ref = byStart.get(entry.valueSpan.start);
    if (!ref || ref.end !== entry.valueSpan.end) continue;
    const key = entry.key.trim().toLowerCase();
    const list = held.get(key);
    if (list) list.push(ref.assignment);
    else held.set(key, [ref.assignment]);
  }
  const names = new Set(envAssignments(pasted)!.map((a) => a.name));
  const prefix = assignment.name.endsWith('_CONNECTION_STRING') ? assignment.name.slice(0, -'_CONNECTION_STRING'.length) : assignment.name;
  const byName = new Map(expanded.references.map((r) => [r.assignment.name, r.assignment]));
  return (next) => {
    const used = new Set<EnvAssignment>();
    const taken = new Map<string, number>();
    const reuse = (key: string) => {
      const folded = key.toLowerCase();
      const n = taken.get(folded) ?? 0;
      const holder = held.get(folded)?.[n];
      if (!holder) return undefined;
      taken.set(folded, n + 1);
      used.add(holder);
      return holder.name;
    };
    const { variables, template } = envParts(next, prefix, new Set(names), reuse);
    const edits: { start: number; end: number; text: string }[] = [];
    for (const variable of variables) {
      const old = byName.get(variable.name);
      if (old && used.has(old) && old.value !== variable.raw) edits.push({ ...old.raw, text: envQuote(variable.raw) });
    }
    for (const old of new Set(expanded.references.map((r) => r.assignment))) {
      if (!used.has(old)) edits.push({ start: old.line.start, end: Math.min(pasted.length, old.line.end + (pasted[old.line.end] === '\r' ? 2 : 1)), text: '' });
    }
    const added = variables
      .filter((v) => !byName.has(v.name))
      .map((v) => `${v.name}=${envQuote(v.raw)}\n`)
      .join('');
    edits.push({ start: assignment.line.start, end: assignment.line.start, text: added });
    edits.push({ ...assignment.raw, text: `"${template}"` });
    // Edits never overlap (each is in its own line, the insertion before the assembling line's value).
    const parts: string[] = [];
    let at = 0;
    for (const edit of edits.sort((a, b) => a.start - b.start || a.end - b.end)) {
      parts.push(pasted.slice(at, edit.start), edit.text);
      at = edit.end;
    }
    parts.push(pasted.slice(at));
    return parts.join('');
  };
}
