/**
 * Finds a Chromium for the benchmarks: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then the one the
 * `@sparticuz/chromium` devDependency ships (unpacked into /tmp on first use). Plain JS so the bench
 * scripts need no TypeScript loader; the e2e harness has its own (TypeScript) discovery.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Flags for a headless Chromium on a machine with no network beyond loopback. */
export const chromiumFlags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

let found;
/** @returns {Promise<{ path: string, source: string, version?: string }>} */
export async function findChromium() {
  if (found) return found;
  if (process.env.CHROMIUM_PATH) {
    if (!existsSync(process.env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`);
    return (found = { path: process.env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' });
  }
  if (existsSync('/usr/bin/chromium')) return (found = { path: '/usr/bin/chromium', source: 'Debian chromium' });
  // The browser tests unpack the same binary atomically into <tmpdir>/chromium-sparticuz-<version>/; reuse it
  // when present rather than racing them with a second, non-atomic unpack.
  try {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('@sparticuz/chromium');
    const { version } = JSON.parse(readFileSync(join(dirname(dirname(dirname(entry))), 'package.json'), 'utf8'));
    const shared = join(tmpdir(), `chromium-sparticuz-${version}`, 'chromium');
    if (existsSync(shared)) return (found = { path: shared, source: '@sparticuz/chromium', version });
  } catch {
    // Not installed or laid out differently: the package's own unpacking below decides.
  }
  // executablePath() also sets LD_LIBRARY_PATH/FONTCONFIG_PATH in process.env, which child processes inherit.
  const { default: chromium } = await import('@sparticuz/chromium');
  const path = await chromium.executablePath();
  return (found = { path, source: '@sparticuz/chromium' });
}
