/**
 * Validate-mode UI that the island does not show yet (issue 13; wired at merge, with the island split): a
 * label saying which form was read (the model's `validateView().formLabel`) and a "Fix all safe problems"
 * button (the model's `fix-all` action, shown when `validateView().safeFixes > 0`). These tests fail until
 * that UI exists.
 */
import { describe, expect, test } from 'vitest';
import { formById, toCSharp, toJava, toJdbcUrl, toPython } from '../../src/lib/connstr/index.ts';
import { builderReady } from './support/builder.ts';
import { useSite } from './support/site.ts';

const site = useSite();
const plain = "Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=k'";

describe('which form was read', () => {
  // The label shown is the form's one label in the engine's table.
  test.each([
    ['plain', plain],
    ['jdbc', toJdbcUrl(plain)],
    ['odbc', `DSN=CData ODBC API Source;${plain}`],
    ['csharp', toCSharp(plain)],
    ['java', toJava(plain)],
    ['python', toPython(plain)],
  ] as const)('%s', async (form, text) => {
    const label = formById(form).label;
    const opened = await site.open('/services/intercom/');
    try {
      const { page } = opened;
      await builderReady(page);
      await page.getByRole('tab', { name: 'Validate' }).click();
      await page.getByRole('textbox', { name: 'Paste a connection string' }).fill(text);
      await expect.poll(() => page.locator('.builder-validate').textContent()).toMatch(new RegExp(`Read as:? ${label.replace(/[()#]/g, '\\$&')}`));
    } finally {
      await opened.close();
    }
  });
});

test('"Fix all safe problems" applies every safe fix in one click', async () => {
  const opened = await site.open('/services/intercom/');
  try {
    const { page } = opened;
    await builderReady(page);
    await page.getByRole('tab', { name: 'Validate' }).click();
    const area = page.getByRole('textbox', { name: 'Paste a connection string' });
    await area.fill("  profile=C:\\profiles\\Intercom.apip;;ProfileSettings=\u2019apikey=k\u2019;\r\n");
    await page.getByRole('button', { name: /Fix all safe problems/ }).click();
    // One trailing ";" is harmless (the guide says so): only the doubled one goes.
    expect(await area.inputValue()).toBe(`${plain};`);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'No problems' }).count()).toBe(1);
  } finally {
    await opened.close();
  }
});
