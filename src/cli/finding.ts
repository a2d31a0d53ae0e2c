/**
 * One finding of `lint`, as the text, JSON and SARIF reports print it: where it is, how bad, its code and message
 * (secrets already masked), and what it concerns. Its own module so the SARIF writer and the commands share it.
 *
 * Runs under Node's type stripping: explicit `.ts` imports, no TS-only syntax.
 */
import type { Severity } from '../lib/connstr/index.ts';

export type Finding = {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  /** The service the string was checked against. */
  service?: string;
  /** The canonical property the finding concerns. */
  property?: string;
  /** The .env variable or JSON path holding the string. */
  label?: string;
  /** What the suggested fix does, when there is one. */
  fix?: string;
  /**
   * The code's troubleshooting page (`troubleshootingUrl`): absolute on SITE_URL when it is set, else the page's
   * root-relative path (`/troubleshooting/<code>/`, under BASE_PATH), to be read against the site's address.
   */
  docs: string;
};
