/**
 * Reads a vendor help page (the "Connecting to …" page of one service, saved as text) into a typed `VendorPage`:
 * its title, its sections (one per "Using …" method heading, plus any other heading), their bullets, numbered
 * steps, menu paths, URLs and example strings, the property table with its allowed values, the Copyright and
 * Build footer, the lines that mark where a saved page was cut off, and every line the reader could not place.
 *
 * Pure (no I/O). The same value feeds the review (`review.ts`), the draft (`draft.ts`) and, later, the diff of two
 * builds of one page: every fact keeps the line it was read from. Prose is kept only so the review can check it;
 * nothing downstream copies a vendor sentence.
 *
 * Layouts read: the vendor's text layout (blank lines between blocks, "  • Name: Set this to X." bullets, a
 * "Property Description" header and one row a line, "Allowed values are:" on the line under its row), the same
 * page copied without blank lines, and the pipe-table form ("| Property | Description |", "APIKey | … |").
 */

/** A fact and the 1-based line of the page it was read from. */
export interface Located {
  line: number;
}

export interface VendorLine extends Located {
  text: string;
}

/** A `Name: text` bullet: the property it names and the value it fixes ("Set this to OAuth."), if any. */
export interface VendorBullet extends Located {
  /** The property name as printed (`OAuthClientID`). */
  name: string;
  /** The value the bullet fixes, as printed (`OAuth`, `GETANDREFRESH`); absent when it asks for your own value. */
  value?: string;
  /** A default the bullet states ("(default: "identify email guilds")"). */
  default?: string;
  /** A prefix the bullet says the value must not carry (`Bot ` in "without the "Bot " prefix"). */
  rejectedPrefix?: string;
  /** The bullet's text after the name (for the review only). */
  text: string;
}

/** A menu path in the service's console, items as printed (quotes removed). */
export interface VendorMenuPath extends Located {
  items: string[];
  /** Printed in quotes (`'Settings' > 'API'`); unquoted paths are read from running text and worth a check. */
  quoted: boolean;
  /** How it was read: quoted items, an unquoted `A > B` chain, numbered steps, or a navigation phrase. */
  from: 'quotes' | 'arrows' | 'steps' | 'text';
}

export interface VendorUrl extends Located {
  /** The address as printed (a space inside a broken one is kept). */
  url: string;
  /** The address has a space inside it, as a corrupted link on the page does. */
  broken?: boolean;
}

export interface VendorExample extends Located {
  /** The string exactly as printed. */
  text: string;
  /** The example heading it follows ("Example Bot Token Connection String"), if any. */
  heading?: string;
  /** Only the start of the string survived: it was read from a `[truncated: …]` line. */
  truncated?: boolean;
}

export type SectionKind = 'intro' | 'method' | 'section';

/** The text under one heading: a "Using …" method, another heading ("Custom Enterprise API Domains"), or the intro. */
export interface VendorSection extends Located {
  kind: SectionKind;
  /** The heading as printed; empty for the intro. */
  heading: string;
  /** Headings inside the section ("Setting Up OAuth Application", "Example OAuth Connection String"). */
  subheadings: VendorLine[];
  /** Prose paragraphs, numbered steps and bullets that name no property, in page order. */
  prose: (VendorLine & { kind: 'prose' | 'step' | 'bullet' })[];
  bullets: VendorBullet[];
  examples: VendorExample[];
  menuPaths: VendorMenuPath[];
  urls: VendorUrl[];
}

/** One row of the Connection Properties table. */
export interface VendorProperty extends Located {
  /** The name as printed. */
  name: string;
  /** The description (for the review only). */
  description: string;
  /** The "Allowed values are:" list, values as printed; `[]` when the line is there but its list is cut off. */
  allowedValues?: string[];
  allowedValuesLine?: number;
  /** A default the row states ("The default value is …"). */
  default?: string;
}

export interface VendorPage {
  /** The file the page was read from, for messages. */
  file: string;
  /** The page's lines (line n is `lines[n - 1]`). */
  lines: readonly string[];
  /** The service as the title names it ("Connecting to iContact" → iContact). */
  title?: VendorLine & { service: string };
  sections: VendorSection[];
  table?: Located & { rows: VendorProperty[] };
  copyright?: Located & { year: number };
  build?: Located & { version: string };
  /** Lines that say a saved page breaks off here (`[truncated: …]`). */
  truncations: VendorLine[];
  /** Lines the reader could not place anywhere; reported, never dropped. */
  unplaced: VendorLine[];
}

const BULLET = /^\s*(?:[•·▪‣◦∙●○■□*]|-(?=\s)|–(?=\s))\s*(.*)$/;
const NUMBERED = /^\s*(\d{1,2})[.)]\s+(.*)$/;
const PROPERTY_BULLET = /^([A-Za-z][A-Za-z0-9_]*)\s*:\s*(.*)$/;
const EXAMPLE_LINE = /^\s*(?:jdbc:[a-z:]*)?Profile\s*=/i;
const TRUNCATED = /^\s*\[truncated\b/i;
const COPYRIGHT = /^\s*(?:Copyright\s*)?(?:\(c\)|©)\s*(\d{4})\b/i;
const BUILD = /^\s*Build\s+(\d+\.\d+\.\d+(?:\.\d+)?)\s*$/i;
const TABLE_HEADER = /^\s*\|?\s*Property\s*\|?\s*Description\s*\|?\s*$/i;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const ALLOWED = /^\s*(?:The\s+)?allowed values are:?\s*(.*?)\s*$/i;
const ALLOWED_INLINE = /\s*(?:The\s+)?allowed values are:?\s*(.*?)\s*$/i;
const DEFAULT_INLINE = /\bThe default value is\s+["“']?([^"”'\s]+(?:\s[^"”'\s.]+)*)["”']?\.?/i;
const TITLE = /^\s*Connecting to\s+(.+?)\s*$/i;
const PAGE_HEADER = /Online Help\s*$/i;
const EXAMPLE_HEADING = /^Example\b.*\bstring\b/i;
const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Words that start a sentence, not a table row (a wrapped description line). */
const SENTENCE_START = new Set(['the', 'this', 'a', 'an', 'it', 'its', 'if', 'when', 'you', 'your', 'for', 'in', 'to', 'see', 'note', 'set', 'by', 'and', 'or', 'only', 'used', 'use', 'these', 'that', 'there', 'once', 'after', 'before', 'with']);

/** A heading: a short line that is not a sentence (no final stop), a bullet, a step or a string. */
function isHeadingLike(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 90) return false;
  if (/[.;,!?]$/.test(t)) return false;
  if (/https?:\/\//i.test(t) || t.includes('=')) return false;
  if (!/^[A-Z0-9]/.test(t)) return false;
  return t.split(/\s+/).length <= 10;
}

function isMethodHeading(heading: string): boolean {
  return /^Using\b/i.test(heading) || /\bauthentication$/i.test(heading);
}

/** A heading inside a method: setting-up steps, an example, or the method's own property list (Discord's layout). */
function isSubheading(heading: string): boolean {
  return /^Setting Up\b/i.test(heading) || EXAMPLE_HEADING.test(heading) || /\bConnection Properties$/i.test(heading) || /^(?:To obtain|Steps)\b/i.test(heading);
}

/** A build number in a saved page's file name (`discord-25.0.9539.0.txt`), for a page whose footer is lost. */
export function buildFromFileName(file: string): string | undefined {
  return /(?:^|[^\d.])(\d+\.\d+\.\d+\.\d+)(?=\.[A-Za-z]|[^\d.]|$)/.exec(file.split(/[\\/]/).pop() ?? '')?.[1];
}

/** Splits the page into lines, dropping a byte-order mark and any carriage returns. */
export function pageLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map((line) => line.replace(/\s+$/, ''));
}

/** Reads a vendor help page saved as text. Never throws: what it cannot place lands in `unplaced`. */
export function readVendorPage(text: string, file = 'page.txt'): VendorPage {
  const lines = pageLines(text);
  const page: VendorPage = { file, lines, sections: [], truncations: [], unplaced: [] };
  let section: VendorSection | undefined;
  let lastExampleHeading: string | undefined;
  let inTable = false;
  let footer = false;
  const newSection = (kind: SectionKind, heading: string, line: number): VendorSection => {
    const created: VendorSection = { kind, heading, line, subheadings: [], prose: [], bullets: [], examples: [], menuPaths: [], urls: [] };
    page.sections.push(created);
    return created;
  };
  const current = (line: number): VendorSection => (section ??= newSection('intro', '', line));
  const unplaced = (line: number, value: string) => page.unplaced.push({ line, text: value.trim() });
  // Anything before the title but the help's header line is not part of the page (a saved menu, a banner).
  const titleIndex = lines.findIndex((l) => TITLE.test(l));

  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const raw = lines[i]!;
    const t = raw.trim();
    if (t === '') continue;

    if (TRUNCATED.test(t)) {
      page.truncations.push({ line, text: t });
      const visible = /visible part is:?\s*((?:jdbc:[a-z:]*)?Profile\s*=\S+)/i.exec(t);
      if (visible && section) section.examples.push({ line, text: visible[1]!, truncated: true, ...(lastExampleHeading ? { heading: lastExampleHeading } : {}) });
      inTable = false;
      continue;
    }
    const copyright = COPYRIGHT.exec(t);
    if (copyright) {
      if (page.copyright) unplaced(line, t);
      else page.copyright = { line, year: Number(copyright[1]) };
      footer = true;
      inTable = false;
      continue;
    }
    const build = BUILD.exec(t);
    if (build) {
      if (page.build) unplaced(line, t);
      else page.build = { line, version: build[1]! };
      footer = true;
      inTable = false;
      continue;
    }
    if (footer) {
      unplaced(line, t);
      continue;
    }
    if (!page.title && section === undefined && PAGE_HEADER.test(t) && !TITLE.test(t)) continue;
    if (i < titleIndex) {
      unplaced(line, t);
      continue;
    }
    const title = TITLE.exec(t);
    if (title && !page.title && !inTable) {
      page.title = { line, text: t, service: title[1]! };
      continue;
    }
    if (TABLE_HEADER.test(t)) {
      page.table ??= { line, rows: [] };
      inTable = true;
      continue;
    }
    if (inTable) {
      if (TABLE_RULE.test(t)) continue;
      if (readTableLine(page, line, raw)) continue;
    }
    if (page.table) {
      // After the table only its rows and the footer belong to the page.
      unplaced(line, t);
      continue;
    }

    if (EXAMPLE_LINE.test(t)) {
      current(line).examples.push({ line, text: t, ...(lastExampleHeading ? { heading: lastExampleHeading } : {}) });
      lastExampleHeading = undefined;
      continue;
    }

    const bullet = BULLET.exec(raw);
    const numbered = bullet ? undefined : NUMBERED.exec(raw);
    if (bullet || numbered) {
      const body = (bullet ? bullet[1] : numbered![2])!.trim();
      const into = current(line);
      const named = bullet ? PROPERTY_BULLET.exec(body) : undefined;
      if (named && !/^https?$/i.test(named[1]!)) {
        into.bullets.push(readBullet(line, named[1]!, named[2]!));
      } else {
        into.prose.push({ line, text: body, kind: bullet ? 'bullet' : 'step' });
      }
      collectLinks(into, line, body);
      continue;
    }

    if (ALLOWED.test(t) && !/[a-z]\s+allowed values/i.test(t)) {
      unplaced(line, t);
      continue;
    }

    if (isHeadingLike(t) && !t.endsWith(':')) {
      if (/^Connection Properties$/i.test(t) && !followedByBullets(lines, i)) {
        // The page-level table heading: its intro sentence follows, then the table header.
        section = newSection('section', t, line);
        section.kind = 'section';
        lastExampleHeading = undefined;
        continue;
      }
      if (section && section.kind !== 'intro' && isSubheading(t)) {
        section.subheadings.push({ line, text: t });
        lastExampleHeading = EXAMPLE_HEADING.test(t) ? t : undefined;
        continue;
      }
      if (EXAMPLE_HEADING.test(t)) {
        current(line).subheadings.push({ line, text: t });
        lastExampleHeading = t;
        continue;
      }
      section = newSection(isMethodHeading(t) ? 'method' : 'section', t, line);
      lastExampleHeading = undefined;
      continue;
    }
    if (EXAMPLE_HEADING.test(t.replace(/:$/, ''))) {
      current(line).subheadings.push({ line, text: t });
      lastExampleHeading = t;
      continue;
    }
    if (/:$/.test(t) && isHeadingLike(t.replace(/:$/, '')) && section && section.kind !== 'intro' && /^(?:To obtain|Steps|Connection Properties)\b/i.test(t)) {
      section.subheadings.push({ line, text: t });
      continue;
    }

    // Running text. A string-like line that is not a connection string (a SQL sample) is kept as prose too.
    const into = current(line);
    into.prose.push({ line, text: t, kind: 'prose' });
    collectLinks(into, line, t);
  }
  dropTableSection(page);
  for (const s of page.sections) joinStepPaths(s);
  return page;
}

/** The "Connection Properties" heading section holds only the table's intro sentence: no facts to keep. */
function dropTableSection(page: VendorPage): void {
  page.sections = page.sections.filter(
    (s) => !(s.kind === 'section' && /^Connection Properties$/i.test(s.heading) && s.bullets.length === 0 && s.examples.length === 0),
  );
}

/** True when a bullet comes before the next heading or table header (Discord's "Connection Properties" subheading). */
function followedByBullets(lines: readonly string[], index: number): boolean {
  for (let j = index + 1; j < lines.length; j++) {
    const t = lines[j]!.trim();
    if (t === '') continue;
    if (BULLET.test(lines[j]!)) return true;
    if (TABLE_HEADER.test(t) || EXAMPLE_LINE.test(t)) return false;
    if (isHeadingLike(t) && !t.endsWith(':')) return false;
  }
  return false;
}

function readBullet(line: number, name: string, text: string): VendorBullet {
  const bullet: VendorBullet = { line, name, text: text.trim() };
  const fixed = /^Set (?:this |it )?to\s+["“']?([A-Za-z0-9_]+)["”']?(?:\.(?:\s|$)|$)/i.exec(bullet.text);
  if (fixed && !/^(?:the|your|a|an|my)$/i.test(fixed[1]!)) bullet.value = fixed[1]!;
  const def = /\(default:?\s*["“']([^"”']+)["”']\s*\)/i.exec(bullet.text) ?? /\(default:?\s*([^)]+?)\s*\)/i.exec(bullet.text);
  if (def) bullet.default = def[1]!;
  const prefix = /\b(?:without|leave out|leaving out|leaving off|dropping|drop|minus|not including) (?:the |a |its )?["“']([^"”']+)["”'] prefix/i.exec(bullet.text);
  if (prefix) bullet.rejectedPrefix = prefix[1]!;
  return bullet;
}

/** A table line: a row ("Name Description" or "Name | Description |"), its "Allowed values are:" line, or a wrapped description. */
function readTableLine(page: VendorPage, line: number, raw: string): boolean {
  const table = page.table!;
  const t = raw.trim();
  const last = table.rows[table.rows.length - 1];
  const allowed = ALLOWED.exec(t);
  if (allowed && last && !t.includes('|')) {
    last.allowedValues = splitValues(allowed[1]!);
    last.allowedValuesLine = line;
    return true;
  }
  let name: string | undefined;
  let description = '';
  if (t.includes('|')) {
    const cells = t.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
    if (cells.length < 2 || !PROPERTY_NAME.test(cells[0]!)) return false;
    name = cells[0]!;
    description = cells.slice(1).filter(Boolean).join(' ');
  } else {
    const m = /^([A-Za-z][A-Za-z0-9_]*)(?:\t+|\s+)(.*)$/.exec(t) ?? /^([A-Za-z][A-Za-z0-9_]*)$/.exec(t);
    if (!m) return false;
    if (SENTENCE_START.has(m[1]!.toLowerCase()) || /^[a-z]/.test(m[1]!)) {
      // A description that wrapped onto the next line belongs to the row above it.
      if (!last || isHeadingLike(t)) return false;
      last.description += ` ${t}`;
      return true;
    }
    name = m[1]!;
    description = (m[2] ?? '').trim();
    // A row's description opens like a sentence ("The …", "Your …", "A boolean …"); "Send us feedback" is no row.
    if (description !== '' && !/^[A-Z0-9"'“‘(]/.test(description)) return false;
  }
  const row: VendorProperty = { line, name, description };
  const inlineAllowed = ALLOWED_INLINE.exec(description);
  if (inlineAllowed && inlineAllowed.index > 0) {
    row.allowedValues = splitValues(inlineAllowed[1]!);
    row.allowedValuesLine = line;
    row.description = description.slice(0, inlineAllowed.index).trim();
  }
  const def = DEFAULT_INLINE.exec(row.description);
  if (def) row.default = def[1]!;
  table.rows.push(row);
  return true;
}

/** `BASIC, NONE, NTLM` → the values as printed; a final full stop is not part of the last value. */
function splitValues(list: string): string[] {
  return list
    .replace(/\.\s*$/, '')
    .split(/\s*,\s*|\s+and\s+|\s+or\s+/)
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Menu paths and URLs in running text

const QUOTE_PAIRS: Record<string, string> = { "'": "'", '"': '"', '‘': '’', '“': '”' };
const QUOTED_ITEM = /(['"‘“])([^'"‘’“”\n]{1,80}?)(['"’”])(?![A-Za-z])/g;
const ARROW = /^\s*(?:>|›|->|→)\s*/;
const URL = /\bhttps?:\/\/[^\s'"<>)\]]+/gi;

/** Paths read from "in the X section" phrases: a place on a screen, not a step of a path, so steps never join them. */
const places = new WeakSet<VendorMenuPath>();

/** Menu paths and URLs of one line of running text, added to its section. */
function collectLinks(section: VendorSection, line: number, text: string): void {
  for (const url of urlsIn(text)) section.urls.push({ line, ...url });
  const found: VendorMenuPath[] = quotedPaths(text).map((items) => ({ line, items, quoted: true, from: 'quotes' as const }));
  for (const { items, kind } of unquotedPaths(text)) {
    const path: VendorMenuPath = { line, items, quoted: false, from: kind === 'arrows' ? 'arrows' : 'text' };
    if (kind === 'place') places.add(path);
    found.push(path);
  }
  // A path that is part of a longer one on the same line ("Settings" of "Settings > Apps") is the same fact.
  const kept = found.filter((p, i) => !found.some((q, j) => j !== i && contains(q.items, p.items) && (q.items.length > p.items.length || j < i)));
  // The same path named again further down the section ("the Basic Information page" in two bullets) is one fact.
  section.menuPaths.push(...kept.filter((p) => !section.menuPaths.some((q) => sameItems(q.items, p.items))));
}

const sameItems = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
/** `inner` is a run of consecutive items of `outer`. */
function contains(outer: readonly string[], inner: readonly string[]): boolean {
  for (let i = 0; i + inner.length <= outer.length; i++) if (inner.every((item, k) => outer[i + k] === item)) return true;
  return false;
}

/**
 * Numbered steps that each name one place to go ("Choose "New Application"", "Go to the OAuth2 section") make
 * one path, in step order.
 */
function joinStepPaths(section: VendorSection): void {
  const stepLines = new Set(section.prose.filter((p) => p.kind !== 'prose').map((p) => p.line));
  const joined: (VendorMenuPath & { lastLine: number })[] = [];
  for (const path of section.menuPaths) {
    const previous = joined[joined.length - 1];
    const chainable = stepLines.has(path.line) && path.items.length === 1 && !places.has(path);
    if (previous && chainable && previous.from === 'steps' && previous.lastLine === path.line - 1) {
      previous.items.push(path.items[0]!);
      previous.lastLine = path.line;
      continue;
    }
    if (previous && chainable && stepLines.has(previous.line) && previous.items.length === 1 && !places.has(previous) && previous.line === path.line - 1) {
      previous.items.push(path.items[0]!);
      previous.from = 'steps';
      previous.quoted = previous.quoted && path.quoted;
      previous.lastLine = path.line;
      continue;
    }
    const copy = { ...path, items: [...path.items], lastLine: path.line };
    if (places.has(path)) places.add(copy);
    joined.push(copy);
  }
  section.menuPaths = joined.map(({ lastLine: _last, ...path }) => path);
}

/** URLs as printed, trailing sentence punctuation left out; a host broken by a space is kept whole and marked. */
export function urlsIn(text: string): { url: string; broken?: boolean }[] {
  const found: { url: string; broken?: boolean }[] = [];
  for (const match of text.matchAll(URL)) {
    let url = match[0].replace(/[.,;:!?]+$/, '');
    const end = match.index + url.length;
    // A host with a space inside it ("https://app.example HR.co.jp/path"): the rest continues after one space.
    const rest = /^ ([A-Za-z0-9-]+\.[A-Za-z0-9.-]+\/[^\s'"<>)]*)/.exec(text.slice(end));
    if (rest && !/\//.test(url.replace(/^https?:\/\//i, ''))) {
      found.push({ url: `${url} ${rest[1]!.replace(/[.,;:!?]+$/, '')}`, broken: true });
      continue;
    }
    found.push({ url });
  }
  return found;
}

/** A quoted item that is a menu label: not a URL, a host name, a value or a sentence. */
function isMenuLabel(item: string): boolean {
  const t = item.trim();
  if (t.length === 0 || /https?:|=|\\/.test(t)) return false;
  if (/^[\w-]+(?:\.[\w-]+)+$/.test(t)) return false; // api.example.com
  if (!/^[A-Z0-9]/.test(t)) return false; // "identify email guilds", 'the your'
  return t.split(/\s+/).length <= 8;
}

/** The quoted items of a text ('A', "B", ‘C’), an apostrophe inside a word ("app's") not counting as a quote. */
function quotedItems(text: string): { start: number; end: number; label: string }[] {
  const items: { start: number; end: number; label: string }[] = [];
  for (const m of text.matchAll(QUOTED_ITEM)) {
    if (QUOTE_PAIRS[m[1]!] !== m[3] && !(m[1] === '‘' && m[3] === "'") && !(m[1] === "'" && m[3] === '’')) continue;
    if (m[1] === "'" && m.index > 0 && /[A-Za-z]/.test(text[m.index - 1]!)) continue;
    items.push({ start: m.index, end: m.index + m[0].length, label: m[2]! });
  }
  return items;
}

/** The text with its quoted items blanked out (same length, so offsets still match). */
function withoutQuoted(text: string): string {
  let out = text;
  for (const item of quotedItems(text)) out = out.slice(0, item.start) + ' '.repeat(item.end - item.start) + out.slice(item.end);
  return out;
}

/** `'A' > 'B' > 'C'` chains and single quoted labels (`the "Bot" section`), in order. */
export function quotedPaths(text: string): string[][] {
  const items = quotedItems(text);
  const paths: string[][] = [];
  let chain: typeof items = [];
  const flush = () => {
    if (chain.length > 1 || (chain.length === 1 && isSingleLabel(text, chain[0]!))) {
      if (chain.every((c) => isMenuLabel(c.label))) paths.push(chain.map((c) => c.label.trim()));
    }
    chain = [];
  };
  for (const item of items) {
    const previous = chain[chain.length - 1];
    if (previous && ARROW.test(text.slice(previous.end, item.start)) && text.slice(previous.end, item.start).trim().length <= 2) chain.push(item);
    else {
      flush();
      chain = [item];
    }
  }
  flush();
  return paths;
}

/** A single quoted label is a menu item unless it names a checkbox or button to tick, or a value to type. */
function isSingleLabel(text: string, item: { start: number; end: number; label: string }): boolean {
  const before = text.slice(Math.max(0, item.start - 24), item.start).toLowerCase();
  const after = text.slice(item.end, item.end + 12).toLowerCase();
  if (/\b(?:box|checkbox|check box|field)\s*$/.test(before) || /^\s*(?:box|checkbox|check box|field)\b/.test(after)) return false;
  if (/\((?:such as|e\.g\.|for example)?\s*$/.test(before) || /\bsuch as\s*$/.test(before)) return false;
  if (/\b(?:default|value|prefix)\b:?\s*$/.test(before) || /^\s*prefix\b/.test(after)) return false;
  return true;
}

const CAP_WORD = /^(?:[A-Z0-9][\w&.'-]*|[a-z][A-Z][\w&'-]*)$/;
const JOINERS = new Set(['and', 'of', '&', 'for']);

/** The capitalized run of words starting at `words[i]` (joiners allowed between capitals): a menu label. */
function capRun(words: readonly string[], i: number): { label: string; next: number } | undefined {
  const taken: string[] = [];
  let j = i;
  while (j < words.length) {
    const w = words[j]!.replace(/[,.;:)]+$/, '');
    if (CAP_WORD.test(w)) {
      taken.push(w);
      if (w !== words[j]) {
        j++;
        break;
      }
      j++;
      continue;
    }
    if (taken.length > 0 && JOINERS.has(w) && j + 1 < words.length && CAP_WORD.test(words[j + 1]!.replace(/[,.;:)]+$/, ''))) {
      taken.push(w);
      j++;
      continue;
    }
    break;
  }
  if (taken.length === 0) return undefined;
  return { label: taken.join(' '), next: j };
}

const NAV_VERB = /\b(?:beside|go(?:ing)? to|navigat(?:e|ing) to|open(?:ing)?|choos(?:e|ing)|select(?:ing)?|click(?:ing)?(?: on)?|press(?:ing)?|pick(?:ing)?|under)\s+(?:the\s+)?/gi;
/** Words that may follow a menu label in a sentence. */
const FOLLOWERS = new Set(['from', 'in', 'on', 'at', 'under', 'to', 'and', 'then', 'of', 'for', 'with', 'button', 'option', 'link', 'item', 'where', 'which', 'you', 'beside', 'next']);
const PLACE_NOUN = /^(?:section|page|tab|view|screen|menu|dropdown|panel)\b/i;
/** Words that are never menu labels even when capitalized at a sentence start. */
/** A label naming the whole console ("Discord Developer Portal"), where a path starts, not an item in it. */
export const CONSOLE = /\b(?:Portal|Console|Hub|Dashboard|Center|Centre)$/;
const NOT_LABELS = new Set(['I', 'A', 'An', 'The', 'Your', 'You', 'This', 'It', 'Create', 'New', 'OAuth', 'API']);

/**
 * Menu paths printed without quotes: `Settings > Organization > Organization ID`, and navigation phrases
 * ("go to Billing", "open the Tools menu and pick Apps, then pick New App",
 * "Under the Getting Connected section"). Read from running text, so the draft asks the writer to confirm them.
 */
export function unquotedPaths(text: string): { items: string[]; kind: 'arrows' | 'navigation' | 'place' }[] {
  const paths: { items: string[]; kind: 'arrows' | 'navigation' | 'place' }[] = [];
  const has = (items: readonly string[]) => paths.some((p) => sameItems(p.items, items));
  // Arrow chains outside quotes.
  const unquoted = withoutQuoted(text);
  if (/\s(?:>|›)\s/.test(unquoted)) {
    const parts = unquoted.split(/\s+(?:>|›)\s+/);
    if (parts.length > 1) {
      const first = parts[0]!.trim().split(/\s+/);
      let k = first.length;
      while (k > 0 && CAP_WORD.test(first[k - 1]!)) k--;
      const head = first.slice(k).join(' ');
      const middle = parts.slice(1, -1).map((p) => p.trim());
      const lastWords = parts[parts.length - 1]!.trim().split(/\s+/);
      const tail = capRun(lastWords, 0)?.label;
      const items = [head, ...middle, tail ?? ''].map((s) => s.replace(/[,.;:]+$/, '').trim());
      if (items.every((s) => s.length > 0 && /^[A-Z0-9]/.test(s))) paths.push({ items, kind: 'arrows' });
    }
  }
  // Navigation phrases in numbered steps and prose.
  for (const m of unquoted.matchAll(NAV_VERB)) {
    const start = m.index + m[0].length;
    // A capitalized verb counts only where a sentence or step starts ("Open the portal", not "of Open Platform").
    if (/^[A-Z]/.test(m[0]) && !/(?:^|[.:;!?])\s*$/.test(unquoted.slice(0, m.index))) continue;
    const words = unquoted.slice(start).trim().split(/\s+/);
    const first = capRun(words, 0);
    if (!first || NOT_LABELS.has(first.label) || CONSOLE.test(first.label)) continue;
    const under = /^under\b/i.test(m[0]);
    // A label cut short by a lowercase noun ("click App store") is no label.
    const after = (words[first.next] ?? '').replace(/[,.;:)]+$/, '');
    if (after !== '' && /^[a-z]/.test(after) && !FOLLOWERS.has(after.toLowerCase()) && !PLACE_NOUN.test(after) && /[\w]$/.test(words[first.next - 1] ?? '')) continue;
    if (/\bbutton\b/i.test(words[first.next] ?? '') && !/^beside\b/i.test(m[0])) continue;
    const chain = [first.label];
    let rest = words.slice(first.next).join(' ');
    // "… menu and pick Apps, then pick New App": the chain goes on.
    for (;;) {
      const more = /^(?:\([^)]*\)\s*)?(?:(?:section|page|tab|view|screen|dropdown|menu|panel)\s+)*(?:,\s*)?(?:(?:and|then)\s+|,\s*then\s+)+(?:(?:pick|choose|select|click(?: on)?|open|go to)\s+)?(?:the\s+)?(.*)$/i.exec(rest);
      if (!more) break;
      const next = capRun(more[1]!.split(/\s+/), 0);
      if (!next) break;
      chain.push(next.label);
      rest = more[1]!.split(/\s+/).slice(next.next).join(' ');
    }
    const placeAfter = PLACE_NOUN.test(words[first.next] ?? '');
    if (under && chain.length === 1 && !placeAfter) continue;
    if (!has(chain)) paths.push({ items: chain, kind: under && chain.length === 1 ? 'place' : 'navigation' });
  }
  // "the X section" / "the X page" / "the X view", where no verb led to it.
  for (const m of unquoted.matchAll(/\b(?:in|from|on)\s+the\s+((?:[A-Z0-9][\w&'-]*\s+)(?:(?:and|of|&)\s+)?(?:[A-Z0-9][\w&'-]*\s+){0,4})(section|page|view|tab|screen)\b/g)) {
    const label = m[1]!.trim();
    if (NOT_LABELS.has(label) || paths.some((p) => p.items.includes(label))) continue;
    paths.push({ items: [label], kind: 'place' });
  }
  // "pick Apps, then pick New App" also matches at each later verb: keep the whole chain only.
  return paths.filter((p, i) => !paths.some((q, j) => j !== i && q.items.length > p.items.length && contains(q.items, p.items)));
}
