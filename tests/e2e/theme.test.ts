/**
 * Every service page in real Chromium: it loads clean (no console error, CSP violation or foreign request),
 * follows the system color scheme, and the toggle switches the theme, is remembered, and never flashes.
 */
import { describe, expect, it } from 'vitest';
import { useSite } from './support/site.ts';
import seedFacts from '../fixtures/seeds/facts.json' with { type: 'json' };
import familyFacts from '../fixtures/family/facts.json' with { type: 'json' };

const serviceIds = [...Object.keys(seedFacts), ...Object.keys(familyFacts)];

const site = useSite();

const theme = (opened: { page: import('playwright-core').Page }) =>
  opened.page.evaluate(() => document.documentElement.dataset.theme);
const background = (opened: { page: import('playwright-core').Page }) =>
  opened.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

describe('theme toggle on every service page', () => {
  it('covers the five seed services and the family services written from the importer', () => {
    expect([...serviceIds].sort()).toEqual(['aircall', 'discord', 'drift', 'freeehr', 'harvest', 'helpscout', 'humanity', 'icontact', 'infusionsoft', 'intercom', 'leaddesk', 'smarthr', 'zoom']);
  });

  it.each(serviceIds)('/services/%s/ toggles light ⇄ dark and remembers it', async (id) => {
    const opened = await site.open(`/services/${id}/`, { colorScheme: 'light' });
    try {
      const toggle = opened.page.getByRole('button', { name: 'Dark theme' });
      await expect.poll(() => toggle.isVisible()).toBe(true);
      expect(await theme(opened)).toBe('light');
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      const lightBackground = await background(opened);

      await toggle.click();
      expect(await theme(opened)).toBe('dark');
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      expect(await background(opened)).not.toBe(lightBackground);

      // Remembered across navigation, applied before first paint by the inline script.
      await opened.page.reload();
      expect(await theme(opened)).toBe('dark');

      await opened.page.getByRole('button', { name: 'Dark theme' }).click();
      expect(await theme(opened)).toBe('light');
      expect(opened.faults()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

describe('system preference', () => {
  it('starts dark when the system is dark and nothing is stored', async () => {
    const opened = await site.open('/services/aircall/', { colorScheme: 'dark' });
    try {
      expect(await theme(opened)).toBe('dark');
      const stored = await opened.page.evaluate(() => localStorage.getItem('theme'));
      expect(stored).toBeNull();
    } finally {
      await opened.close();
    }
  });

  it('sets the theme before first paint (the attribute is right on DOMContentLoaded)', async () => {
    const opened = await site.open('/services/intercom/', { colorScheme: 'dark' });
    try {
      await opened.page.addInitScript(() => {
        document.addEventListener('DOMContentLoaded', () => {
          (window as unknown as { __themeAtLoad: string }).__themeAtLoad = document.documentElement.dataset.theme ?? '';
        });
      });
      await opened.page.reload();
      expect(await opened.page.evaluate(() => (window as unknown as { __themeAtLoad: string }).__themeAtLoad)).toBe('dark');
    } finally {
      await opened.close();
    }
  });
});
