/**
 * `import -- diff OLD.txt NEW.txt`: what a new build of a vendor page changes, read from the same `VendorPage`
 * model the importer drafts from and compared by the catalog's one comparison (`diffBuildFacts`), so a writer sees
 * the changes the site will list before importing the page.
 *
 * A saved page may be cut off (`[truncated: …]`). A row, a list of allowed values, a method or an example the
 * other page has but a cut-off page does not show past its cut is "not shown", never a removal or an addition.
 * Pure, no I/O.
 */
import { buildFromFileName, type VendorPage } from './page.ts';
import { diffBuildFacts, type BuildChange, type BuildFacts, type MethodFacts } from '../providers/changes.ts';

const fold = (s: string) => s.toLowerCase();
const methodKey = (heading: string) => fold(heading.replace(/\s+/g, ' ').trim());

/** The build a page documents: its footer, else its file name ('' when neither says). */
export function pageBuild(page: VendorPage): string {
  return page.build?.version ?? buildFromFileName(page.file) ?? '';
}

function methodsOf(page: VendorPage): MethodFacts[] {
  return page.sections
    .filter((s) => s.kind === 'method')
    .map((s) => ({
      key: methodKey(s.heading),
      label: s.heading,
      steps: [...s.prose.map((p) => ({ line: p.line, text: p.text })), ...s.bullets.map((b) => ({ line: b.line, text: `${b.name}: ${b.text}` }))]
        .sort((a, b) => a.line - b.line)
        .map((p) => p.text.replace(/\s+/g, ' ').trim()),
      menuPaths: s.menuPaths.map((m) => m.items.join(' › ')),
      examples: s.examples.filter((e) => !e.truncated).map((e) => e.text),
    }));
}

/** The page's facts, with what it cannot vouch for (past its cut) compared to `other`. */
function factsOf(page: VendorPage, other: VendorPage): BuildFacts {
  const rows = page.table?.rows ?? [];
  const properties = rows.map((r) => ({
    name: r.name,
    ...(r.allowedValues && r.allowedValues.length > 0 ? { allowedValues: r.allowedValues } : {}),
    ...(r.default !== undefined ? { default: r.default.replace(/\.$/, '') } : {}),
    // A row the page breaks off in has lost the end of its description: not comparable.
    ...(cutInside(page, r.line) ? {} : { description: r.description.replace(/\s+/g, ' ').trim() }),
  }));
  const methods = methodsOf(page);
  const unknown = new Set<string>();
  const cut = page.truncations[0]?.line;
  if (cut !== undefined) {
    // Rows the other page lists after the last row both show: past this page's cut, unknown here.
    const otherRows = other.table?.rows ?? [];
    const mine = new Set(rows.map((r) => fold(r.name)));
    const lastShared = otherRows.reduce((last, r, i) => (mine.has(fold(r.name)) ? i : last), -1);
    const tableCut = !page.table || cut > page.table.line;
    if (tableCut) otherRows.forEach((r, i) => i > lastShared && !mine.has(fold(r.name)) && unknown.add(fold(r.name)));
    // The row the page breaks off in (or just after) may have lost its allowed values.
    const lastRow = rows[rows.length - 1];
    if (tableCut && lastRow && (lastRow.allowedValues === undefined || lastRow.allowedValues.length === 0)) unknown.add(fold(`${lastRow.name}=*`));
    for (const r of rows) if (r.allowedValues !== undefined && r.allowedValues.length === 0) unknown.add(fold(`${r.name}=*`));
    // Methods the other page has after the last method both show.
    const otherMethods = methodsOf(other);
    const mineMethods = new Set(methods.map((m) => m.key));
    const lastMethod = otherMethods.reduce((last, m, i) => (mineMethods.has(m.key) ? i : last), -1);
    otherMethods.forEach((m, i) => i > lastMethod && !mineMethods.has(m.key) && unknown.add(fold(`method:${m.key}`)));
    // A method section the cut falls in: its example (and, with no example before the cut, its steps) is lost.
    const sections = page.sections.filter((s) => s.kind === 'method');
    sections.forEach((s, i) => {
      const next = page.sections[page.sections.indexOf(s) + 1]?.line ?? Number.POSITIVE_INFINITY;
      const holdsCut = cut >= s.line && (cut < next || i === sections.length - 1);
      if (!holdsCut) return;
      if (s.examples.length === 0 || s.examples.some((e) => e.truncated)) unknown.add(fold(`example:${methodKey(s.heading)}`));
      if (s.examples.length === 0) unknown.add(fold(`steps:${methodKey(s.heading)}`));
    });
  }
  return { build: pageBuild(page) || page.file, properties, methods, unknown };
}

/** The row at `line` is the last before the page's cut (its description may have lost its end). */
function cutInside(page: VendorPage, line: number): boolean {
  const cut = page.truncations[0]?.line;
  if (cut === undefined || cut < line) return false;
  return !(page.table?.rows ?? []).some((r) => r.line > line && r.line < cut);
}

export interface PageDiff {
  before: { file: string; build: string; truncated: boolean };
  after: { file: string; build: string; truncated: boolean };
  changes: BuildChange[];
}

/** The changes from the `older` page to the `newer` one. */
export function diffPages(older: VendorPage, newer: VendorPage): PageDiff {
  const side = (p: VendorPage) => ({ file: p.file, build: pageBuild(p), truncated: p.truncations.length > 0 });
  return { before: side(older), after: side(newer), changes: diffBuildFacts(factsOf(older, newer), factsOf(newer, older)) };
}
