/**
 * axe-core in a page opened by site.ts, under the site's own Content-Security-Policy: axe.min.js is evaluated
 * through the DevTools protocol (Playwright's `evaluate`), which the page's CSP does not govern, so no inline
 * <script> is added and no CSP violation is recorded, and the page is audited exactly as users get it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, RunOptions } from 'axe-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0–2.2 A and AA plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] as const;

/** One node that fails one rule. */
export type AxeViolation = { id: string; impact: string; help: string; target: string; summary: string };

/** `rule-id (impact) at <target>: <help> [<failure summary>]` */
export const formatViolation = (v: AxeViolation) => `${v.id} (${v.impact}) at ${v.target}: ${v.help} [${v.summary}]`;

/** Runs axe on the whole document; one entry per failing node. */
export async function axeRun(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const options: RunOptions = { runOnly: { type: 'tag', values: [...AXE_TAGS] }, resultTypes: ['violations'] };
  return page.evaluate(async (opts) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<AxeResults> } }).axe;
    const result = await axe.run(document, opts);
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        target: n.target.join(' '),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
    );
  }, options);
}

/** Runs axe on the whole document and returns one line per failing node ({@link formatViolation}); [] is clean. */
export async function axeViolations(page: Page): Promise<string[]> {
  return (await axeRun(page)).map(formatViolation);
}
