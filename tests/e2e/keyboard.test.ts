/**
 * Keyboard-only walk-throughs in real Chromium: no click, no programmatic focus. From the top of a service page
 * (skip link first) Tab reaches the builder and operates it; search opens from its button, `/` and Ctrl+K, lands
 * on the property, and gives focus back when closed. At every step the focused control must show a focus ring.
 * builder.test.ts and search.test.ts cover the same controls' behaviour from a focused starting point.
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { resultsLoaded, searchInput, summaryFor } from './support/search.ts';
import { type OpenedPage, useSite } from './support/site.ts';

const site = useSite();

/**
 * Where the focus is and whether it shows: `ring` is false when neither the focused element nor the box that
 * draws it has an outline or box-shadow (read after running CSS transitions end). A control whose visible box is
 * its wrapper may draw the ring there, so an ancestor up to three levels up counts too, but only with a ring in
 * the focus colour.
 */
type Focus = { tag: string; id: string; role: string; name: string; href: string; ring: boolean; described: string };
function focused(page: Page): Promise<Focus> {
  return page.evaluate(async () => {
    // Rings may fade in: read them once the running CSS transitions have ended.
    await Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => undefined)));
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'BODY', id: '', role: '', name: '', href: '', ring: false, described: 'nothing (body)' };
    const root = getComputedStyle(document.documentElement);
    const focusColours = ['--focus'].map((v) => {
      const probe = document.createElement('i');
      probe.style.color = root.getPropertyValue(v).trim();
      document.body.append(probe);
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return colour;
    });
    const drawsRing = (node: Element, inFocusColour: boolean) => {
      const s = getComputedStyle(node);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && s.outlineColor !== 'rgba(0, 0, 0, 0)';
      const shadow = s.boxShadow !== 'none';
      if (!inFocusColour) return outline || shadow;
      return (outline && focusColours.includes(s.outlineColor)) || (shadow && focusColours.some((c) => s.boxShadow.includes(c)));
    };
    let ring = drawsRing(el, false);
    for (let node = el.parentElement, up = 0; !ring && node && up < 3; node = node.parentElement, up++) ring = drawsRing(node, true);
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    const role = el.getAttribute('role') ?? '';
    return {
      tag: el.tagName,
      id: el.id,
      role,
      name,
      href: el.getAttribute('href') ?? '',
      ring,
      described: `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${role ? ` role=${role}` : ''}${el.className ? ` class="${el.className}"` : ''}> "${name}"`,
    };
  });
}

/** Waits while an island that is on screen has not hydrated yet (the builder starts when scrolled into view or focused). */
async function islandsOnScreenHydrated(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('astro-island[ssr]')].every((island) => {
      // An island is `display: contents`: measure what it renders.
      const box = (island.firstElementChild ?? island).getBoundingClientRect();
      return box.bottom < 0 || box.top > innerHeight;
    }),
  );
}

/** A keyboard session: every key goes through `press`, which records focus that does not show. */
function keyboard(page: Page) {
  const unseen: string[] = [];
  const press = async (key: string): Promise<Focus> => {
    await page.keyboard.press(key);
    await islandsOnScreenHydrated(page);
    const now = await focused(page);
    if (!now.ring) unseen.push(`after ${key}: ${now.described}`);
    return now;
  };
  /** Presses Tab until the focus matches, at most `limit` times. */
  const tabTo = async (what: string, matches: (f: Focus) => boolean, limit = 120): Promise<Focus> => {
    const visited: string[] = [];
    for (let i = 0; i < limit; i++) {
      const now = await press('Tab');
      if (matches(now)) return now;
      visited.push(now.described);
    }
    throw new Error(`Tab never reached ${what} in ${limit} presses; visited:\n${visited.join('\n')}`);
  };
  return { press, tabTo, unseen };
}

const isControl = (id: string) => (f: Focus) => f.id === id;

test('builder, keyboard only from the top of a service page, with a visible focus at every step', async () => {
  const opened: OpenedPage = await site.open('/services/aircall/', { permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    const { page } = opened;
    const keys = keyboard(page);

    // Skip link first, on screen when focused; it moves focus to the main column.
    const skip = await keys.press('Tab');
    expect(skip.described).toMatch(/skip-link.*Skip to content/);
    expect(await page.getByRole('link', { name: 'Skip to content' }).evaluate((a) => a.getBoundingClientRect().top >= 0)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // On through the page to the builder: its first stop is the selected mode tab.
    const build = await keys.tabTo('the Build tab', (f) => f.role === 'tab' && f.name === 'Build');
    expect(build.id).toBe('builder-mode-tab-build');

    // Method: a radio group, arrows change the choice.
    const basic = await keys.press('Tab');
    expect(basic.tag).toBe('INPUT');
    expect(await page.getByRole('radio', { name: /^Basic/ }).isChecked()).toBe(true);
    await keys.press('ArrowDown');
    expect(await page.getByRole('radio', { name: /^OAuth/ }).isChecked()).toBe(true);
    await keys.press('ArrowUp');
    expect(await page.getByRole('radio', { name: /^Basic/ }).isChecked()).toBe(true);

    // Fields: type into User and Password, then show and hide the secret with its button.
    await keys.tabTo('User', isControl('builder-aircall-User'));
    await page.keyboard.type('kb-user');
    await keys.tabTo('Password', isControl('builder-aircall-Password'));
    await page.keyboard.type('kb-pass');
    const password = page.locator('#builder-aircall-Password');
    expect(await password.getAttribute('type')).toBe('password');
    const show = await keys.press('Tab');
    expect(show.name).toBe('Show Password');
    await keys.press('Space');
    expect(await password.getAttribute('type')).toBe('text');
    expect(await page.getByRole('button', { name: 'Hide Password' }).getAttribute('aria-pressed')).toBe('true');
    await keys.press('Enter');
    expect(await password.getAttribute('type')).toBe('password');

    // Output: the selected format tab is the one stop; arrows switch formats and move the focus with them.
    await keys.tabTo('the output tabs', (f) => f.role === 'tab' && f.id.startsWith('builder-output-tab-'));
    const jdbc = await keys.press('ArrowRight');
    expect(jdbc.id).toBe('builder-output-tab-jdbc');
    expect(await page.locator('#builder-output-tab-jdbc').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#builder-output-panel-jdbc').isVisible()).toBe(true);
    const plain = await keys.press('ArrowLeft');
    expect(plain.id).toBe('builder-output-tab-plain');

    // The code block takes focus (it may scroll), then its copy button copies the string it shows.
    const code = await keys.press('Tab');
    expect(code.tag).toBe('PRE');
    const copy = await keys.press('Tab');
    expect(copy.name).toBe('Copy Connection string');
    await keys.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Connection string copied' }).count()).toBe(1);
    // The copy is the real string; the screen shows the password masked.
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const shown = (await page.locator('#builder-output-panel-plain pre').textContent()) ?? '';
    expect(copied).toBe(shown.replace('Password=********', 'Password=kb-pass'));
    expect(copied).toContain('User=kb-user');
    expect(copied).toContain('Password=kb-pass');
    // "Show secrets", after the copy button, reveals it.
    const reveal = await keys.press('Tab');
    expect(reveal.name).toBe('Show secrets');
    await keys.press('Enter');
    await expect.poll(() => page.locator('#builder-output-panel-plain pre').textContent()).toBe(copied);

    expect(keys.unseen, 'focused elements without a visible focus indicator').toEqual([]);
    expect(opened.faults()).toEqual([]);
  } finally {
    await opened.close();
  }
});

test('search, keyboard only: open, pick a result, land on the property; Escape gives focus back', async () => {
  const opened = await site.open('/reference/');
  try {
    const { page } = opened;
    const keys = keyboard(page);
    const dialogOpen = () => page.evaluate(() => document.querySelector<HTMLDialogElement>('dialog.search-dialog')?.open ?? false);

    // The header's Search button, reached by Tab; Enter opens the dialog with the focus in its field.
    const trigger = await keys.tabTo('the Search button', (f) => f.tag === 'BUTTON' && f.name.startsWith('Search'), 5);
    await keys.press('Enter');
    await expect.poll(() => searchInput(page).evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await focused(page)).ring, 'the search field shows its focus').toBe(true);
    const button = page.locator('[data-search-open]');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.type('CallbackURL');
    await summaryFor(page, 'CallbackURL');
    await resultsLoaded(page);
    const first = await keys.press('ArrowDown');
    expect(first.href).toMatch(/#prop-CallbackURL$/);

    // Escape closes it and puts the focus back on the button that opened it, now collapsed.
    await keys.press('Escape');
    await expect.poll(dialogOpen).toBe(false);
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => focused(page)).toMatchObject({ tag: trigger.tag, name: trigger.name });

    // `/` opens it again; arrows reach the Aircall entry; Enter lands on its row, on screen below the header.
    await keys.press('/');
    await expect.poll(() => searchInput(page).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('CallbackURL');
    await summaryFor(page, 'CallbackURL');
    await resultsLoaded(page);
    const wanted = '/services/aircall/#prop-CallbackURL';
    let pick = await keys.press('ArrowDown');
    for (let i = 0; pick.href !== wanted && i < 10; i++) pick = await keys.press('ArrowDown');
    expect(pick.href).toBe(wanted);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname + url.hash === wanted);
    await page.waitForLoadState('load');
    // The builder above the property starts only if it is on screen (client:engage); if it does, it grows, and
    // the property must stay where it landed.
    await islandsOnScreenHydrated(page);
    const landing = await page.evaluate(() => {
      const target = document.querySelector(':target');
      const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
      const box = target?.getBoundingClientRect();
      return { id: target?.id, top: box?.top ?? -1, bottom: box?.bottom ?? -1, header, height: innerHeight };
    });
    expect(landing.id).toBe('prop-CallbackURL');
    expect(landing.top, 'the property is not under the sticky header').toBeGreaterThanOrEqual(landing.header);
    expect(landing.bottom).toBeLessThanOrEqual(landing.height);
    expect(await page.locator('#prop-CallbackURL').isVisible()).toBe(true);
    // Keyboard navigation continues from the property: the next Tab is its first link.
    const next = await keys.press('Tab');
    expect(await page.evaluate(() => document.querySelector('#prop-CallbackURL')?.contains(document.activeElement))).toBe(true);
    expect(next.tag).toBe('A');

    // Ctrl+K from there, then Escape: the focus goes back to that link.
    await keys.press('Control+k');
    await expect.poll(() => searchInput(page).evaluate((el) => el === document.activeElement)).toBe(true);
    await keys.press('Escape');
    await expect.poll(dialogOpen).toBe(false);
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'A', href: next.href, name: next.name });

    expect(keys.unseen, 'focused elements without a visible focus indicator').toEqual([]);
    expect(opened.faults()).toEqual([]);
  } finally {
    await opened.close();
  }
});
