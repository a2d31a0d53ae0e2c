/**
 * axe-core (WCAG 2.2 A/AA and best practices) over every page the site publishes, plus the 404 page, in the
 * light and the dark theme, and over the search dialog showing results, in both themes. The island-specific
 * states (field errors, validate mode) are audited in builder.test.ts.
 *
 * Each theme is reached the way a user reaches it: the light one from the system preference, the dark one once
 * from the toggle's stored choice against a light system (pages) and once from a dark system (search dialog),
 * so both ways of getting a theme are audited.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { builderReady } from './support/builder.ts';
import { publishedPaths } from './support/pages.ts';
import { search } from './support/search.ts';
import { useSite } from './support/site.ts';

const published = publishedPaths();
const audited = [...published, '/404.html'];

const site = useSite();

type Theme = 'light' | 'dark';
type Setup = { theme: Theme; system: Theme; stored?: Theme; label: string };
const setup = (theme: Theme, system: Theme, stored?: Theme): Setup => ({
  theme,
  system,
  stored,
  label: `${theme} theme (${stored ? `stored choice ${stored}, ` : ''}system ${system})`,
});

/** Context options that give the setup's theme: the system preference, and the toggle's stored choice if any. */
function contextFor(s: Setup): BrowserContextOptions {
  return {
    colorScheme: s.system,
    ...(s.stored && { storageState: { cookies: [], origins: [{ origin: site.origin, localStorage: [{ name: 'theme', value: s.stored }] }] } }),
  };
}

const themeOf = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);
const report = (where: string, violations: string[]) => `axe found ${violations.length} violation(s) on ${where}:\n${violations.join('\n')}`;

/**
 * Waits until the page is as a reader sees it: loaded, and the builder island (if any; it hydrates when scrolled
 * into view) showing its form rather than its no-JavaScript notice.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  if ((await page.locator('.builder').count()) > 0) await builderReady(page);
}

test('the audit covers the home page, the builder, the reference and every service page', () => {
  expect(published).toEqual(expect.arrayContaining(['/', '/builder/', '/reference/', '/services/', '/services/intercom/']));
});

describe.each([setup('light', 'light'), setup('dark', 'light', 'dark')])('$label', (s) => {
  test.each(audited)('%s has no axe violations', async (path) => {
    const opened = await site.open(path, contextFor(s));
    try {
      const { page } = opened;
      await settled(page);
      expect(await themeOf(page)).toBe(s.theme);
      const violations = await axeViolations(page);
      expect(violations, report(`${path} in the ${s.label}`, violations)).toEqual([]);
      expect(opened.faults()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

describe.each([setup('light', 'dark', 'light'), setup('dark', 'dark')])('search dialog, $label', (s) => {
  test('with results, and with the filters open and one chosen, has no axe violations', async () => {
    const opened = await site.open('/services/intercom/', contextFor(s));
    try {
      const { page } = opened;
      await settled(page);
      expect(await themeOf(page)).toBe(s.theme);
      const hits = await search(page, 'OAuthClientSecret');
      expect(hits.length).toBeGreaterThan(3);
      let violations = await axeViolations(page);
      expect(violations, report(`the search dialog with results (${s.label})`, violations)).toEqual([]);

      await page.getByRole('button', { name: 'Filters' }).click();
      const service = page.getByRole('combobox', { name: 'Service' });
      await expect.poll(() => service.locator('option').count()).toBeGreaterThan(2);
      await service.selectOption('Intercom');
      await expect.poll(() => page.locator('dialog.search-dialog .search-result-link').evaluateAll((as) => as.every((a) => !/^\/services\/(?!intercom\/)/.test(a.getAttribute('href') ?? '')))).toBe(true);
      violations = await axeViolations(page);
      expect(violations, report(`the search dialog with a Service filter chosen (${s.label})`, violations)).toEqual([]);
      expect(opened.faults()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

test("/builder/ while a service's settings load has no axe violations", async () => {
  const opened = await site.open('/builder/', contextFor(setup('light', 'light')));
  try {
    const { page } = opened;
    await settled(page);
    // Hold the next service's metadata file so the loading state stays on screen while axe runs.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/builder/data/helpscout.json', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('combobox', { name: 'Service' }).selectOption('helpscout');
    await page.getByRole('status').filter({ hasText: 'Loading the service’s settings' }).waitFor();
    const violations = await axeViolations(page);
    expect(violations, report('/builder/ while loading', violations)).toEqual([]);
    release();
    await page.getByRole('radio', { name: /API key \(Docs API\)/ }).waitFor();
    expect(opened.faults()).toEqual([]);
  } finally {
    await opened.close();
  }
});
