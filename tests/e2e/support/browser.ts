/**
 * Headless Chromium for the browser tests, found without any manual step and without a download.
 *
 * Order: `CHROMIUM_PATH` (env override) → Debian's `/usr/bin/chromium` → the Chromium shipped inside the
 * `@sparticuz/chromium` devDependency, unpacked once into `<tmpdir>/chromium-sparticuz-<version>/`.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Flags every launch gets: no sandbox (root), no GPU, and nothing that reaches for the (closed) network. */
export const BASE_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Flags from `@sparticuz/chromium`'s `args` that are left out: they make the browser less like a user's
 * (no same-origin policy, mixed content, SharedArrayBuffer without COOP/COEP), `--single-process` breaks a
 * second browser context, and Playwright passes its own `--headless`.
 */
const DROPPED_SPARTICUZ_ARGS = [
  /^--single-process$/,
  /^--disable-web-security$/,
  /^--allow-running-insecure-content$/,
  /^--enable-features=/,
  /^--headless/,
];

export interface ChromiumInfo {
  /** Absolute path of the Chromium binary. */
  executablePath: string;
  /** Extra launch flags (always includes {@link BASE_ARGS}). */
  args: string[];
  /** Where the binary came from. */
  source: 'env' | 'debian' | 'sparticuz';
}

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
let resolved: Promise<ChromiumInfo> | undefined;

/** Finds a Chromium (see the module comment); the result is cached for the process. */
export function findChromium(): Promise<ChromiumInfo> {
  resolved ??= resolveChromium().catch((error: unknown) => {
    resolved = undefined;
    throw error;
  });
  return resolved;
}

async function resolveChromium(): Promise<ChromiumInfo> {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH=${override} does not exist.`);
    return { executablePath: override, args: [...BASE_ARGS], source: 'env' };
  }
  if (existsSync(DEBIAN_CHROMIUM)) {
    return { executablePath: DEBIAN_CHROMIUM, args: [...BASE_ARGS], source: 'debian' };
  }
  return sparticuzChromium();
}

/**
 * Unpacks `@sparticuz/chromium`'s bundled binary with its own `executablePath()`, run in a child process whose
 * TMPDIR is a fresh staging folder, then renames that folder into place. The rename is atomic, so a second test
 * process (or a second engineer's run) never sees a half-written binary, which the package's own `/tmp/chromium`
 * check would hand out.
 */
async function sparticuzChromium(): Promise<ChromiumInfo> {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve('@sparticuz/chromium');
  } catch {
    throw new Error(
      'No Chromium found: set CHROMIUM_PATH, install Debian chromium, or run `npm install` (the ' +
        '@sparticuz/chromium devDependency ships one).',
    );
  }
  // .../node_modules/@sparticuz/chromium/build/cjs/index.cjs → package root
  const pkgRoot = dirname(dirname(dirname(entry)));
  const { version } = JSON.parse(readFileSync(join(pkgRoot, 'package.json'), 'utf8')) as { version: string };
  const cacheDir = join(tmpdir(), `chromium-sparticuz-${version}`);
  const executablePath = join(cacheDir, 'chromium');

  if (!existsSync(executablePath)) {
    const staging = mkdtempSync(join(tmpdir(), `chromium-sparticuz-${version}.staging-`));
    try {
      const script =
        `const c = require(${JSON.stringify(entry)}).default ?? require(${JSON.stringify(entry)});` +
        `c.setGraphicsMode = false;` +
        `c.executablePath().then((p) => process.stdout.write(p), (e) => { console.error(e); process.exit(1); });`;
      const unpacked = await new Promise<string>((resolve, reject) => {
        execFile(
          process.execPath,
          ['-e', script],
          { env: { ...process.env, TMPDIR: staging }, timeout: 120_000 },
          (error, stdout, stderr) => {
            if (error) reject(new Error(`Unpacking @sparticuz/chromium failed: ${error.message}\n${stderr}`));
            else resolve(stdout.trim());
          },
        );
      });
      if (unpacked !== join(staging, 'chromium')) {
        throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, expected ${join(staging, 'chromium')}`);
      }
      // A folder left without its binary (a crash mid-rename cannot happen, but a hand edit can) is replaced.
      if (existsSync(cacheDir) && !existsSync(executablePath)) rmSync(cacheDir, { recursive: true, force: true });
      try {
        renameSync(staging, cacheDir);
      } catch (error) {
        // Another process finished first: use its copy.
        if (!existsSync(executablePath)) throw error;
      }
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }

  const mod = require('@sparticuz/chromium') as { default?: SparticuzChromium } & SparticuzChromium;
  const sparticuz = mod.default ?? mod;
  sparticuz.setGraphicsMode = false;
  const args = sparticuz.args.filter((arg) => !DROPPED_SPARTICUZ_ARGS.some((re) => re.test(arg)));
  return { executablePath, args: [...new Set([...BASE_ARGS, ...args])], source: 'sparticuz' };
}

interface SparticuzChromium {
  readonly args: string[];
  setGraphicsMode: boolean;
}

/**
 * Launches headless Chromium with Playwright. Playwright gives every launch a fresh temporary profile
 * (user-data-dir) and deletes it on `browser.close()`.
 *
 * @param options extra Playwright launch options; `args` are appended to the defaults.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const found = await findChromium();
  return chromium.launch({
    ...options,
    executablePath: found.executablePath,
    headless: options.headless ?? true,
    args: [...found.args, ...(options.args ?? [])],
    timeout: options.timeout ?? 60_000,
  });
}
