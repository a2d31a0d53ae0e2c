/**
 * The importer's review list: what a vendor page contradicts or lacks, one finding per place, each with the line
 * of the page it is about. Codes are a closed set; every message is in our words (facts quoted, never a sentence
 * of the page). Pure.
 */

/**
 * `error`: the page lost or hides facts (cut off, a line the reader could not place, no build): the draft is
 * incomplete until a writer supplies them. `warning`: the page contradicts itself or another source, and a writer
 * must decide what we publish (a `decisions` entry). `info`: what the importer did about it, for the writer to check.
 */
export type ImportSeverity = 'error' | 'warning' | 'info';

export const importCodes = {
  'unplaced-line': 'error',
  truncated: 'error',
  'missing-title': 'error',
  'missing-build': 'error',
  'build-from-file-name': 'warning',
  'missing-copyright': 'warning',
  'no-method': 'error',
  'no-table': 'warning',
  'no-example': 'error',
  'example-syntax': 'error',
  'missing-from-table': 'warning',
  'unused-in-methods': 'warning',
  'placement-prose': 'warning',
  'placement-mixed': 'warning',
  'spelling-differs': 'warning',
  'value-spelling': 'warning',
  'term-spelling': 'info',
  'profile-without-path': 'warning',
  'profile-case': 'warning',
  'accepted-entries': 'warning',
  'other-service': 'warning',
  'misspelt-name': 'warning',
  'name-variant': 'info',
  typo: 'info',
  'broken-url': 'warning',
  'intro-methods': 'warning',
  'section-not-method': 'info',
  'credential-selects-method': 'info',
  'footer-after-truncation': 'info',
  'rejected-prefix': 'info',
  'unknown-allowed-value': 'warning',
  'older-build': 'info',
  'filled-from-build': 'info',
  'build-change': 'info',
} as const satisfies Record<string, ImportSeverity>;

export type ImportCode = keyof typeof importCodes;

export interface ImportFinding {
  code: ImportCode;
  severity: ImportSeverity;
  /** The 1-based line of the page the finding is about. */
  line: number;
  /** One or two sentences, our words: what the page says or lacks, and where else it says otherwise. */
  message: string;
  /** The canonical name of the property it concerns, when there is one (the draft files its decision there). */
  property?: string;
  /** The index in `page.sections` of the method it concerns, when there is one. */
  section?: number;
}

export function finding(code: ImportCode, line: number, message: string, about: { property?: string; section?: number } = {}): ImportFinding {
  return { code, severity: importCodes[code], line, message, ...about };
}

/** Findings in page order, errors first on a tie. */
export function sortFindings(findings: ImportFinding[]): ImportFinding[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return findings.sort((a, b) => a.line - b.line || rank[a.severity] - rank[b.severity]);
}
