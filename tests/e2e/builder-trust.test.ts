/**
 * The builder never guesses, leaks or lets a link set a trap (issue 20 points 1–3, issue 19's "no secret in any
 * output"), in real Chromium on the built site: the strings of the issues, pasted and loaded as a user would.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { builderReady } from './support/builder.ts';
import { type OpenedPage, useSite } from './support/site.ts';

const site = useSite();

async function withBuilder(path: string, run: (page: Page) => Promise<void>): Promise<void> {
  const opened: OpenedPage = await site.open(path);
  try {
    await builderReady(opened.page);
    await run(opened.page);
    expect(opened.faults()).toEqual([]);
  } finally {
    await opened.close();
  }
}

const area = (page: Page) => page.getByRole('textbox', { name: 'Paste a connection string' });
const summary = (page: Page) => page.locator('#builder-validate-summary').textContent();
const picker = (page: Page) => page.getByRole('combobox', { name: 'Service' });
/** The profile files of the other services: none may appear after fixing a Help Scout string. */
const OTHER_PROFILES = ['AirCall.apip', 'Intercom.apip', 'LeadDesk.apip', 'Infusionsoft.apip'];

describe('the Validate tab never guesses a service', () => {
  test('the curly-quoted Help Scout paste is read as Help Scout, and Fix all never names another service’s profile', () =>
    withBuilder('/builder/', async (page) => {
      await page.getByRole('tab', { name: 'Validate' }).click();
      await area(page).fill('Profile=\u201cC:\\profiles\\HelpScout.apip\u201d;ProfileSettings=\u2018APIKey=abc\u2019');
      await expect.poll(() => picker(page).inputValue()).toBe('helpscout');
      await expect.poll(() => summary(page)).toMatch(/^2 findings for Help Scout: 2 errors/);
      // One finding per curly quote, and no JSON-escaped value anywhere.
      expect(await page.locator('.builder-problems > li').count()).toBe(2);
      expect(await page.locator('.builder-problems').textContent()).not.toContain('\\\\');
      await page.getByRole('button', { name: /Fix all safe problems/ }).click();
      const fixed = await area(page).inputValue();
      expect(fixed).toBe('Profile="C:\\profiles\\HelpScout.apip";ProfileSettings=\'APIKey=abc\'');
      for (const file of OTHER_PROFILES) expect(fixed).not.toContain(file);
      await expect.poll(() => summary(page)).toBe('No problems: this string is valid for Help Scout. Service recognized from the Profile file name.');
    }));

  test('a string whose Profile names no service asks which service it is for, and checks it once picked', () =>
    withBuilder('/builder/', async (page) => {
      await page.getByRole('tab', { name: 'Validate' }).click();
      await area(page).fill("Profile=C:\\profiles\\Shopify.apip;ProfileSettings='APIKey=abc'");
      await expect.poll(() => summary(page)).toBe(
        'The Profile names "Shopify.apip", which is not the profile file of any service here. Pick the service it is for in the Service list.',
      );
      expect(await picker(page).inputValue()).toBe('');
      expect(await page.locator('.builder-problems').count()).toBe(0);
      expect(await page.getByRole('button', { name: /Fix all|Load into the builder/ }).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      // Picking the first service of the list counts too.
      await picker(page).selectOption('aircall');
      await expect.poll(() => summary(page)).toMatch(/Checked against Aircall because you picked it\.$/);
      const wrong = page.getByRole('listitem').filter({ hasText: 'Profile points to "Shopify.apip"' });
      expect(await wrong.count()).toBe(1);
      // Re-pointing the Profile at AirCall would change which service the string is for: no fix offered.
      expect(await wrong.getByRole('button', { name: /^Fix:/ }).count()).toBe(0);
    }));
});

test('a service picked after the Profile chose another stays picked, and the string is checked against it', () =>
  withBuilder('/builder/', async (page) => {
    await page.getByRole('tab', { name: 'Validate' }).click();
    await area(page).fill("Profile=C:\\profiles\\HelpScout.apip;ProfileSettings='APIKey=abc'");
    await expect.poll(() => picker(page).inputValue()).toBe('helpscout');
    await expect.poll(() => summary(page)).toMatch(/Service recognized from the Profile file name\.$/);
    await picker(page).selectOption('aircall');
    await expect.poll(() => summary(page)).toMatch(/Its Profile names the Help Scout profile; checked against Aircall because you picked it\.$/);
    // The checker's answer for Aircall does not switch the picker back to the Profile's service.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await picker(page).inputValue()).toBe('aircall');
    expect(await summary(page)).toMatch(/checked against Aircall because you picked it\.$/);
  }));

describe('the share link carries no credentials', () => {
  test('loading the issue’s Intercom string: the link holds no token, and the builder names what it left out', () =>
    withBuilder('/builder/', async (page) => {
      await page.getByRole('tab', { name: 'Validate' }).click();
      await area(page).fill("Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=x';CustomHeaders=Authorization: Bearer tok_live_123;Other='ApiToken=tok_456'");
      await expect.poll(() => picker(page).inputValue()).toBe('intercom');
      // The Validate tab's findings and excerpts show no secret either.
      await expect.poll(() => summary(page)).toMatch(/Intercom/);
      const findings = (await page.locator('.builder-validate').textContent()) ?? '';
      for (const secret of ['tok_live_123', 'tok_456']) expect(findings).not.toContain(secret);
      await page.getByRole('button', { name: 'Load into the builder' }).click();
      const link = await page.getByRole('textbox', { name: /Share link/ }).inputValue();
      for (const leak of ['tok_live_123', 'tok_456', 'CustomHeaders', 'Other', 'APIKey']) expect(link).not.toContain(leak);
      expect(await page.locator('.builder-left-out').textContent()).toBe(
        '2 settings of the loaded string are not in this form, so the string below leaves them out: CustomHeaders, Other.',
      );
      // Once the string the form built is checked (a worker answers; until then the status says it is checking), the
      // status does not call it ready.
      const status = page.locator('.builder-build .builder-summary');
      await expect.poll(() => status.textContent()).not.toBe('Checking the string…');
      expect(await status.textContent()).not.toContain('Ready to use');
      expect(await page.locator('.builder-build').textContent()).not.toMatch(/tok_live_123|tok_456/);
    }));
});

describe('a share link cannot pre-fill a trap without a word', () => {
  test('a network Profile and token file are flagged beside their fields, the optional ones shown', () => {
    const hash = new URLSearchParams({
      service: 'intercom',
      method: 'oauth',
      'p.Profile': '\\\\attacker.example\\share\\Intercom.apip',
      'p.OAuthSettingsLocation': '\\\\attacker.example\\share\\tokens.txt',
    });
    return withBuilder(`/builder/#${hash}`, async (page) => {
      await expect.poll(() => page.getByRole('textbox', { name: /^OAuthSettingsLocation/ }).inputValue()).toBe('\\\\attacker.example\\share\\tokens.txt');
      const profileWarning = page.locator('.builder-field').filter({ has: page.getByRole('textbox', { name: /^Profile/ }) }).locator('.builder-field-problems');
      expect(await profileWarning.textContent()).toMatch(/Profile points to a network share on "attacker\.example", another machine/);
      // Under the optional settings, which open themselves (an effect, a frame after the warnings show) and count it.
      await expect.poll(() => page.locator('details.builder-optional').evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
      expect(await page.locator('details.builder-optional summary').textContent()).toContain('1 to check');
      const tokensWarning = page.locator('.builder-field').filter({ has: page.getByRole('textbox', { name: /^OAuthSettingsLocation/ }) }).locator('.builder-field-problems');
      expect(await tokensWarning.isVisible()).toBe(true);
      expect(await tokensWarning.textContent()).toContain('the driver would store your OAuth tokens there');
      // The same string in the Validate tab gets the same warnings.
      await page.getByRole('tab', { name: 'Validate' }).click();
      await area(page).fill(await page.locator('#builder-output-panel-plain pre').textContent() ?? '');
      await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'another machine' }).count()).toBe(2);
    });
  });
});

test('a duplicated secret on a service page: findings, fixes and excerpts name Password, never its value', () =>
  withBuilder('/services/aircall/', async (page) => {
    await page.getByRole('tab', { name: 'Validate' }).click();
    await area(page).fill('Profile=C:\\profiles\\AirCall.apip;User=u;Password=S3cretPass;Password=Other1;Timeout=x');
    const fix = page.getByRole('button', { name: /^Fix: Remove the earlier Password/ });
    expect(await fix.textContent()).toBe('Fix: Remove the earlier Password (the later value is the one used).');
    const list = (await page.locator('.builder-problems').textContent()) ?? '';
    expect(list).not.toMatch(/S3cretPass|Other1/);
    expect(list).toContain('********');
  }));
