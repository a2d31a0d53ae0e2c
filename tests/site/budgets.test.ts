/**
 * Size budgets on the built site (gzip). Starlight's CI holds all JS under 27 kB and CSS under 16.75 kB;
 * ours are tighter where the page has no builder. `npm run bench` prints the measured figures.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { assertBuilt, htmlFiles } from '../support/dist';
import { pageCost } from '../support/assets';

beforeAll(assertBuilt);

const KB = 1024;
export const budgets = {
  /** Pages without an island: only the theme toggle, copy buttons and the directory filter. */
  plainPageJs: 3 * KB,
  /** A service page or the builder page, with the builder island and Preact. */
  builderPageJs: 27 * KB,
  css: 16.75 * KB,
  serviceHtml: 40 * KB,
  referenceHtml: 60 * KB,
};

describe.each(htmlFiles())('%s', (page) => {
  test('stays within its size budget', () => {
    const cost = pageCost(page);
    expect(cost.cssGzip, 'CSS gzip').toBeLessThanOrEqual(budgets.css);
    expect(cost.jsGzip, `JS gzip (${cost.js.join(', ')})`).toBeLessThanOrEqual(cost.islands > 0 ? budgets.builderPageJs : budgets.plainPageJs);
    const htmlBudget = page.startsWith('reference/') ? budgets.referenceHtml : budgets.serviceHtml;
    expect(cost.htmlGzip, 'HTML gzip').toBeLessThanOrEqual(htmlBudget);
  });
});

test('a page without the builder ships no JS beyond the site script', () => {
  const cost = pageCost('reference/index.html');
  expect(cost.islands).toBe(0);
  expect(cost.js).toHaveLength(1);
  expect(cost.jsGzip).toBeGreaterThan(200); // the site script is really counted
});
