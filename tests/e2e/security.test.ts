/**
 * Security gates in real Chromium on the built site, under its own Content-Security-Policy:
 *   - a session that uses the builder (service page and /builder/, both modes, a real paste) and search, and
 *     follows a result, raises no CSP violation, console error or uncaught error and requests nothing from another
 *     origin (the recorder in support/site.ts, first shown to catch each kind of fault);
 *   - every secret field of every auth method of every service, once filled, stays in the page: not in the URL,
 *     the share link (field and clipboard), any request, Web Storage, cookies, IndexedDB or Cache Storage.
 * The CSP as written into each page (hashes, directives, placement) is checked in tests/site/csp.test.ts.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { builderReady, builderServices, secretProperties, type ServiceMeta } from './support/builder.ts';
import { search } from './support/search.ts';
import { type OpenedPage, useSite } from './support/site.ts';
import seedFacts from '../fixtures/seeds/facts.json' with { type: 'json' };

const site = useSite();

const withClipboard: BrowserContextOptions = { permissions: ['clipboard-read', 'clipboard-write'] };
const clipboardText = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** Pastes into the focused field as a user does: the text goes on the clipboard, then Ctrl+V. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('ControlOrMeta+V');
}

async function session(path: string, run: (opened: OpenedPage) => Promise<void>): Promise<void> {
  const opened = await site.open(path, withClipboard);
  try {
    await run(opened);
    expect(opened.faults()).toEqual([]);
  } finally {
    await opened.close();
  }
}

/** Searches through the dialog, follows the first result on another page, and waits for that page. */
async function searchAndFollow(page: Page, query: string, elsewhere: (href: string) => boolean): Promise<string> {
  const hits = await search(page, query);
  const href = hits.map((h) => h.href).find(elsewhere);
  expect(href, `a result for ${query} on another page`).toBeDefined();
  await page.locator(`dialog.search-dialog a.search-result-link[href="${href}"]`).first().click();
  await page.waitForURL((url) => url.pathname + url.hash === href);
  await page.waitForLoadState('load');
  return href!;
}

describe('the fault recorder', () => {
  test('sees a CSP violation, a console error, an uncaught error and a request to another origin', async () => {
    const opened = await site.open('/');
    try {
      const { page } = opened;
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true';
        document.body.append(script);
        document.body.append(Object.assign(document.createElement('p'), { innerHTML: '<span style="color: red">x</span>' }));
      });
      await expect.poll(() => opened.cspViolations.length).toBeGreaterThanOrEqual(2);
      expect(await page.evaluate(() => '__injected' in window), 'the CSP blocked the injected inline script').toBe(false);
      expect(opened.cspViolations.some((v) => v.startsWith('script-src'))).toBe(true);
      expect(opened.cspViolations.some((v) => v.startsWith('style-src'))).toBe(true);

      await page.evaluate(() => {
        console.error('probe: console error');
        setTimeout(() => {
          throw new Error('probe: uncaught');
        });
      });
      await expect.poll(() => opened.pageErrors).toContain('probe: uncaught');
      expect(opened.consoleErrors).toContain('probe: console error');

      await page.evaluate(() => {
        location.href = 'http://foreign.invalid/';
      });
      await expect.poll(() => opened.foreignRequests).toContain('http://foreign.invalid/');
    } finally {
      await opened.close();
    }
  });
});

describe('a session with the builder and search raises no fault', () => {
  test('service page: build, copy, switch modes, paste into validate, load it, search and follow a result', () =>
    session('/services/intercom/', async ({ page }) => {
      await builderReady(page);
      await page.getByRole('radio', { name: /^OAuth/ }).check();
      await page.getByRole('textbox', { name: /^OAuthClientId/ }).fill('client-1');
      await page.getByLabel(/^OAuthClientSecret/).fill('client-secret-1');
      await page.getByRole('textbox', { name: /^CallbackURL/ }).fill('http://localhost:33333');
      await page.getByRole('tab', { name: 'JDBC URL' }).click();
      await page.getByRole('button', { name: 'Copy JDBC URL' }).click();
      await expect.poll(() => clipboardText(page)).toMatch(/^jdbc:api:.*OAuthClientId=client-1/);

      await page.getByRole('tab', { name: 'Validate' }).click();
      const area = page.getByRole('textbox', { name: 'Paste a connection string' });
      await area.focus();
      const pasted = "Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=k1'";
      await paste(page, pasted);
      expect(await area.inputValue()).toBe(pasted);
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'No problems' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Load into the builder' }).click();
      expect(await page.getByLabel(/^APIKey/).inputValue()).toBe('k1');

      const href = await searchAndFollow(page, 'CallbackURL', (h) => h.startsWith(site.url('/reference/').slice(site.origin.length)));
      expect(await page.locator(`[id="${decodeURIComponent(href.split('#')[1] ?? '')}"]`).count()).toBe(1);
    }));

  test('/builder/: pick services, build, paste a string that picks its service, search and follow a result', () =>
    session('/builder/', async ({ page }) => {
      await builderReady(page);
      const service = page.getByRole('combobox', { name: 'Service' });
      for (const id of ['intercom', 'leaddesk']) {
        await service.selectOption(id);
        await page.locator(`input[type="radio"][name="builder-method-${id}"]`).first().waitFor();
      }
      await page.getByRole('textbox', { name: /^OAuthClientId/ }).fill('ld-client');
      await page.getByRole('textbox', { name: /^User/ }).fill('agent@example.com');
      await expect.poll(() => page.locator('#builder-output-panel-plain pre').textContent()).toContain('OAuthClientId=ld-client');

      await page.getByRole('tab', { name: 'Validate' }).click();
      await page.getByRole('textbox', { name: 'Paste a connection string' }).focus();
      await paste(page, 'Profile=C:\\x\\AirCall.apip;User=u1;Password=p1');
      await expect.poll(() => service.inputValue()).toBe('aircall');
      await expect.poll(() => page.locator('#builder-validate-summary').textContent()).toMatch(/recognized/);
      await page.getByRole('button', { name: 'Load into the builder' }).click();
      expect(await page.getByRole('textbox', { name: /^User/ }).inputValue()).toBe('u1');

      await searchAndFollow(page, 'APIKey', (h) => h.includes('/services/'));
      await builderReady(page);
    }));
});

/** Everything a page can keep or show outside its form, as text, by where it is. */
async function keptOutsideTheForm(page: Page): Promise<Record<string, string>> {
  const inPage = await page.evaluate(async () => {
    const idb: unknown[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of db.objectStoreNames) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        idb.push({ name, store, rows });
      }
      db.close();
    }
    const cached: string[] = [];
    for (const key of await caches.keys()) cached.push(key, ...(await (await caches.open(key)).keys()).map((r) => r.url));
    return {
      url: location.href,
      history: JSON.stringify(history.state),
      windowName: window.name,
      localStorage: JSON.stringify({ ...localStorage }),
      sessionStorage: JSON.stringify({ ...sessionStorage }),
      documentCookie: document.cookie,
      indexedDB: JSON.stringify(idb),
      cacheStorage: cached.join('\n'),
      shareLink: (document.querySelector<HTMLInputElement>('#builder-share')?.value ?? ''),
    };
  });
  return { ...inPage, cookies: JSON.stringify(await page.context().cookies()) };
}

const secretValue = (service: string, method: string, property: string) => `SECRETx${service}x${method.replace(/\W/g, '')}x${property}x7q`;

/**
 * Fills every secret field of every method of `service` (opening the optional settings where one is), checks that
 * the form shows exactly the metadata's sensitive properties as masked inputs and that each value reached the
 * output (so the form did take it), then copies the share link. Returns the values typed.
 */
async function fillEverySecret(page: Page, service: ServiceMeta, leaks: string[]): Promise<string[]> {
  const typed: string[] = [];
  for (const method of service.authMethods) {
    await page.locator(`input[type="radio"][name="builder-method-${service.id}"][value="${method.id}"]`).check();
    const optional = page.locator('details.builder-optional');
    if ((await optional.count()) > 0 && !(await optional.evaluate((d: HTMLDetailsElement) => d.open))) await optional.locator('summary').click();
    const prefix = `builder-${service.id}-`;
    const masked = await page.locator('.builder-build input[type="password"]').evaluateAll((inputs) => inputs.map((i) => i.id));
    const expected = secretProperties(service, method.id);
    expect(masked.map((id) => id.slice(prefix.length)).sort(), `${service.id}/${method.id}: masked fields = sensitive properties`).toEqual([...expected].sort());
    expect(expected.length, `${service.id}/${method.id} has a secret to fill`).toBeGreaterThan(0);
    for (const property of expected) {
      const value = secretValue(service.id, method.id, property);
      await page.locator(`#${prefix}${property}`).fill(value);
      typed.push(value);
      // The output panel takes it, and shows it masked.
      await expect.poll(() => page.locator('#builder-output-panel-plain pre').textContent()).toContain(`${property}=********`);
      const shown = (await page.locator('#builder-output-panel-plain pre').textContent()) ?? '';
      if (shown.includes(value)) leaks.push(`${value} shown unmasked in the output panel (${service.id}/${method.id})`);
    }
    // A non-secret value typed too, so the share link is seen to carry what it may carry.
    const shared = `shared-${service.id}-${method.id}.apip`;
    await page.locator(`#${prefix}Profile`).fill(shared);
    await expect.poll(() => page.locator('#builder-share').inputValue()).toContain(`p.Profile=${shared}`);
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await expect.poll(() => clipboardText(page)).toBe(await page.locator('#builder-share').inputValue());
    const clipboard = await clipboardText(page);
    leaks.push(...typed.filter((s) => clipboard.includes(s)).map((s) => `${s} in the copied share link (${service.id}/${method.id})`));
  }
  return typed;
}

function leaksIn(places: Record<string, string>, secrets: string[]): string[] {
  return Object.entries(places).flatMap(([where, text]) => secrets.filter((s) => text.includes(s)).map((s) => `${s} in ${where}`));
}

/** Records every request's URL, headers and body, to look for secrets in what left the page. */
function recordRequests(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => sent.push(`${request.method()} ${request.url()} ${JSON.stringify(request.headers())} ${request.postData() ?? ''}`));
  return sent;
}

describe('secrets stay in the form', () => {
  const services = builderServices();

  test('the metadata has every seed service, some with several methods', () => {
    // Every service the seeds document is there; a service added later must not break this.
    expect(services.map((s) => s.id)).toEqual(expect.arrayContaining(Object.keys(seedFacts)));
    expect(services.some((s) => s.authMethods.length > 1)).toBe(true);
  });

  test.each(services.map((s) => [s.id, s] as const))('every secret of every %s method, on its service page', (id, service) =>
    session(`/services/${id}/`, async ({ page }) => {
      const sent = recordRequests(page);
      await builderReady(page);
      const leaks: string[] = [];
      const secrets = await fillEverySecret(page, service, leaks);
      leaks.push(...leaksIn(await keptOutsideTheForm(page), secrets), ...leaksIn({ requests: sent.join('\n') }, secrets));
      expect(leaks).toEqual([]);
    }),
  );

  test('every secret of every method of every service, all typed in one /builder/ session', () =>
    session('/builder/', async ({ page }) => {
      const sent = recordRequests(page);
      await builderReady(page);
      const leaks: string[] = [];
      const secrets: string[] = [];
      for (const service of services) {
        await page.getByRole('combobox', { name: 'Service' }).selectOption(service.id);
        await page.locator(`input[type="radio"][name="builder-method-${service.id}"]`).first().waitFor();
        secrets.push(...(await fillEverySecret(page, service, leaks)));
        leaks.push(...leaksIn(await keptOutsideTheForm(page), secrets));
      }
      // Switching services keeps what was typed for each: the first service's secrets are still in the page.
      await page.getByRole('combobox', { name: 'Service' }).selectOption(services[0]!.id);
      await expect.poll(() => page.locator('.builder-build input[type="password"]').first().inputValue()).toMatch(/^SECRETx/);
      leaks.push(...leaksIn({ requests: sent.join('\n') }, secrets));
      expect(leaks).toEqual([]);
    }));
});
