/**
 * The importer: vendor help pages (saved as text) in, one draft service file and one review list per service out.
 * Pure: the CLI (src/cli/import.ts) reads the pages and the existing files and writes the drafts.
 *
 *   readVendorPage  text → VendorPage (typed, every fact with its line; what it cannot place is kept and reported)
 *   reviewPage      VendorPage → findings (contradictions, gaps, cut-offs)
 *   draftService    VendorPage(s) → a `content/services` draft, facts filled, our words left `[to write]`
 *
 * Several pages of one service (several builds) make one draft of the newest build; the older pages fill only
 * what the newest lacks because it was cut off. The `VendorPage` model is also what a diff of two builds reads.
 */
import { draftService, serviceIdOf, serviceNameOf } from './draft.ts';
import { finding, sortFindings, type ImportFinding } from './findings.ts';
import { buildFromFileName, readVendorPage, type VendorPage } from './page.ts';
import { reviewPage } from './review.ts';
import type { ImportContext, SharedProperty } from './usage.ts';
import type { ServiceInput } from '../providers/schema.ts';
import { diffPages } from './diff.ts';
import { describeChange } from '../providers/changes.ts';

type OlderBuildInput = NonNullable<ServiceInput['olderBuilds']>[number];

export { readVendorPage, type VendorPage } from './page.ts';
export { reviewPage } from './review.ts';
export { draftService } from './draft.ts';
export { importCodes, type ImportCode, type ImportFinding, type ImportSeverity } from './findings.ts';
export type { ImportContext, SharedProperty } from './usage.ts';

export type PageInput = { file: string; text: string };

/** One imported service: its draft, the page it documents, and the review of that page (older pages' notes included). */
export interface ImportedService {
  id: string;
  name: string;
  /** The build the draft documents ('' when the page has none). */
  build: string;
  /** The page the draft documents (the newest build given). */
  page: VendorPage;
  /** Older builds of the same service given in the same run. */
  older: VendorPage[];
  service: ServiceInput;
  findings: ImportFinding[];
}

/** The text holds a vendor help page at all: a "Connecting to …" title, a method heading or an example string. */
export function looksLikeVendorPage(page: VendorPage): boolean {
  return page.title !== undefined || page.sections.some((s) => s.kind === 'method' || s.examples.length > 0);
}

/** Compares dotted build numbers (24.0.9300.0 > 24.0.9060.0); a page without a build sorts last. */
function compareBuilds(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a === undefined ? (b === undefined ? 0 : 1) : -1;
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pb[i] ?? 0) - (pa[i] ?? 0);
  return 0;
}

/** Imports pages: reads and reviews each, groups them by service, and drafts each service from its newest page. */
export function importPages(inputs: readonly PageInput[], context: ImportContext): ImportedService[] {
  const byService = new Map<string, VendorPage[]>();
  for (const input of inputs) {
    const page = readVendorPage(input.text, input.file);
    const id = serviceIdOf(serviceNameOf(page));
    byService.set(id, [...(byService.get(id) ?? []), page]);
  }
  const imported: ImportedService[] = [];
  for (const [id, pages] of byService) {
    const buildOf = (p: VendorPage) => p.build?.version ?? buildFromFileName(p.file);
    const sorted = [...pages].sort((a, b) => compareBuilds(buildOf(a), buildOf(b)));
    const [page, ...older] = sorted as [VendorPage, ...VendorPage[]];
    const review = reviewPage(page, context);
    const draft = draftService(sorted, context, review);
    const notes = older.map((o) =>
      finding('older-build', page.build?.line ?? 1, `${o.file} documents the older build ${o.build?.version ?? '(unknown)'}: the draft documents ${page.build?.version ?? 'this page'}, takes from the older page only what this one lacks, and lists the older build in olderBuilds as what differs.`),
    );
    const { olderBuilds, findings: changes } = olderBuildsOf(sorted, context, new Set((draft.service.properties ?? []).map((p) => p.name.toLowerCase())));
    const service = olderBuilds.length > 0 ? { ...draft.service, olderBuilds } : draft.service;
    imported.push({ id, name: serviceNameOf(page), build: draft.service.dataVersion.build, page, older, service, findings: sortFindings([...review, ...draft.findings, ...notes, ...changes]) });
  }
  return imported;
}

/**
 * Each older page as an `olderBuilds` entry of the draft (what differs from the newest: allowed values, properties
 * its table does not list yet, shared properties only it lists), and a review note per change each build brought
 * (a fact a cut-off page does not show is not a change). Pages newest first.
 */
function olderBuildsOf(pages: readonly VendorPage[], context: ImportContext, drafted: ReadonlySet<string>): { olderBuilds: OlderBuildInput[]; findings: ImportFinding[] } {
  const [newest] = pages;
  const findings: ImportFinding[] = [];
  const olderBuilds: OlderBuildInput[] = [];
  const shared = new Map(context.shared.map((p) => [p.name.toLowerCase(), p]));
  const canonical = (property: string, value: string) => shared.get(property.toLowerCase())?.allowedValues?.find((v) => v.value.toLowerCase() === value.toLowerCase())?.value ?? value.toUpperCase();
  for (let i = 1; i < pages.length; i++) {
    const older = pages[i]!;
    const newer = pages[i - 1]!;
    const build = older.build?.version ?? buildFromFileName(older.file);
    const step = diffPages(older, newer);
    for (const c of step.changes) {
      if (c.kind === 'not-shown') continue;
      findings.push(finding('build-change', newest?.build?.line ?? 1, `${step.before.build} → ${step.after.build}: ${describeChange(c)}`));
    }
    if (!build || !newest) continue;
    // What this build differs in from the newest (the draft): its own table against the newest's.
    const delta = diffPages(older, newest).changes;
    const rows = new Map((older.table?.rows ?? []).map((r) => [r.name.toLowerCase(), r]));
    const properties: NonNullable<OlderBuildInput['properties']> = [];
    const removedLater: NonNullable<OlderBuildInput['removedLater']> = [];
    for (const c of delta) {
      if (c.property === null) continue;
      if (c.kind === 'property-added' && drafted.has(c.property.toLowerCase())) properties.push({ name: shared.get(c.property.toLowerCase())?.name ?? c.property, absent: true });
      if (c.kind === 'property-removed' && shared.has(c.property.toLowerCase())) removedLater.push({ name: shared.get(c.property.toLowerCase())!.name });
    }
    for (const name of new Set(delta.filter((c) => c.kind === 'value-added' || c.kind === 'value-removed').map((c) => c.property!))) {
      const values = rows.get(name.toLowerCase())?.allowedValues ?? [];
      const canonicalName = shared.get(name.toLowerCase())?.name ?? name;
      if (!drafted.has(canonicalName.toLowerCase())) continue;
      properties.push({ name: canonicalName, allowedValues: values.map((v) => canonical(name, v)) });
    }
    olderBuilds.push({ build, edition: older.copyright ? String(older.copyright.year) : '[to write] the help edition year (the page has no copyright line)', ...(properties.length ? { properties } : {}), ...(removedLater.length ? { removedLater } : {}) });
  }
  return { olderBuilds, findings };
}

/** The shared properties as the importer needs them, from the parsed shared property files. */
export function sharedFrom(properties: readonly { name: string; aliases?: readonly string[]; placement?: 'top' | 'profileSettings'; type: string; sensitive?: boolean; allowedValues?: readonly { value: string }[] | undefined }[]): ImportContext {
  const shared: SharedProperty[] = properties.map((p) => ({
    name: p.name,
    aliases: p.aliases ?? [],
    placement: p.placement ?? 'top',
    type: p.type,
    sensitive: p.sensitive ?? false,
    allowedValues: p.allowedValues,
  }));
  return { shared };
}

/** The draft as it is written to disk: two-space JSON, a final newline. */
export function draftJson(service: ServiceInput): string {
  return `${JSON.stringify(service, null, 2)}\n`;
}
