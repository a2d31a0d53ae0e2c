/**
 * The builder island in real Chromium on the built site, driven by roles and labels as a user would.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { builderReady } from './support/builder.ts';
import { type OpenedPage, useSite } from './support/site.ts';
import { join } from 'node:path';
import { canonicalPairs } from '../../src/lib/connstr/index.ts';
import { loadCatalog } from '../../src/lib/providers/load.ts';
import { serviceRules } from '../../src/lib/providers/rules.ts';

const site = useSite();

/** Opens a page and waits until the island has replaced its no-JavaScript notice with the form. */
async function openBuilder(path: string, options: BrowserContextOptions = {}): Promise<OpenedPage> {
  const opened = await site.open(path, options);
  await builderReady(opened.page);
  return opened;
}
const plainOutput = (page: Page) => page.locator('#builder-output-panel-plain pre').textContent();
/** Shows the secret values the output panel masks (its "Show secrets" toggle). */
async function revealSecrets(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Show secrets' });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
}

async function withPage(path: string, run: (opened: OpenedPage) => Promise<void>, options: BrowserContextOptions = {}) {
  const opened = await openBuilder(path, options);
  try {
    await run(opened);
    expect(opened.faults()).toEqual([]);
  } finally {
    await opened.close();
  }
}

describe('build mode', () => {
  test('AirCall Basic on its service page', () =>
    withPage('/services/aircall/', async ({ page }) => {
      await expect.poll(() => page.getByRole('radio', { name: /Basic/ }).isChecked()).toBe(true);
      await page.getByRole('textbox', { name: /^User/ }).fill('1234 5678');
      await page.getByLabel(/^Password/).fill("tok;en'1");
      // On screen the password is masked until revealed; every format masks it.
      expect(await plainOutput(page)).toBe('Profile=C:\\profiles\\AirCall.apip;User="1234 5678";Password=********');
      await page.getByRole('tab', { name: '.env' }).click();
      expect(await page.locator('#builder-output-panel-env pre').textContent()).toContain("AIR_CALL_PASSWORD='********'");
      await page.getByRole('tab', { name: 'appsettings.json' }).click();
      expect(await page.locator('#builder-output-panel-appsettings pre').textContent()).toContain('Password=********');
      await page.getByRole('tab', { name: 'Connection string' }).click();
      await revealSecrets(page);
      expect(await plainOutput(page)).toBe(`Profile=C:\\profiles\\AirCall.apip;User="1234 5678";Password="tok;en'1"`);
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Ready to use.' }).count()).toBe(1);
    }));

  test('Intercom access token on /builder/, nested into ProfileSettings', () =>
    withPage('/builder/', async ({ page }) => {
      await page.getByRole('combobox', { name: 'Service' }).selectOption('intercom');
      await page.getByRole('radio', { name: /Access token/ }).check();
      await page.getByLabel(/^APIKey/).fill('dG9rOmFiYw==');
      await revealSecrets(page);
      expect(await plainOutput(page)).toBe("Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=\"dG9rOmFiYw==\"'");
    }));

  test('switching method keeps what was typed; output tabs switch with arrow keys', () =>
    withPage('/services/aircall/', async ({ page }) => {
      await page.getByRole('textbox', { name: /^User/ }).fill('keepme');
      await page.getByRole('radio', { name: /OAuth/ }).check();
      await page.getByRole('textbox', { name: /^OAuthClientId/ }).fill('cid');
      expect(await plainOutput(page)).toBe('Profile=C:\\profiles\\AirCall.apip;AuthScheme=OAUTH;InitiateOAuth=GETANDREFRESH;OAuthClientId=cid');
      await page.getByRole('radio', { name: /Basic/ }).check();
      expect(await page.getByRole('textbox', { name: /^User/ }).inputValue()).toBe('keepme');

      await page.getByRole('tab', { name: 'Connection string' }).focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.getByRole('tab', { name: 'JDBC URL' }).getAttribute('aria-selected')).toBe('true');
      expect(await page.locator('#builder-output-panel-jdbc pre').textContent()).toBe('jdbc:api:Profile=C:\\profiles\\AirCall.apip;User=keepme');
    }));

  test('a wrong value is shown at its field and tied to it for screen readers', () =>
    withPage('/services/aircall/', async ({ page }) => {
      await page.getByRole('radio', { name: /OAuth/ }).check();
      const callback = page.getByRole('textbox', { name: /^CallbackURL/ });
      await callback.fill('not a url');
      await expect.poll(() => callback.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await callback.getAttribute('aria-describedby')) ?? '';
      const problemsId = describedBy.split(' ').find((id) => id.endsWith('-problems'));
      expect(problemsId).toBeDefined();
      expect(await page.locator(`#${problemsId}`).textContent()).toMatch(/URL/);
    }));

  test('secret fields are masked and can be shown', () =>
    withPage('/services/aircall/', async ({ page }) => {
      const password = page.getByLabel(/^Password/);
      expect(await password.getAttribute('type')).toBe('password');
      await page.getByRole('button', { name: 'Show Password' }).click();
      expect(await password.getAttribute('type')).toBe('text');
      await page.getByRole('button', { name: 'Hide Password' }).click();
      expect(await password.getAttribute('type')).toBe('password');
    }));

  test('copy puts the string on the clipboard and announces it', () =>
    withPage(
      '/services/aircall/',
      async ({ page }) => {
        await page.getByRole('textbox', { name: /^User/ }).fill('u1');
        await page.getByRole('button', { name: 'Copy Connection string' }).click();
        await expect.poll(() => page.getByRole('status').filter({ hasText: 'Connection string copied' }).count()).toBe(1);
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Profile=C:\\profiles\\AirCall.apip;User=u1');
      },
      { permissions: ['clipboard-read', 'clipboard-write'] },
    ));

  test('the share link carries no secret and restores the other fields', async () => {
    let link = '';
    await withPage('/services/leaddesk/', async ({ page }) => {
      await page.getByRole('textbox', { name: /^OAuthClientId/ }).fill('app-id-1');
      await page.getByLabel(/^OAuthClientSecret/).fill('S3CRET-VALUE');
      await page.getByRole('textbox', { name: /^User/ }).fill('agent@example.com');
      await page.getByLabel(/^Password/).fill('PW-VALUE');
      link = await page.getByRole('textbox', { name: /Share link/ }).inputValue();
    });
    expect(link).toContain('app-id-1');
    expect(link).not.toContain('S3CRET');
    expect(link).not.toContain('PW-VALUE');
    const path = new URL(link).pathname + new URL(link).hash;
    await withPage(path, async ({ page }) => {
      await expect.poll(() => page.getByRole('textbox', { name: /^OAuthClientId/ }).inputValue()).toBe('app-id-1');
      expect(await page.getByRole('textbox', { name: /^User/ }).inputValue()).toBe('agent@example.com');
      expect(await page.getByLabel(/^OAuthClientSecret/).inputValue()).toBe('');
    });
  });

  test('reset clears the form back to its defaults', () =>
    withPage('/services/aircall/', async ({ page }) => {
      await page.getByRole('textbox', { name: /^User/ }).fill('u1');
      await page.getByRole('textbox', { name: /^Profile/ }).fill('D:\\mine\\AirCall.apip');
      await page.getByRole('button', { name: 'Reset the form' }).click();
      expect(await page.getByRole('textbox', { name: /^User/ }).inputValue()).toBe('');
      expect(await page.getByRole('textbox', { name: /^Profile/ }).inputValue()).toBe('C:\\profiles\\AirCall.apip');
    }));
});

describe('the family’s shapes, from the fields alone', () => {
  const catalog = loadCatalog(join(import.meta.dirname, '..', '..', 'content'));
  /** The pairs a string means for a service (documented key spelling and value case, our order). */
  const pairsOf = (id: string, text: string) => canonicalPairs(text, serviceRules(catalog.services.find((s) => s.id === id)!));
  const vendorText = (id: string, method: string) => catalog.services.find((s) => s.id === id)!.examples.find((e) => e.authMethod === method)!.vendorText!;

  test('iContact: four credentials inside ProfileSettings, Password among them', () =>
    withPage('/services/icontact/', async ({ page }) => {
      await page.getByRole('textbox', { name: /^AppId/ }).fill('your_app_id');
      await page.getByRole('textbox', { name: /^Username/ }).fill('your_username');
      await page.getByLabel(/^Password/).fill('your_password');
      await page.getByRole('textbox', { name: /^AccountId/ }).fill('your_account_id');
      await revealSecrets(page);
      const built = (await plainOutput(page))!;
      expect(built).toBe("Profile=C:\\profiles\\iContact.apip;ProfileSettings='AppId=your_app_id;Username=your_username;Password=your_password;AccountId=your_account_id'");
      expect(pairsOf('icontact', built)).toEqual(pairsOf('icontact', vendorText('icontact', 'token')));
    }));

  test('Discord bot token: AuthScheme APIKEY at the top level, the token inside ProfileSettings', () =>
    withPage('/services/discord/', async ({ page }) => {
      await page.getByRole('radio', { name: /Bot token/ }).check();
      await page.getByLabel(/^APIKey/).fill('your_bot_token_here');
      await revealSecrets(page);
      const built = (await plainOutput(page))!;
      expect(built).toBe("Profile=C:\\profiles\\Discord.apip;AuthScheme=APIKEY;ProfileSettings='APIKey=your_bot_token_here'");
      expect(pairsOf('discord', built)).toEqual(pairsOf('discord', vendorText('discord', 'bot-token')));
    }));

  test('SmartHR: UseSandbox written at the top level beside ProfileSettings, preset to production', () =>
    withPage('/services/smarthr/', async ({ page }) => {
      await page.getByLabel(/^APIKey/).fill('your_api_token');
      await page.getByRole('textbox', { name: /^TenantId/ }).fill('1234567890');
      expect(await page.getByRole('checkbox', { name: /^UseSandbox/ }).isChecked()).toBe(false);
      await revealSecrets(page);
      const built = (await plainOutput(page))!;
      expect(built).toBe("Profile=C:\\profiles\\SmartHR.apip;ProfileSettings='APIKey=your_api_token;TenantId=1234567890';UseSandbox=false");
      expect(pairsOf('smarthr', built)).toEqual(pairsOf('smarthr', vendorText('smarthr', 'token')));
      await page.getByRole('checkbox', { name: /^UseSandbox/ }).check();
      expect(await plainOutput(page)).toMatch(/;UseSandbox=true$/);
    }));

  test('Kairos3: two methods told apart by the credential, neither with an AuthScheme; Load into the builder picks the method from the credential', () =>
    withPage('/services/kairos3/', async ({ page }) => {
      await expect.poll(() => page.getByRole('radio', { name: /API key/ }).isChecked()).toBe(true);
      await page.getByRole('radio', { name: /Password/ }).check();
      await page.getByRole('textbox', { name: /^User/ }).fill('my_user');
      // The method's radio is labelled Password too: the field is the one that is not a radio.
      await page.getByLabel(/^Password/).and(page.locator('input:not([type="radio"])')).fill('my_password');
      await page.getByRole('textbox', { name: /^Instance/ }).fill('my_instance');
      await page.getByRole('textbox', { name: /^AppCd/ }).fill('my_appcd');
      await revealSecrets(page);
      const built = (await plainOutput(page))!;
      expect(built).toBe("Profile=C:\\profiles\\Kairos3.apip;ProfileSettings='Instance=my_instance;AppCd=my_appcd';User=my_user;Password=my_password");
      expect(pairsOf('kairos3', built)).toEqual(pairsOf('kairos3', vendorText('kairos3', 'password')));
      expect(built).not.toMatch(/AuthScheme/i);
      await page.getByRole('tab', { name: 'Validate' }).click();
      await page.getByRole('textbox', { name: 'Paste a connection string' }).fill(vendorText('kairos3', 'apikey'));
      await page.getByRole('button', { name: /Load into the builder/ }).click();
      await expect.poll(() => page.getByRole('radio', { name: /API key/ }).isChecked()).toBe(true);
      await revealSecrets(page);
      expect(pairsOf('kairos3', (await plainOutput(page))!)).toEqual(pairsOf('kairos3', vendorText('kairos3', 'apikey')));
    }));

  test('Load into the builder puts each setting back in its field, wherever the vendor writes it', () =>
    withPage('/builder/', async ({ page }) => {
      await page.getByRole('tab', { name: 'Validate' }).click();
      await page.getByRole('textbox', { name: 'Paste a connection string' }).fill(vendorText('smarthr', 'token'));
      await page.getByRole('button', { name: /Load into the builder/ }).click();
      await expect.poll(() => page.getByRole('textbox', { name: /^TenantId/ }).inputValue()).toBe('1234567890');
      await revealSecrets(page);
      expect(pairsOf('smarthr', (await plainOutput(page))!)).toEqual(pairsOf('smarthr', vendorText('smarthr', 'token')));
    }));
});

describe('validate mode', () => {
  test('a misspelt property: the span is shown, selectable, and the fix applies', () =>
    withPage('/services/aircall/', async ({ page }) => {
      await page.getByRole('tab', { name: 'Validate' }).click();
      const area = page.getByRole('textbox', { name: 'Paste a connection string' });
      const pasted = 'Profile=C:\\profiles\\AirCall.apip;AuthScheme=OAUTH;InitiateOAuth=GETANDREFRESH;OAuthClientId=a;OAuthClientSecert=b;CallbackURL=http://localhost:33333';
      await area.fill(pasted);
      const item = page.getByRole('listitem').filter({ hasText: 'did you mean OAuthClientSecret' });
      expect(await item.locator('mark').textContent()).toBe('OAuthClientSecert');
      await item.getByRole('button', { name: /Show in the text/ }).click();
      const selection = await area.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
      expect(selection).toBe('OAuthClientSecert');
      await item.getByRole('button', { name: /Fix: .*OAuthClientSecret/ }).click();
      expect(await area.inputValue()).toBe(pasted.replace('Secert', 'Secret'));
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'No problems' }).count()).toBe(1);
    }));

  test('pasted markup is shown as text, never run', () =>
    withPage('/builder/', async ({ page }) => {
      let dialogs = 0;
      page.on('dialog', (dialog) => {
        dialogs++;
        void dialog.dismiss();
      });
      await page.getByRole('tab', { name: 'Validate' }).click();
      const evil = '<img src=x onerror=alert(1)>';
      await page.getByRole('textbox', { name: 'Paste a connection string' }).fill(evil);
      // No Profile: the tab asks for the service before checking anything.
      await expect.poll(() => page.locator('#builder-validate-summary').textContent()).toMatch(/no Profile.*Pick the service/);
      await page.getByRole('combobox', { name: 'Service' }).selectOption('intercom');
      await expect.poll(() => page.locator('.builder-problems').textContent()).toContain('<img src');
      expect(await page.locator('.builder img').count()).toBe(0);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(dialogs).toBe(0);
    }));

  test('the service is recognized from Profile and the string loads into the form', () =>
    withPage('/builder/', async ({ page }) => {
      await page.getByRole('tab', { name: 'Validate' }).click();
      await page.getByRole('textbox', { name: 'Paste a connection string' }).fill("Profile=C:\\x\\HelpScout.apip;ProfileSettings='APIKey=k1'");
      await expect.poll(() => page.getByRole('combobox', { name: 'Service' }).inputValue()).toBe('helpscout');
      await page.getByRole('button', { name: 'Load into the builder' }).click();
      expect(await page.getByRole('tab', { name: 'Build' }).getAttribute('aria-selected')).toBe('true');
      expect(await page.getByLabel(/^APIKey/).inputValue()).toBe('k1');
      await revealSecrets(page);
      expect(await plainOutput(page)).toBe("Profile=C:\\x\\HelpScout.apip;ProfileSettings='APIKey=k1'");
    }));

  test('text typed in one mode survives switching modes and services', () =>
    withPage('/builder/', async ({ page }) => {
      await page.getByRole('combobox', { name: 'Service' }).selectOption('aircall');
      await page.getByRole('textbox', { name: /^User/ }).fill('typed-user');
      await page.getByRole('tab', { name: 'Validate' }).click();
      await page.getByRole('textbox', { name: 'Paste a connection string' }).fill('a=1;;=broken');
      await page.getByRole('combobox', { name: 'Service' }).selectOption('intercom');
      await page.getByRole('tab', { name: 'Build' }).click();
      await page.getByRole('combobox', { name: 'Service' }).selectOption('aircall');
      expect(await page.getByRole('textbox', { name: /^User/ }).inputValue()).toBe('typed-user');
      await page.getByRole('tab', { name: 'Validate' }).click();
      expect(await page.getByRole('textbox', { name: 'Paste a connection string' }).inputValue()).toBe('a=1;;=broken');
    }));
});

describe('driver builds on /builder/', () => {
  const basic = 'Profile=C:\\profiles\\Humanity.apip;AuthScheme=BASIC;User=u;Password=p';
  const buildSelect = (page: Page) => page.getByRole('combobox', { name: 'Driver build' });
  const summaryText = (page: Page) => page.locator('#builder-mode-panel-validate [role="status"]').first().textContent();
  const findingTexts = (page: Page) => page.locator('#builder-mode-panel-validate li').allTextContents();

  test('the build picked checks the string against that build, and the share link carries it', async () => {
    let link = '';
    await withPage('/builder/?service=humanity', async ({ page }) => {
      // Newest by default: BASIC is listed (only a note that no documented method uses it).
      await expect.poll(() => buildSelect(page).inputValue()).toBe('24.0.9300.0');
      await page.getByRole('tab', { name: 'Validate' }).click();
      await page.getByRole('textbox', { name: 'Paste a connection string' }).fill(basic);
      await expect.poll(() => summaryText(page)).toMatch(/for Humanity build 24\.0\.9300\.0/);
      expect((await findingTexts(page)).join(' ')).not.toContain('does not list');
      // 23.0.8839.0 does not list BASIC: the finding names the build that added it.
      await buildSelect(page).selectOption('23.0.8839.0');
      await expect.poll(() => summaryText(page)).toMatch(/for Humanity build 23\.0\.8839\.0/);
      await expect.poll(async () => (await findingTexts(page)).join(' ')).toContain('Build 23.0.8839.0 of the driver does not list AuthScheme=BASIC; it was added in build 24.0.9060.0.');
      expect(await axeViolations(page), 'the build picker and its finding').toEqual([]);
      await page.getByRole('tab', { name: 'Build' }).click();
      await page.getByRole('textbox', { name: /^OAuthClientId/ }).fill('app-1');
      link = await page.getByRole('textbox', { name: /Share link/ }).inputValue();
    });
    expect(new URLSearchParams(new URL(link).hash.slice(1)).get('build')).toBe('23.0.8839.0');
    await withPage(new URL(link).pathname + new URL(link).hash, async ({ page }) => {
      await expect.poll(() => buildSelect(page).inputValue()).toBe('23.0.8839.0');
      await expect.poll(() => page.getByRole('textbox', { name: /^OAuthClientId/ }).inputValue()).toBe('app-1');
    });
  });

  test('an older build’s page opens the builder on its build', async () => {
    let builderLink = '';
    const opened = await site.open('/services/humanity/23.0.8839.0/');
    try {
      builderLink = (await opened.page.getByRole('link', { name: 'builder page' }).getAttribute('href')) ?? '';
    } finally {
      await opened.close();
    }
    expect(builderLink).toBe('/builder/?service=humanity&build=23.0.8839.0');
    await withPage(builderLink, async ({ page }) => {
      await expect.poll(() => buildSelect(page).inputValue()).toBe('23.0.8839.0');
      expect(await page.getByRole('combobox', { name: 'Service' }).inputValue()).toBe('humanity');
    });
  });

  test('a link naming a build the service does not document says so and shows the newest', () =>
    withPage('/builder/#service=humanity&build=9.9.9', async ({ page }) => {
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'The link asks for build 9.9.9 of Humanity' }).count()).toBe(1);
      expect(await buildSelect(page).inputValue()).toBe('24.0.9300.0');
      expect(await axeViolations(page), 'the notice in the dark theme').toEqual([]);
      // Picking a build answers the link's question: the notice goes.
      await buildSelect(page).selectOption('24.0.9060.0');
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'The link asks for build' }).count()).toBe(0);
    }, { colorScheme: 'dark' }));

  test('a service documented in one build has no build picker', () =>
    withPage('/builder/?service=intercom', async ({ page }) => {
      await expect.poll(() => page.getByRole('combobox', { name: 'Service' }).inputValue()).toBe('intercom');
      expect(await buildSelect(page).count()).toBe(0);
    }));
});

describe('keyboard and accessibility', () => {
  test('keyboard only: choose a method, fill a field, switch output tab, copy', () =>
    withPage(
      '/services/intercom/',
      async ({ page }) => {
        await page.getByRole('tab', { name: 'Build' }).focus();
        await page.keyboard.press('Tab'); // into the method radios
        await page.keyboard.press('ArrowDown'); // second method: OAuth
        expect(await page.getByRole('radio', { name: /OAuth/ }).isChecked()).toBe(true);
        await page.keyboard.press('ArrowUp');
        expect(await page.getByRole('radio', { name: /Access token/ }).isChecked()).toBe(true);
        await page.keyboard.press('Tab'); // Profile
        await page.keyboard.press('Tab'); // Profile's reference link
        await page.keyboard.press('Tab'); // APIKey
        await page.keyboard.type('kb-token');
        expect(await page.getByLabel(/^APIKey/).inputValue()).toBe('kb-token');
        await page.getByRole('tab', { name: 'Connection string' }).focus();
        await page.keyboard.press('End');
        expect(await page.getByRole('tab', { name: 'appsettings.json' }).getAttribute('aria-selected')).toBe('true');
        await page.keyboard.press('ArrowLeft');
        expect(await page.getByRole('tab', { name: '.env' }).getAttribute('aria-selected')).toBe('true');
        await page.keyboard.press('Tab'); // the code block
        await page.keyboard.press('Tab'); // its copy button
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByRole('status').filter({ hasText: '.env copied' }).count()).toBe(1);
        // The copy is the real file (the screen shows the token masked).
        expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("INTERCOM_API_KEY='kb-token'");
        expect(await page.locator('#builder-output-panel-env pre').textContent()).toContain("INTERCOM_API_KEY='********'");
      },
      { permissions: ['clipboard-read', 'clipboard-write'] },
    ));

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe: no violations with the island in both modes, errors showing (${colorScheme})`, async () => {
      for (const path of ['/services/aircall/', '/builder/']) {
        const opened = await openBuilder(path, { colorScheme });
        try {
          const { page } = opened;
          if (path === '/builder/') await page.getByRole('combobox', { name: 'Service' }).selectOption('aircall');
          await page.getByRole('radio', { name: /OAuth/ }).check();
          await page.getByRole('textbox', { name: /^CallbackURL/ }).fill('not a url');
          await page.getByRole('textbox', { name: /^CallbackURL/ }).blur();
          // The field's error comes from the checker (a worker): audit once it shows.
          await expect.poll(() => page.getByRole('textbox', { name: /^CallbackURL/ }).getAttribute('aria-invalid')).toBe('true');
          await page.locator('details.builder-optional summary').click();
          expect(await axeViolations(page), `${path} build mode`).toEqual([]);
          await page.getByRole('tab', { name: 'Validate' }).click();
          await page.getByRole('textbox', { name: 'Paste a connection string' }).fill("Profile=C:\\profiles\\AirCall.apip;AuthScheme=Oauth;OAuthClientSecert=x;x='unterminated");
          // So do the findings: audit once those for this text are shown (the summary is no longer busy).
          await expect.poll(() => page.locator('#builder-validate-summary').getAttribute('aria-busy')).toBeNull();
          await page.locator('.builder-problems').waitFor();
          expect(await axeViolations(page), `${path} validate mode`).toEqual([]);
        } finally {
          await opened.close();
        }
      }
    });
  }
});

test('without JavaScript the service page keeps its documentation and says the builder needs it', async () => {
  const opened = await site.open('/services/intercom/', { javaScriptEnabled: false });
  try {
    expect(await opened.page.getByRole('region', { name: 'Connection-string builder' }).textContent()).toMatch(/needs JavaScript/);
    expect(await opened.page.locator('#prop-APIKey').count()).toBe(1);
    expect(await opened.page.getByRole('textbox').count()).toBe(0);
    // Controls that need scripts are not shown dead: no copy, theme or search button.
    expect(await opened.page.getByRole('button').count()).toBe(0);
    // The reserved height is for a form that will come; without scripts the notice keeps its own size.
    const builderHeight = await opened.page.getByRole('region', { name: 'Connection-string builder' }).evaluate((el) => el.getBoundingClientRect().height);
    expect(builderHeight).toBeLessThan(200);
  } finally {
    await opened.close();
  }
});

test('a click that starts the builder is not lost: the Validate tab opens once the island is live', async () => {
  const opened = await site.open('/services/intercom/');
  try {
    const { page } = opened;
    expect(await page.locator('astro-island[ssr]').count(), 'not started before the click').toBe(1);
    await page.getByRole('tab', { name: 'Validate' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Validate' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('textbox', { name: 'Paste a connection string' }).waitFor();
    expect(await page.locator('#builder-mode-panel-validate').isVisible()).toBe(true);
    expect(opened.faults()).toEqual([]);
  } finally {
    await opened.close();
  }
});

test('when the shared data cannot be loaded, the builder says so and how to recover', async () => {
  const opened = await site.open('/');
  try {
    const { page } = opened;
    await page.route('**/builder/data/common.json', (route) => route.fulfill({ status: 503, body: 'down' }));
    await page.goto(site.url('/services/aircall/'));
    await page.locator('.builder').scrollIntoViewIfNeeded();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/shared settings could not be loaded \(HTTP 503\)\. Reload the page to try again\./);
    expect(await page.locator('.builder-methods').count()).toBe(0);
    // The tabs still work and say nothing false: no form is offered without its data.
    await page.getByRole('tab', { name: 'Validate' }).click();
    expect(await page.getByRole('textbox', { name: 'Paste a connection string' }).count()).toBe(0);
  } finally {
    await opened.close();
  }
});
