/**
 * Every output form pasted into Validate in real Chromium, on /builder/ and on a service page: it is read
 * (no error findings), and "Load into the builder" fills the fields. A misspelt key inside a C# snippet is
 * marked where it was pasted and its fix edits the snippet. The strings come from the engine's own writers,
 * so this follows whatever format they write.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { canonicalPairs, serialize, toCSharp, toJava, toJdbcUrl, toOdbc, toPython } from '../../src/lib/connstr/index.ts';
import { builderReady } from './support/builder.ts';
import { useSite } from './support/site.ts';

const site = useSite();

// An Intercom token string whose value needs quoting at both levels (a ";" inside ProfileSettings).
const plain = serialize([
  ['Profile', 'C:\\profiles\\Intercom.apip'],
  ['ProfileSettings', [['APIKey', 'tok;en"1']]],
]);
const forms: [string, string][] = [
  ['plain', plain],
  ['JDBC URL', toJdbcUrl(plain)],
  ['ODBC', toOdbc(canonicalPairs(plain))],
  ['ODBC (DSN)', `DSN=CData ODBC API Source;${plain}`],
  ['C#', toCSharp(plain)],
  ['Java', toJava(plain)],
  ['Python', toPython(plain)],
];

async function pasteInValidate(page: Page, text: string): Promise<void> {
  await page.getByRole('tab', { name: 'Validate' }).click();
  await page.getByRole('textbox', { name: 'Paste a connection string' }).fill(text);
}

describe.each(['/builder/', '/services/intercom/'])('%s', (path) => {
  test.each(forms)('%s: read with no error, and loads into the builder', async (_form, text) => {
    const opened = await site.open(path);
    try {
      const { page } = opened;
      await builderReady(page);
      await pasteInValidate(page, text);
      // On /builder/ the Profile picks the service; the summary names it at once ("loading its settings…") and
      // again with the findings once the service's metadata has arrived, which is the summary checked here.
      await expect
        .poll(async () => ((await page.locator('#builder-validate-summary').textContent()) ?? '').replace(/.*loading its settings.*/, ''))
        .toContain('Intercom');
      const summary = (await page.locator('#builder-validate-summary').textContent()) ?? '';
      expect(summary).toMatch(/No problems|: 0 errors/);
      expect(await page.locator('.builder-problem.builder-error').count()).toBe(0);
      await page.getByRole('button', { name: 'Load into the builder' }).click();
      expect(await page.getByRole('tab', { name: 'Build' }).getAttribute('aria-selected')).toBe('true');
      await page.getByRole('radio', { name: /Access token/ }).waitFor();
      expect(await page.getByRole('radio', { name: /Access token/ }).isChecked()).toBe(true);
      expect(await page.getByLabel(/^APIKey/).inputValue()).toBe('tok;en"1');
      await page.getByRole('button', { name: 'Show secrets' }).click();
      expect(await page.locator('#builder-output-panel-plain pre').textContent()).toBe(plain);
      expect(opened.faults()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

test('a misspelt key inside a pasted C# snippet is marked there, and its fix edits the snippet', async () => {
  const opened = await site.open('/services/aircall/');
  try {
    const { page } = opened;
    await builderReady(page);
    const snippet = toCSharp('Profile=C:\\profiles\\AirCall.apip;user=u;Password=p');
    await pasteInValidate(page, snippet);
    const item = page.getByRole('listitem').filter({ hasText: 'documented spelling is User' });
    expect(await item.locator('mark').textContent()).toBe('user');
    await item.getByRole('button', { name: /Show in the text/ }).click();
    const area = page.getByRole('textbox', { name: 'Paste a connection string' });
    expect(await area.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('user');
    await item.getByRole('button', { name: /Fix: Rename to User/ }).click();
    expect(await area.inputValue()).toBe(snippet.replace('user=', 'User='));
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'No problems' }).count()).toBe(1);
    expect(opened.faults()).toEqual([]);
  } finally {
    await opened.close();
  }
});
