/**
 * The reference split into a page per property (issue 18): an old deep link into the single page
 * (`/reference/#prop-APIKey`) still lands on the property, now on its own page; the index links every listed
 * property to its page; a service page's property name opens the property's page.
 */
import { expect, test } from 'vitest';
import { useSite } from './support/site.ts';

const site = useSite();
const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.hash;
};

test.each([
  ['/reference/#prop-APIKey', '/reference/apikey/#prop-APIKey'],
  ['/reference/#prop-OAuthClientSecret', '/reference/oauthclientsecret/#prop-OAuthClientSecret'],
  ['/reference/#prop-TenantId', '/reference/tenantid/#prop-TenantId'],
])('the old anchor %s lands on %s, its heading the target', async (from, to) => {
  const opened = await site.open(from);
  try {
    const { page } = opened;
    await page.waitForURL((url) => pathOf(url.href) === to);
    const name = to.split('#prop-')[1]!;
    await expect.poll(() => page.evaluate(() => document.querySelector(':target')?.textContent?.trim())).toBe(name);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(name);
    expect(opened.faults()).toEqual([]);
  } finally {
    await opened.close();
  }
});

test('the index links each property to its page, and a service page’s property name opens it', async () => {
  const opened = await site.open('/reference/');
  try {
    const { page } = opened;
    await page.locator('#prop-APIKey').getByRole('link', { name: 'APIKey' }).click();
    await page.waitForURL((url) => url.pathname === '/reference/apikey/');
    await expect.poll(() => page.getByRole('link', { name: 'Intercom' }).count()).toBeGreaterThan(0);
    await page.goto(site.url('/services/intercom/'));
    await page.locator('#prop-APIKey').getByRole('link', { name: /APIKey/ }).first().click();
    await page.waitForURL((url) => url.pathname === '/reference/apikey/');
    expect(opened.faults()).toEqual([]);
  } finally {
    await opened.close();
  }
});
