/**
 * Driving the site's search dialog (src/scripts/search-dialog.ts on Pagefind's JS API, loaded on first use) the
 * way a user does, by role and name where the dialog has them.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** A result card: its title, the page it opens (`Reference` or a service, for a property), context line and link. */
export type Hit = { title: string; where: string; context: string; href: string };

/** The dialog's query field (it exists only once search has been opened). */
export const searchInput = (page: Page) => page.getByRole('searchbox', { name: 'Search the documentation' });

/** The line that says how many results the query has (`N results for …` / `No results for …`). */
export const searchSummary = (page: Page) => page.locator('dialog.search-dialog').getByRole('status');

/** Opens search if needed, types the query and waits for the summary of that query and its result cards. */
export async function search(page: Page, query: string): Promise<Hit[]> {
  const input = searchInput(page);
  if (!(await input.isVisible())) await page.getByRole('button', { name: /^Search/ }).click();
  await input.fill(query);
  await summaryFor(page, query);
  await resultsLoaded(page);
  return hits(page);
}

/**
 * Waits until the summary line reports the given query (`N results for …` or `No results for …`), spelt as typed:
 * the line keeps the previous query's summary until the new results are in, so `oauthclientsecret` after
 * `OAuthClientSecret` must not take the old line (and list) for its own.
 */
export async function summaryFor(page: Page, query: string): Promise<void> {
  await expect
    .poll(() => searchSummary(page).textContent(), { timeout: 10_000 })
    .toMatch(new RegExp(`results? for ${query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
}

/** Waits until the result list shows cards (the summary is written once the first cards are in). */
export async function resultsLoaded(page: Page): Promise<void> {
  const empty = /^No results/.test((await searchSummary(page).textContent()) ?? '');
  if (empty) return;
  await expect.poll(() => page.locator('dialog.search-dialog .search-result-link').count()).toBeGreaterThan(0);
}

/** The result cards currently shown, in order. */
export function hits(page: Page): Promise<Hit[]> {
  return page.locator('dialog.search-dialog li.search-result').evaluateAll((items) =>
    items.filter((li) => li.querySelector('.search-result-link')).map((li) => ({
      title: li.querySelector('.search-result-title')?.textContent?.trim() ?? '',
      where: li.querySelector('.search-result-where')?.textContent?.trim() ?? '',
      context: li.querySelector('.search-context')?.textContent?.trim() ?? '',
      href: li.querySelector('.search-result-link')?.getAttribute('href') ?? '',
    })),
  );
}
