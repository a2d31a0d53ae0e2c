/**
 * Getting around on any screen, in Chromium: the menu button opens the navigation in a modal drawer where the
 * sidebar is not shown (every service reachable at 390 px), "On this page" is a bar at the top of the content where
 * there is no side column, the section being read is marked while scrolling without moving anything, and a deep
 * link to a folded property opens its fold.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { builderReady } from './support/builder.ts';
import { useSite } from './support/site.ts';

const site = useSite();
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };

/** Every service the site documents, from the index the finder uses (the built site's own list). */
async function services(page: Page): Promise<{ id: string; name: string }[]> {
  const response = await page.request.get(site.url('/service-index.json'));
  return ((await response.json()) as { services: { id: string; name: string }[] }).services;
}

const menuButton = (page: Page) => page.getByRole('button', { name: 'Menu', exact: true });
const drawer = (page: Page) => page.getByRole('dialog', { name: 'Menu' });
const focusInDrawer = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('dialog.nav-drawer'));
/** Where the focus is: in the drawer, out of the document (the browser's own controls), or on the page behind. */
const focusPlace = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'browser';
    return el.closest('dialog.nav-drawer') ? 'drawer' : `page: <${el.tagName.toLowerCase()}> ${el.textContent?.trim().slice(0, 30)}`;
  });

describe('the menu on a phone', () => {
  test.each(['/', '/services/helpscout/', '/reference/', '/builder/'])('%s: the menu opens to every service, keeps the focus, and Escape gives it back', async (path) => {
    const opened = await site.open(path, { viewport: phone });
    try {
      const { page } = opened;
      // The sidebar is not on screen: the menu button is the way to it.
      expect(await page.locator('.page > .sidebar').isVisible()).toBe(false);
      const button = menuButton(page);
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      await button.click();
      await expect.poll(() => drawer(page).isVisible()).toBe(true);
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      const nav = drawer(page).getByRole('navigation', { name: 'Site' });
      for (const service of await services(page)) expect(await nav.getByRole('link', { name: service.name, exact: true }).isVisible(), service.name).toBe(true);
      expect(await nav.getByRole('link', { name: 'Connection properties' }).isVisible()).toBe(true);
      // A modal dialog: the focus starts in it, and Tab cycles through it (and the browser's own controls, as a
      // modal dialog lets it), never onto the page behind.
      expect(await focusInDrawer(page)).toBe(true);
      const places = new Set<string>();
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        places.add(await focusPlace(page));
      }
      expect([...places].filter((p) => p !== 'browser')).toEqual(['drawer']);
      // Escape closes it and collapses the button at once: already by the dialog's close event, which comes a task
      // later and is what gives the focus back and puts the sidebar back where it was.
      await page.locator('dialog.nav-drawer').evaluate((d) => {
        const at = d as HTMLDialogElement & { expandedAtClose?: string | null };
        // A capture listener on the dialog runs before the page's own close listener.
        d.addEventListener('close', () => (at.expandedAtClose = document.querySelector('[data-menu-open]')?.getAttribute('aria-expanded')), { capture: true, once: true });
      });
      await page.keyboard.press('Escape');
      await expect.poll(() => drawer(page).isVisible()).toBe(false);
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => button.evaluate((b) => b === document.activeElement)).toBe(true);
      await expect.poll(() => page.locator('.page > .sidebar').count()).toBe(1);
      expect(await page.locator('dialog.nav-drawer').evaluate((d) => (d as HTMLDialogElement & { expandedAtClose?: string | null }).expandedAtClose)).toBe('false');
      expect(opened.faults()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  test('a service chosen in the menu opens its page', async () => {
    const opened = await site.open('/', { viewport: phone });
    try {
      const { page } = opened;
      for (const service of await services(page)) {
        await menuButton(page).click();
        await drawer(page).getByRole('link', { name: service.name, exact: true }).click();
        await page.waitForURL((url) => url.pathname.endsWith(`/services/${service.id}/`));
        expect(await page.locator('h1').textContent()).toContain(service.name);
      }
      expect(opened.faults()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  test.each(['light', 'dark'] as const)('the open menu has no axe violations (%s theme)', async (colorScheme) => {
    const opened = await site.open('/services/intercom/', { viewport: phone, colorScheme });
    try {
      const { page } = opened;
      await menuButton(page).click();
      await expect.poll(() => drawer(page).isVisible()).toBe(true);
      // It slides in (0.18 s): audit it in place, as a reader sees it, not part-way off the screen.
      await page.locator('dialog.nav-drawer').evaluate((d) => Promise.all(d.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => undefined))));
      const violations = await axeViolations(page);
      expect(violations, violations.join('\n')).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  test('where the sidebar fits, there is no menu button on a page that has one', async () => {
    const opened = await site.open('/services/intercom/', { viewport: desktop });
    try {
      expect(await menuButton(opened.page).isVisible()).toBe(false);
      expect(await opened.page.locator('.page > .sidebar').isVisible()).toBe(true);
    } finally {
      await opened.close();
    }
  });
});

/** Layout shifts so far, from the Layout Instability API (none of them after input, as no input happened). */
const shifts = (page: Page) =>
  page.evaluate(() => {
    const observer = new PerformanceObserver(() => {});
    observer.observe({ type: 'layout-shift', buffered: true });
    const entries = observer.takeRecords() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[];
    observer.disconnect();
    return entries.filter((e) => !e.hadRecentInput).reduce((sum, e) => sum + e.value, 0);
  });

/** Scrolls a heading to where following its link puts it (under the sticky bars), and lets the observer run. */
async function scrollToHeading(page: Page, id: string) {
  await page.evaluate((target) => document.getElementById(target)!.scrollIntoView(), id);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

const current = (page: Page, selector: string) => page.locator(`${selector} a[aria-current="true"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));

describe('"On this page"', () => {
  test('beside the content on a wide screen, the section being read is marked as the reader scrolls, and nothing moves', async () => {
    const opened = await site.open('/services/helpscout/', { viewport: desktop });
    try {
      const { page } = opened;
      await expect.poll(() => current(page, '.toc')).toEqual(['#overview']);
      for (const id of ['authentication', 'auth-oauth', 'builder', 'connection-properties']) {
        await scrollToHeading(page, id);
        await expect.poll(() => current(page, '.toc'), { message: id }).toEqual([`#${id}`]);
      }
      // A jump far down the page (End, a link) marks the section it lands in too.
      await page.evaluate(() => scrollTo(0, 0));
      await expect.poll(() => current(page, '.toc')).toEqual(['#overview']);
      await page.evaluate(() => {
        const properties = document.getElementById('prop-OAuthClientSecret')!;
        scrollTo(0, properties.getBoundingClientRect().top + scrollY - 200);
      });
      await expect.poll(() => current(page, '.toc')).toEqual(['#connection-properties']);
      // Scrolled to the end, the last section is the one being read.
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      await expect.poll(() => current(page, '.toc')).toEqual(['#corrections']);
      expect(await shifts(page)).toBeLessThan(0.01);
      expect(opened.faults()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  test.each([
    ['a phone', phone],
    ['a tablet', { width: 768, height: 1024 }],
  ])('on %s a bar at the top names the section being read and opens to the list', async (_, viewport) => {
    const opened = await site.open('/services/aircall/', { viewport });
    try {
      const { page } = opened;
      // The builder starts when scrolled into view and then grows the page: let it, before heights are compared.
      await builderReady(page);
      const bar = page.locator('details.toc-inline');
      expect(await page.locator('nav.toc').isVisible()).toBe(false);
      expect(await bar.isVisible()).toBe(true);
      await scrollToHeading(page, 'connection-properties');
      await expect.poll(() => bar.locator('[data-toc-current]').textContent()).toBe('Connection properties');
      // It stays under the header while the page scrolls.
      const header = await page.locator('.site-header').boundingBox();
      expect((await bar.boundingBox())!.y).toBeCloseTo(header!.y + header!.height, 0);
      const heightBefore = await page.evaluate(() => document.documentElement.scrollHeight);
      await bar.locator('summary').click();
      const link = bar.getByRole('link', { name: 'Authentication', exact: true });
      expect(await link.isVisible()).toBe(true);
      // The open list lies over the page: the page's height does not change.
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(heightBefore);
      expect(await axeViolations(page)).toEqual([]);
      await link.click();
      await expect.poll(() => bar.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#authentication');
      // The heading landed below the header and the bar, not under them.
      const top = await page.locator('#authentication').evaluate((h) => h.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual((await bar.boundingBox())!.y + (await bar.boundingBox())!.height - 1);
      expect(await shifts(page)).toBeLessThan(0.01);
      expect(opened.faults()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

describe('folded general properties', () => {
  test.each([desktop, phone])('a deep link to one opens its fold and shows it (%o)', async (viewport) => {
    const opened = await site.open('/services/helpscout/#prop-Timeout', { viewport });
    try {
      const { page } = opened;
      const target = page.locator('#prop-Timeout');
      await expect.poll(() => target.isVisible()).toBe(true);
      expect(await target.evaluate((el) => el.closest('details')?.open)).toBe(true);
      const box = (await target.boundingBox())!;
      expect(box.y).toBeGreaterThan(0);
      expect(box.y).toBeLessThan(viewport.height);
      // Other groups stay folded.
      expect(await page.locator('details.fold[open]').count()).toBe(1);
      // Following a link to another folded one from the same page opens that one too.
      await page.evaluate(() => {
        location.hash = '#prop-ProxyServer';
      });
      await expect.poll(() => page.locator('#prop-ProxyServer').isVisible()).toBe(true);
      expect(opened.faults()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  test('the properties a service’s methods use are shown in full, never folded', async () => {
    const opened = await site.open('/services/helpscout/', { viewport: desktop });
    try {
      const { page } = opened;
      for (const name of ['Profile', 'APIKey', 'AuthScheme', 'OAuthClientSecret', 'OAuthSettingsLocation']) {
        const entry = page.locator(`#prop-${name}`);
        expect(await entry.isVisible(), name).toBe(true);
        expect(await entry.evaluate((el) => el.closest('details') === null), name).toBe(true);
      }
      expect(await page.locator('details.fold #prop-Timeout').count()).toBe(1);
    } finally {
      await opened.close();
    }
  });
});
