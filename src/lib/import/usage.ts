/**
 * What a vendor page's examples, bullets and table say about each property: which names it prints (and how),
 * where each example writes each one (top level or inside ProfileSettings), and which name is canonical. Shared by
 * the review and the draft so both read a page the same way. Pure.
 */
import { effectivePairs, foldKey, parseAny } from '../connstr/index.ts';
import type { VendorExample, VendorPage, VendorSection } from './page.ts';

/** What the importer knows besides the page: the driver's shared properties (names, placement, allowed values). */
export interface SharedProperty {
  name: string;
  aliases: readonly string[];
  placement: 'top' | 'profileSettings';
  type: string;
  sensitive: boolean;
  allowedValues?: readonly { value: string }[] | undefined;
}

export interface ImportContext {
  shared: readonly SharedProperty[];
}

/** One pair of an example, as written. */
export interface ExamplePair {
  key: string;
  value: string;
  level: 'top' | 'profileSettings';
  example: VendorExample;
  /** Index of the section the example belongs to. */
  section: number;
}

/** The pairs an example sets (last duplicate wins), ProfileSettings' own entries included. */
export function examplePairs(example: VendorExample, section: number): ExamplePair[] {
  const pairs: ExamplePair[] = [];
  for (const pair of effectivePairs(parseAny(example.text))) {
    if (foldKey(pair.key) === 'profilesettings') {
      pairs.push({ key: pair.key, value: pair.value, level: 'top', example, section });
      const nested = pair.entry.nested;
      if (nested) for (const inner of effectivePairs(nested.entries)) pairs.push({ key: inner.key, value: inner.value, level: 'profileSettings', example, section });
      continue;
    }
    pairs.push({ key: pair.key, value: pair.value, level: 'top', example, section });
  }
  return pairs;
}

/** Every pair of every example on the page. */
export function allExamplePairs(page: VendorPage): ExamplePair[] {
  return page.sections.flatMap((section, i) => section.examples.filter((e) => !e.truncated).flatMap((e) => examplePairs(e, i)));
}

/** Names every string has, never listed in a service's table. */
export const CONNECTION_NAMES = new Set(['profile', 'profilesettings']);

export type NameSource = 'bullet' | 'example' | 'table';

/** Where a name is printed: one entry per spelling and source, at its first line. */
export interface NameUse {
  spelling: string;
  source: NameSource;
  line: number;
  section?: number;
}

/** Every property name the page prints in a bullet, an example or the table, grouped by name ignoring case. */
export function nameUses(page: VendorPage): Map<string, NameUse[]> {
  const uses = new Map<string, NameUse[]>();
  const add = (spelling: string, source: NameSource, line: number, section?: number) => {
    const key = foldKey(spelling);
    const list = uses.get(key) ?? [];
    if (!list.some((u) => u.spelling === spelling && u.source === source)) list.push({ spelling, source, line, ...(section === undefined ? {} : { section }) });
    uses.set(key, list);
  };
  page.sections.forEach((section, i) => section.bullets.forEach((b) => add(b.name, 'bullet', b.line, i)));
  for (const pair of allExamplePairs(page)) add(pair.key, 'example', pair.example.line, pair.section);
  for (const row of page.table?.rows ?? []) add(row.name, 'table', row.line);
  return uses;
}

/** Finds a shared property by name or alias, ignoring case. */
export function sharedProperty(context: ImportContext, name: string): SharedProperty | undefined {
  const folded = foldKey(name);
  return context.shared.find((p) => foldKey(p.name) === folded) ?? context.shared.find((p) => p.aliases.some((a) => foldKey(a) === folded));
}

/**
 * The spelling we publish for a name: the shared property's, else the table's, else the bullet's, else the
 * example's (the table is the page's reference; examples are the most often mistyped).
 */
export function canonicalName(context: ImportContext, uses: readonly NameUse[]): string {
  const shared = sharedProperty(context, uses[0]!.spelling);
  if (shared) return shared.name;
  for (const source of ['table', 'bullet', 'example'] as const) {
    const use = uses.find((u) => u.source === source);
    if (use) return use.spelling;
  }
  return uses[0]!.spelling;
}

/** The methods of the page: each "Using …" section, with the non-method sections after it folded in. */
export interface MethodGroup {
  /** Index of the method's own section. */
  section: number;
  heading: string;
  line: number;
  /** Indexes of the sections whose facts belong to this method (its own, then any "Custom … Domains" after it). */
  sections: number[];
}

export function methodGroups(page: VendorPage): MethodGroup[] {
  const groups: MethodGroup[] = [];
  page.sections.forEach((section: VendorSection, i) => {
    if (section.kind === 'method') groups.push({ section: i, heading: section.heading, line: section.line, sections: [i] });
    else if (section.kind === 'section' && groups.length > 0) groups[groups.length - 1]!.sections.push(i);
  });
  return groups;
}

/** The sentences of a paragraph (a full stop, question or exclamation mark, then a space). */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z"'‘“(])/).filter((s) => s.trim().length > 0);
}

/**
 * The property names a sentence mentions: a known name as a word (any case), or spaced as "API Key" (APIKey),
 * "Client Id" is not OAuthClientId (only the exact name, spaces removed, counts).
 */
export function mentionedNames(sentence: string, names: readonly string[]): string[] {
  const found: string[] = [];
  const words = sentence.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [];
  const folded = words.map(foldKey);
  for (const name of names) {
    const target = foldKey(name);
    if (folded.includes(target)) {
      found.push(name);
      continue;
    }
    // "API Key", "Api Key" for APIKey: two or three neighbouring words that spell the name.
    for (let i = 0; i < folded.length; i++) {
      if (folded[i] + (folded[i + 1] ?? '') === target || folded[i] + (folded[i + 1] ?? '') + (folded[i + 2] ?? '') === target) {
        if (/^[A-Z]/.test(words[i]!)) {
          found.push(name);
          break;
        }
      }
    }
  }
  return found;
}
