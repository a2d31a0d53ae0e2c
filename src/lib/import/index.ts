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
      finding('older-build', page.build?.line ?? 1, `${o.file} documents the older build ${o.build?.version ?? '(unknown)'}: the draft documents ${page.build?.version ?? 'this page'}, and takes from the older page only what this one lacks.`),
    );
    imported.push({ id, name: serviceNameOf(page), build: draft.service.dataVersion.build, page, older, service: draft.service, findings: sortFindings([...review, ...draft.findings, ...notes]) });
  }
  return imported;
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
