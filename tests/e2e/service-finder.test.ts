/**
 * Finding a service by name and by how it signs in (home, the directory, the menu), in Chromium: the finder's code
 * and the service index load on first use only; matches are links to the service pages; a sign-in kind alone lists
 * every service of that kind, as the index (built from the data) classifies them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { useSite } from './support/site.ts';

const site = useSite();
type Entry = { id: string; name: string; also?: string; kinds: string[] };

async function index(page: Page): Promise<Entry[]> {
  return ((await (await page.request.get(site.url('/service-index.json'))).json()) as { services: Entry[] }).services;
}
const finder = (page: Page, scope = 'main') => page.locator(`${scope} [data-finder]`);
const results = (page: Page, scope = 'main') =>
  finder(page, scope).getByRole('list', { name: 'Matching services' }).locator('.finder-name').allTextContents();
const fetchedIndex = (page: Page) => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/service-index.json')));

describe('home', () => {
  test('nothing of the finder loads until it is used; a name finds the service, Enter opens it', async () => {
    const opened = await site.open('/');
    try {
      const { page } = opened;
      await page.waitForLoadState('networkidle');
      expect(await fetchedIndex(page)).toBe(false);
      const field = page.getByRole('searchbox', { name: 'Find a service' });
      await field.fill('scout');
      await expect.poll(() => results(page)).toEqual(['Help Scout']);
      expect(await fetchedIndex(page)).toBe(true);
      // The page's own cards give way to the matches while a search is on.
      expect(await page.locator('#service-grid').isVisible()).toBe(false);
      await expect.poll(() => finder(page).getByRole('status').textContent()).toBe('1 service matches “scout”.');
      // The driver's spelling finds it too.
      await field.fill('HELPSCOUT');
      await expect.poll(() => results(page)).toEqual(['Help Scout']);
      await field.press('Enter');
      await page.waitForURL((url) => url.pathname.endsWith('/services/helpscout/'));
      expect(opened.faults()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  test('each sign-in kind alone lists exactly the services the index gives that kind', async () => {
    const opened = await site.open('/');
    try {
      const { page } = opened;
      const entries = await index(page);
      for (const [button, kind] of [
        [/^API key or token/, 'token'],
        [/^OAuth/, 'oauth'],
        [/^Basic/, 'basic'],
      ] as const) {
        await finder(page).getByRole('button', { name: button }).click();
        const expected = entries.filter((e) => e.kinds.includes(kind)).map((e) => e.name).sort();
        expect(expected.length, kind).toBeGreaterThan(0);
        await expect.poll(() => results(page).then((r) => r.sort()), { message: kind }).toEqual(expected);
        expect(await finder(page).getByRole('button', { name: button }).getAttribute('aria-pressed')).toBe('true');
      }
      // A kind and a name together; then Any with nothing typed gives the cards back.
      await page.getByRole('searchbox', { name: 'Find a service' }).fill('airc');
      await expect.poll(() => results(page)).toEqual(['Aircall']);
      await finder(page).getByRole('button', { name: /^API key or token/ }).click();
      await expect.poll(() => finder(page).getByRole('status').textContent()).toBe('No service matches “airc” and signs in with an API key or token.');
      await page.getByRole('searchbox', { name: 'Find a service' }).fill('');
      await finder(page).getByRole('button', { name: /^Any/ }).click();
      await expect.poll(() => page.locator('#service-grid').isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      expect(opened.faults()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

test('the directory lists every service and keeps a search in its address', async () => {
  const opened = await site.open('/services/?kind=basic');
  try {
    const { page } = opened;
    const entries = await index(page);
    const listed = await page.locator('#directory-list .directory-rows a').allTextContents();
    expect(listed.sort()).toEqual(entries.map((e) => e.name).sort());
    // Opened with ?kind=basic, the finder starts with that kind chosen.
    await expect.poll(() => results(page)).toEqual(entries.filter((e) => e.kinds.includes('basic')).map((e) => e.name));
    await page.getByRole('searchbox', { name: 'Find a service' }).fill('zzz');
    await expect.poll(() => page.evaluate(() => location.search)).toBe('?q=zzz&kind=basic');
    expect(opened.faults()).toEqual([]);
  } finally {
    await opened.close();
  }
});

test('in the menu on a phone, the finder reaches a service by name', async () => {
  const opened = await site.open('/reference/', { viewport: { width: 390, height: 844 } });
  try {
    const { page } = opened;
    await page.getByRole('button', { name: 'Menu', exact: true }).click();
    const menu = page.getByRole('dialog', { name: 'Menu' });
    await menu.getByRole('searchbox', { name: 'Find a service' }).fill('lead');
    await expect.poll(() => results(page, 'dialog.nav-drawer')).toEqual(['LeadDesk']);
    // The menu's own list of services gives way while a search is on.
    expect(await menu.locator('#nav-services').isVisible()).toBe(false);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('LeadDesk');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.endsWith('/services/leaddesk/'));
    expect(opened.faults()).toEqual([]);
  } finally {
    await opened.close();
  }
});
