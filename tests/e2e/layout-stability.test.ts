/**
 * The builder island grows from its server render (mode tabs over a reserved panel) to a full form when it
 * starts (and, on /builder/, once the service's data arrives). The page around it must not jump: a deep link below it stays on its target, and the
 * cumulative layout shift of a first visit stays far below the 0.1 that counts as poor.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useSite } from './support/site.ts';
import seedFacts from '../fixtures/seeds/facts.json' with { type: 'json' };

const serviceIds = Object.keys(seedFacts).sort();

const site = useSite();

/** Two animation frames: layout, scroll anchoring and layout-shift entries are done for what has rendered. */
const settled = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

// The targets right below the builder are the ones its hydration would move.
const cases = serviceIds.flatMap((id) => [
  [id, 'connection-properties', { width: 1280, height: 900 }],
  [id, 'prop-Profile', { width: 360, height: 740 }],
] as const);

describe('a deep link below the builder stays in view after the island hydrates', () => {
  test.each(cases)('/services/%s/#%s', async (id, anchor, viewport) => {
    const opened = await site.open(`/services/${id}/#${anchor}`, { viewport });
    try {
      const { page } = opened;
      // client:engage: an island off screen stays as served until used. Start it from afar (a focus landing in
      // it, as from an assistive technology's list of controls): its form must not move the target.
      expect(await page.locator('astro-island[ssr]').count(), 'the builder above the target is not started by the load').toBe(1);
      await page.locator('astro-island').evaluate((island) => island.dispatchEvent(new FocusEvent('focusin', { bubbles: true })));
      await page.locator('.builder-methods').waitFor({ state: 'attached' });
      await settled(page);
      const top = await page.evaluate((target) => document.getElementById(target)!.getBoundingClientRect().top, anchor);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(viewport.height / 3);
      expect(await page.evaluate(() => location.hash)).toBe(`#${anchor}`);
      expect(opened.faults()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

describe('cumulative layout shift while the builder loads', () => {
  const pages = ['/builder/', '/services/intercom/', '/services/leaddesk/'];
  const viewports = { phone: { width: 412, height: 823 }, desktop: { width: 1280, height: 900 } };
  test.each(pages.flatMap((path) => Object.entries(viewports).map(([name, viewport]) => [path, name, viewport] as const)))(
    '%s on a %s',
    async (path, _name, viewport) => {
      const opened = await site.open(path, { viewport });
      try {
        const { page } = opened;
        // A reader scrolls to the builder, which starts it (scrolling is not input: every shift counts).
        await page.locator('.builder').scrollIntoViewIfNeeded();
        await page.getByRole('tab', { name: 'Build' }).waitFor({ state: 'attached' });
        await page.getByRole('button', { name: /^Reset/ }).waitFor({ state: 'attached' }); // the form, not just the tabs
        await settled(page);
        // Every shift so far, as the Layout Instability API reports it; no input happened. observe() with
        // `buffered` puts the recorded entries in the observer's buffer at once (Performance Timeline spec), so
        // takeRecords() reads them synchronously: no waiting for a callback that never comes when nothing shifted.
        const shifts = await page.evaluate(() => {
          const observer = new PerformanceObserver(() => {});
          observer.observe({ type: 'layout-shift', buffered: true });
          const entries = observer.takeRecords();
          observer.disconnect();
          return entries.map((entry) => {
            const shift = entry as PerformanceEntry & { value: number; sources?: { node?: Node | null }[] };
            return { value: shift.value, sources: (shift.sources ?? []).map((s) => (s.node as Element | null)?.className ?? '?') };
          });
        });
        const total = shifts.reduce((sum, s) => sum + s.value, 0);
        expect(total, JSON.stringify(shifts)).toBeLessThan(0.02);
        expect(opened.faults()).toEqual([]);
      } finally {
        await opened.close();
      }
    },
  );
});

describe('the columns are set before the side "On this page" arrives', () => {
  // A slow device or connection paints the page as far as the parser has got. The side list comes after the content
  // in the document: if the grid made room for it only once it is parsed, the content column would narrow (and the
  // text reflow) in front of the reader. Cut the page just before it, as such a first paint sees it.
  test.each(['/services/helpscout/', '/reference/'])('%s at 1280 px: the content column has its final width', async (path) => {
    const opened = await site.open(path, { viewport: { width: 1280, height: 900 } });
    try {
      const { page } = opened;
      const mainWidth = () => page.locator('main').evaluate((main) => main.getBoundingClientRect().width);
      const full = await mainWidth();
      await page.route(site.url(path), async (route) => {
        const response = await route.fetch();
        const html = await response.text();
        const cut = html.indexOf('<nav class="toc"');
        if (cut < 0) throw new Error(`${path} has no side "On this page" to cut before`);
        await route.fulfill({ response, body: html.slice(0, cut) });
      });
      await page.reload();
      expect(await page.locator('nav.toc').count(), 'the page is cut before the side list').toBe(0);
      expect(await mainWidth()).toBe(full);
    } finally {
      await opened.close();
    }
  });
});
