/** Headless Chromium through playwright-core, with the bench's Chromium (see chromium.mjs). */
import { chromiumFlags, findChromium } from './chromium.mjs';

/** @returns {Promise<import('playwright-core').Browser>} */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  const found = await findChromium();
  return chromium.launch({
    executablePath: found.path,
    headless: true,
    // Playwright passes its own headless flag.
    args: chromiumFlags.filter((flag) => !flag.startsWith('--headless')),
    timeout: 60_000,
  });
}
