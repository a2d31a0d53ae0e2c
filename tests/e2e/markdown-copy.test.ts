/**
 * "Copy page as Markdown" in real Chromium under the site's CSP: reached with the keyboard, it copies the
 * page’s Markdown twin exactly (as the site serves it) and announces it.
 */
import { expect, test } from 'vitest';
import { useSite } from './support/site.ts';

const site = useSite();

test.each([
  ['/services/intercom/', '/services/intercom.md'],
  ['/reference/', '/reference.md'],
  ['/guides/connection-strings/', '/guides/connection-strings.md'],
])('%s copies %s with the keyboard, with no CSP violation', async (path, markdown) => {
  const opened = await site.open(path, { permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    const { page } = opened;
    const button = page.getByRole('button', { name: 'Copy page as Markdown' });
    await expect.poll(() => button.isVisible()).toBe(true);
    // From the main column (where the skip link lands), the page actions come first.
    await page.locator('#main').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('View as Markdown');
    await page.keyboard.press('Tab');
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Copied the page as Markdown' }).count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const served = await page.evaluate(async (url) => (await fetch(url)).text(), site.url(markdown));
    expect(copied).toBe(served);
    expect(copied.startsWith('# ')).toBe(true);
    expect(opened.faults()).toEqual([]);
  } finally {
    await opened.close();
  }
});
