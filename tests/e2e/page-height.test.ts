/**
 * A service page a reader can take in: never wider than the window on a phone or at 1280 px (a long URL in a step
 * wraps), every page the site builds; and, for the seed services the height budget was set on, at most
 * `servicePageHeight` tall. Both at load and once the builder has started (it then shows its form in place of the room
 * it held). Every page's heights print, the family's pages included, for the bench and for the budget's next review.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { servicePageHeight } from '../support/budgets.ts';
import { distDir } from '../support/dist.ts';
import { useSite } from './support/site.ts';
import seedFacts from '../fixtures/seeds/facts.json' with { type: 'json' };

const site = useSite();
const rows: string[] = [];
afterAll(() => console.log(['service page           viewport   at load   builder started', ...rows].join('\n')));

const viewports = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
const services = readdirSync(join(distDir, 'services'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/**
 * How far the page reaches past the window's right edge (0: it does not scroll sideways) and, to say why, the elements
 * that stick out furthest (a box that scrolls its own content sideways, such as the output tabs, holds its overflow).
 */
const overflow = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const by = Math.max(0, document.documentElement.scrollWidth - width);
    const clipped = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) if (getComputedStyle(up).overflowX !== 'visible') return true;
      return false;
    };
    const culprits = by === 0 ? [] : [...document.querySelectorAll('main *')]
      .map((el) => ({ el, right: el.getBoundingClientRect().right }))
      .filter(({ el, right }) => right > width + 0.5 && el.getClientRects().length > 0 && !clipped(el))
      .sort((a, b) => b.right - a.right)
      .slice(0, 3)
      .map(({ el, right }) => `<${el.tagName.toLowerCase()} class="${el.className}"> ${Math.round(right - width)} px: ${(el.textContent ?? '').trim().slice(0, 60)}`);
    return { by, culprits };
  });

describe.each(Object.entries(viewports))('%s', (name, viewport) => {
  test('every service page is checked', () => {
    expect(services.length).toBeGreaterThan(5);
  });

  test.each(services)('/services/%s/ stays within the window’s width (and a seed service within the height budget)', async (id) => {
    const opened = await site.open(`/services/${id}/`, { viewport });
    try {
      const { page } = opened;
      const height = () => page.evaluate(() => document.documentElement.scrollHeight);
      const atLoad = await height();
      expect(await overflow(page), 'at load').toEqual({ by: 0, culprits: [] });
      await page.locator('.builder').scrollIntoViewIfNeeded();
      await page.getByRole('button', { name: /^Reset/ }).waitFor({ state: 'attached' });
      const started = await height();
      expect(await overflow(page), 'builder started').toEqual({ by: 0, culprits: [] });
      rows.push(`${`/services/${id}/`.padEnd(22)} ${name.padEnd(9)} ${String(atLoad).padStart(8)} ${String(started).padStart(17)}`);
      const budget = servicePageHeight[name as keyof typeof servicePageHeight];
      if (id in seedFacts) {
        expect(atLoad).toBeLessThanOrEqual(budget);
        expect(started).toBeLessThanOrEqual(budget);
      }
      expect(opened.faults()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
