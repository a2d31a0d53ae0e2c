/**
 * Driving the site's search dialog (Pagefind's Component UI, loaded on first use) the way a user does.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export type Hit = { title: string; context: string; href: string };

/** The dialog's query field (it exists only once search has been opened). */
export const searchInput = (page: Page) => page.locator('pagefind-input input');

/** Opens search if needed, types the query and waits for Pagefind's summary of that query and real result cards. */
export async function search(page: Page, query: string): Promise<Hit[]> {
  const input = searchInput(page);
  if (!(await input.isVisible())) await page.getByRole('button', { name: /^Search/ }).click();
  await input.fill(query);
  await summaryFor(page, query);
  await resultsLoaded(page);
  return hits(page);
}

/** Waits until Pagefind's summary line reports the given query (`N results for …` or `No results for …`). */
export async function summaryFor(page: Page, query: string): Promise<void> {
  await expect
    .poll(() => page.locator('pagefind-summary').textContent(), { timeout: 10_000 })
    .toMatch(new RegExp(`results? for ${query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i'));
}

/** Waits until the result list shows real cards (Pagefind first draws skeletons, then fills them in). */
export async function resultsLoaded(page: Page): Promise<void> {
  const empty = /^No results/.test((await page.locator('pagefind-summary').textContent()) ?? '');
  if (empty) return;
  await expect
    .poll(() =>
      // Cards further down load as they scroll into view; the first few must be real.
      page.locator('pagefind-results').evaluate((el) => {
        const first = [...el.querySelectorAll('li.pf-result')].slice(0, 5);
        return first.length > 0 && first.every((li) => (li.querySelector('.pf-result-link')?.textContent ?? '').trim() !== '');
      }),
    )
    .toBe(true);
}

/** The result cards currently shown, in order. */
export function hits(page: Page): Promise<Hit[]> {
  return page.locator('pagefind-results li.pf-result').evaluateAll((items) =>
    items.filter((li) => li.querySelector('.pf-result-link')).map((li) => ({
      title: li.querySelector('.pf-result-link')?.textContent?.trim() ?? '',
      context: li.querySelector('.search-context')?.textContent?.trim() ?? '',
      href: li.querySelector('.pf-result-link')?.getAttribute('href') ?? '',
    })),
  );
}
