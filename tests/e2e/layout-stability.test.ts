/**
 * A deep link lands on its target and stays there: the builder island just above the properties table
 * grows from a one-line notice to a full form when it hydrates, and must not push the linked row away.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { openPage, startSite, type Site } from './support/site.ts';
import seedFacts from '../fixtures/seeds/facts.json' with { type: 'json' };

const serviceIds = Object.keys(seedFacts).sort();

let browser: Browser;
let site: Site;
beforeAll(async () => {
  [browser, site] = await Promise.all([launchBrowser(), startSite()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

// The targets right below the builder are the ones its hydration would move.
const cases = serviceIds.flatMap((id) => [
  [id, 'connection-properties', { width: 1280, height: 900 }],
  [id, 'prop-Profile', { width: 360, height: 740 }],
] as const);

describe('a deep link below the builder stays in view after the island hydrates', () => {
  test.each(cases)('/services/%s/#%s', async (id, anchor, viewport) => {
    const opened = await openPage(browser, site, `/services/${id}/#${anchor}`, { viewport });
    try {
      const { page } = opened;
      const buildTab = page.getByRole('tab', { name: 'Build' });
      const topOf = () => page.evaluate((target) => document.getElementById(target)!.getBoundingClientRect().top, anchor);
      await page.waitForTimeout(300);
      // client:visible hydrates once the island's notice enters the viewport; where the jump left it just
      // above, scroll up until its last line shows, as a reader scrolling back would.
      if ((await buildTab.count()) === 0) {
        await page.evaluate(() => window.scrollBy(0, document.querySelector('.builder')!.getBoundingClientRect().bottom - 100));
      }
      const before = await topOf();
      expect(before).toBeLessThan(viewport.height - 40); // the target is still on screen
      await buildTab.waitFor({ state: 'attached' }); // hydrated: the form replaced the notice
      await page.waitForTimeout(300); // a frame or two for layout and scroll anchoring to settle
      const after = await topOf();
      expect(after).toBeGreaterThanOrEqual(0);
      expect(Math.abs(after - before)).toBeLessThan(40);
      expect(await page.evaluate(() => location.hash)).toBe(`#${anchor}`);
      expect(opened.faults()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
