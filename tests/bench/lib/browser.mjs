/**
 * The bench's Chromium is the browser tests' own (tests/e2e/support/browser.ts, imported through Node 24's type
 * stripping): one discovery, one unpacked @sparticuz binary shared by both.
 */
export { BASE_ARGS, findChromium, launchBrowser } from '../../e2e/support/browser.ts';
