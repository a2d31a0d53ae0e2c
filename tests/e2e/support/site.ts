/**
 * The built site (dist/) served by `astro preview`, and pages opened on it that record everything a gate test
 * needs to fail on: console errors, uncaught exceptions, Content-Security-Policy violations and requests that
 * leave the site's origin.
 */
import { preview } from 'astro';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { assertBuilt } from '../../support/dist.ts';
import { launchBrowser } from './browser.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export interface Site {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Absolute URL of a site path (`/services/aircall/`), under the configured base path. */
  url(path: string): string;
  stop(): Promise<void>;
}

/** Starts `astro preview` on a free port for the already built dist/. */
export async function startSite(): Promise<Site> {
  assertBuilt();
  const server = await preview({ root, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
  const origin = `http://127.0.0.1:${server.port}`;
  const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
  return {
    origin,
    url: (path) => origin + base.replace(/\/$/, '') + (path.startsWith('/') ? path : `/${path}`),
    stop: () => server.stop(),
  };
}

export interface Recorded {
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: string[];
  foreignRequests: string[];
}

export interface OpenedPage extends Recorded {
  page: Page;
  /** Everything recorded so far that a clean page must not have, one line each. */
  faults(): string[];
  close(): Promise<void>;
}

/**
 * Opens a path in a fresh browser context (its own storage) and records faults from the first request on.
 * Options default to a desktop viewport and the light color scheme.
 */
export async function openPage(
  browser: Browser,
  site: Site,
  path: string,
  options: BrowserContextOptions = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const recorded: Recorded = { consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') recorded.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => recorded.pageErrors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== site.origin) recorded.foreignRequests.push(url);
  });
  // Violations are also console errors in Chromium, but the event names the directive and the blocked URI.
  await page.exposeFunction('__reportCspViolation', (line: string) => recorded.cspViolations.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (line: string) => void }).__reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  await page.goto(site.url(path));
  return {
    page,
    ...recorded,
    faults: () => [
      ...recorded.consoleErrors.map((m) => `console error: ${m}`),
      ...recorded.pageErrors.map((m) => `uncaught: ${m}`),
      ...recorded.cspViolations.map((m) => `CSP: ${m}`),
      ...recorded.foreignRequests.map((m) => `foreign request: ${m}`),
    ],
    close: () => context.close(),
  };
}

/** One test file's Chromium and running site (see `useSite`). */
export interface SiteSession extends Omit<Site, 'stop'> {
  readonly browser: Browser;
  /** `openPage` on this session's browser and site. */
  open(path: string, options?: BrowserContextOptions): Promise<OpenedPage>;
}

/**
 * Starts Chromium and the preview server before the calling file's tests and stops both after them. Call it at
 * the top of a test file; use the session inside tests and hooks, once both have started.
 */
export function useSite(): SiteSession {
  let browser: Browser | undefined;
  let site: Site | undefined;
  beforeAll(async () => {
    [browser, site] = await Promise.all([launchBrowser(), startSite()]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} has not started: use the session inside tests and hooks only.`);
    return value;
  };
  return {
    get browser() {
      return started(browser, 'Chromium');
    },
    get origin() {
      return started(site, 'The preview server').origin;
    },
    url: (path) => started(site, 'The preview server').url(path),
    open: (path, options) => openPage(started(browser, 'Chromium'), started(site, 'The preview server'), path, options),
  };
}
