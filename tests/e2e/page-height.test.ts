/**
 * A service page a reader can take in: at most `servicePageHeight` tall at 1280 px and on a phone, at load and once
 * the builder has started (it then shows its form in place of the room it held). The figures print for the bench.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { servicePageHeight } from '../support/budgets.ts';
import { useSite } from './support/site.ts';
import seedFacts from '../fixtures/seeds/facts.json' with { type: 'json' };

const site = useSite();
const rows: string[] = [];
afterAll(() => console.log(['service page           viewport   at load   builder started', ...rows].join('\n')));

const viewports = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
const services = Object.keys(seedFacts).sort();

describe.each(Object.entries(viewports))('%s', (name, viewport) => {
  test.each(services)('/services/%s/ stays within the height budget', async (id) => {
    const opened = await site.open(`/services/${id}/`, { viewport });
    try {
      const { page } = opened;
      const height = () => page.evaluate(() => document.documentElement.scrollHeight);
      const atLoad = await height();
      await page.locator('.builder').scrollIntoViewIfNeeded();
      await page.getByRole('button', { name: /^Reset/ }).waitFor({ state: 'attached' });
      const started = await height();
      rows.push(`${`/services/${id}/`.padEnd(22)} ${name.padEnd(9)} ${String(atLoad).padStart(8)} ${String(started).padStart(17)}`);
      const budget = servicePageHeight[name as keyof typeof servicePageHeight];
      expect(atLoad).toBeLessThanOrEqual(budget);
      expect(started).toBeLessThanOrEqual(budget);
      expect(opened.faults()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
