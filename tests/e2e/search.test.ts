/**
 * Property search through its UI in real Chromium on the built site: the query table, filters, keyboard
 * access, landing on the property, the no-results state, lazy loading and a clean console.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/lib/providers/load.ts';
import { serviceLabel } from '../../src/lib/providers/service-facts.ts';
import { resultsLoaded, search, searchInput, searchSummary, summaryFor } from './support/search.ts';
import { type OpenedPage, useSite } from './support/site.ts';

const site = useSite();
/** The services the built site documents (the search's expectations follow the data, not a list written here). */
const catalog = loadCatalog(join(import.meta.dirname, '..', '..', 'content'));
let opened: OpenedPage;
beforeAll(async () => {
  opened = await site.open('/');
});
afterAll(async () => {
  await opened?.close();
});

const propertyQueries: [query: string, property: string][] = [
  ['OAuthClientSecret', 'OAuthClientSecret'],
  ['oauthclientsecret', 'OAuthClientSecret'],
  ['client secret', 'OAuthClientSecret'],
  ['CallbackURL', 'CallbackURL'],
  ['callback url', 'CallbackURL'],
  ['GETANDREFRESH', 'InitiateOAuth'],
  ['AuthScheme', 'AuthScheme'],
  ['InitiateOAuth', 'InitiateOAuth'],
  ['Profile', 'Profile'],
];

describe('the query table', () => {
  test('no search code is downloaded before search is opened', async () => {
    const fresh = await site.open('/services/intercom/');
    try {
      await fresh.page.waitForLoadState('networkidle');
      const requests = await fresh.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      expect(requests.filter((url) => url.includes('/pagefind/') || url.includes('search-dialog') || url.endsWith('service-index.json'))).toEqual([]);
      expect(requests.length).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  });

  test.each(propertyQueries)('%s → the %s entry first, service and reference entries both present', async (query, property) => {
    const hits = await search(opened.page, query);
    expect(hits[0]?.title).toBe(property);
    expect(hits[0]?.href).toMatch(new RegExp(`#prop-${property}$`));
    const top = hits.slice(0, 8).filter((h) => h.title === property);
    expect(top.some((h) => h.href.includes('/reference/'))).toBe(true);
    expect(top.some((h) => h.href.includes('/services/'))).toBe(true);
    expect(['Reference', ...catalog.services.map((s) => serviceLabel(s))]).toContain(hits[0]?.where);
  });

  test.each(['APIKey', 'api key'])('%s surfaces its reference entry and the services that list it, Inside ProfileSettings', async (query) => {
    const hits = await search(opened.page, query);
    const top = hits.slice(0, 3);
    expect(top.every((h) => h.title === 'APIKey')).toBe(true);
    expect(top[0]?.href).toBe('/reference/apikey/#prop-APIKey');
    const listing = catalog.services.filter((s) => s.properties.some((p) => p.name === 'APIKey')).map((s) => `/services/${s.id}/#prop-APIKey`);
    for (const hit of top.slice(1)) expect(listing).toContain(hit.href);
    for (const hit of top) expect(hit.context).toContain('Inside ProfileSettings');
  });

  test.each([
    ['AirCall', '/services/aircall/'],
    ['HelpScout', '/services/helpscout/'],
  ])('the service name %s → its page first', async (query, path) => {
    const hits = await search(opened.page, query);
    expect(hits[0]?.href).toBe(path);
  });

  test('a menu-path word (Developer Hub) → Intercom first', async () => {
    const hits = await search(opened.page, 'Developer Hub');
    expect(hits[0]?.href).toMatch(/^\/services\/intercom\//);
    // The properties match through Intercom's own wording of them ("…in the Developer Hub"), not the shared facts:
    // each one's first card is Intercom's row, before its reference entry.
    const firstCard = new Map<string, string>();
    for (const hit of hits.slice(1)) if (!firstCard.has(hit.title)) firstCard.set(hit.title, hit.href);
    expect(firstCard.size).toBeGreaterThan(0);
    for (const [title, href] of firstCard) expect(href, title).toBe(`/services/intercom/#prop-${title}`);
  });

  test('a property only one service has (TenantId) → that service’s entry on its page, which indexes it in place of a record', async () => {
    const hits = await search(opened.page, 'TenantId');
    const entry = hits.findIndex((h) => h.href === '/services/smarthr/#prop-TenantId');
    expect(entry, JSON.stringify(hits.slice(0, 4))).toBeGreaterThanOrEqual(0);
    expect(entry).toBeLessThan(3);
    expect(hits[entry]!.where).toBe('SmartHR');
    expect(hits.some((h) => h.href.startsWith('/reference/'))).toBe(false);
  });

  test('one character is not searched yet: the status line asks for a second', async () => {
    const input = searchInput(opened.page);
    await input.fill('a');
    await expect.poll(() => searchSummary(opened.page).textContent()).toBe('Type at least 2 characters to search');
    expect(await opened.page.locator('dialog.search-dialog .search-result-link').count()).toBe(0);
  });

  test('the count agrees with the list: one item per result, however many cards a property result holds', async () => {
    const page = opened.page;
    await search(page, 'APIKey');
    const count = Number(/^(\d+) results? for APIKey$/.exec((await searchSummary(page).textContent()) ?? '')?.[1]);
    expect(count).toBeGreaterThan(1);
    const more = page.getByRole('button', { name: /^Show more results/ });
    const groups = page.locator('dialog.search-dialog .search-results > li');
    // Listed so far plus what the button offers is the count; once all are shown, the list has exactly that many.
    for (let shown = await groups.count(); await more.isVisible(); shown = await groups.count()) {
      expect(await more.textContent()).toBe(`Show more results (${count - shown} more)`);
      await more.click();
      await expect.poll(() => groups.count()).toBeGreaterThan(shown);
    }
    expect(await groups.count()).toBe(count);
    // The cards of one property result are told apart by the page each opens, in the link's own text.
    const names = await page.locator('dialog.search-dialog .search-result-link').evaluateAll((links) => links.map((a) => a.textContent));
    expect(new Set(names).size).toBe(names.length);
  });

  test('a nonsense query says there are no results', async () => {
    const hits = await search(opened.page, 'zqxjvwk');
    expect(hits).toEqual([]);
    expect(await searchSummary(opened.page).textContent()).toBe('No results for zqxjvwk');
  });

  test('every result link resolves to an element on its page', async () => {
    const hrefs = new Set<string>();
    for (const query of ['OAuthClientSecret', 'APIKey', 'AirCall', 'Developer Hub', 'Timeout', 'proxy']) {
      for (const hit of await search(opened.page, query)) hrefs.add(hit.href);
    }
    expect(hrefs.size).toBeGreaterThan(10);
    const byPage = new Map<string, string[]>();
    for (const href of hrefs) {
      const url = new URL(href, site.origin);
      byPage.set(url.pathname, [...(byPage.get(url.pathname) ?? []), decodeURIComponent(url.hash.slice(1))]);
    }
    const check = await site.browser.newPage();
    try {
      for (const [path, ids] of byPage) {
        const response = await check.goto(site.origin + path);
        expect(response?.status(), path).toBe(200);
        for (const id of ids.filter(Boolean)) expect(await check.locator(`[id="${id}"]`).count(), `${path}#${id}`).toBe(1);
      }
    } finally {
      await check.close();
    }
  });

  test('the service filter narrows results to one service', async () => {
    const before = await search(opened.page, 'OAuthClientSecret');
    expect(new Set(before.map((h) => h.href.split('#')[0])).size).toBeGreaterThan(2);
    const page = opened.page;
    // The filter values load when the filters are opened, not with the first query.
    const toggle = page.getByRole('button', { name: 'Filters' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const service = page.getByRole('combobox', { name: 'Service' });
    await expect.poll(() => service.locator('option').allTextContents()).toContainEqual(expect.stringMatching(/^Intercom \(\d+\)$/));
    await service.selectOption('Intercom');
    await expect.poll(() => searchSummary(page).textContent()).toMatch(/results? for OAuthClientSecret$/);
    await resultsLoaded(page);
    const links = () => page.locator('dialog.search-dialog .search-result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    await expect.poll(async () => (await links()).every((h) => h.startsWith('/services/intercom/') || h.startsWith('/reference/'))).toBe(true);
    const after = await links();
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(before.length);
    expect(after).toContain('/services/intercom/#prop-OAuthClientSecret');
    await service.selectOption('');
    await expect.poll(async () => (await links()).length).toBe(before.length);
  });

  test('the page stayed clean: no console error, CSP violation or foreign request', () => {
    expect(opened.faults()).toEqual([]);
  });
});

describe('keyboard', () => {
  test('Ctrl+K opens search; Enter on a result lands on the property, visible', async () => {
    const fresh = await site.open('/');
    try {
      const { page } = fresh;
      await page.keyboard.press('Control+k');
      const input = searchInput(page);
      await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type('CallbackURL');
      await expect.poll(() => searchSummary(page).textContent()).toMatch(/results? for CallbackURL$/);
      await resultsLoaded(page);
      const first = await page.locator('dialog.search-dialog .search-result-link').first().getAttribute('href');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname + url.hash === first);
      const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
      expect(anchor).toBe('prop-CallbackURL');
      await expect.poll(() => page.locator(`[id="${anchor}"]`).isVisible()).toBe(true);
      const inView = await page.locator(`[id="${anchor}"]`).evaluate((el) => {
        const box = el.getBoundingClientRect();
        return box.top >= 0 && box.top < window.innerHeight;
      });
      expect(inView).toBe(true);
      expect(fresh.faults()).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  test('Show more results moves focus to the first new card', async () => {
    const fresh = await site.open('/');
    try {
      const { page } = fresh;
      await search(page, 'proxy');
      const links = page.locator('dialog.search-dialog .search-result-link');
      const before = await links.count();
      // Property results show as several cards each, so the first new card is not at the index of the results count.
      await page.getByRole('button', { name: 'Show more results' }).click();
      await expect.poll(() => links.count()).toBeGreaterThan(before);
      await expect.poll(() => links.nth(before).evaluate((el) => el === document.activeElement)).toBe(true);
      expect(fresh.faults()).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  test('`/` opens search, but not while typing in a field; one Escape closes it, even with a query typed', async () => {
    const fresh = await site.open('/');
    try {
      const { page } = fresh;
      await page.getByRole('searchbox', { name: 'Find a service' }).fill('a/b');
      expect(await page.locator('dialog.search-dialog').count()).toBe(0);
      await page.locator('h1').click();
      await page.keyboard.press('/');
      const input = searchInput(page);
      await expect.poll(() => input.isVisible()).toBe(true);
      await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type('proxy');
      await summaryFor(page, 'proxy');
      await page.keyboard.press('Escape');
      await expect.poll(() => input.isVisible()).toBe(false);
      expect(await page.locator('dialog.search-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
      expect(fresh.faults()).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
