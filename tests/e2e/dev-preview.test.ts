/**
 * Writers' live preview: `astro dev` on a copy of the content shows an edit on the next request, reports a bad
 * edit (file and field) in the terminal while still answering, and recovers once the file is fixed. The server
 * runs as a child process through the pinned Node (process.execPath), so its terminal output can be read.
 * Every wait is bounded by a condition with a timeout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

/** Polls `probe` until it returns a value (not undefined), or fails naming what it waited for. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const cause = last ? ` (last error: ${String(last)})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}; the server's terminal ends:\n${output.slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The test process's environment without what Vitest adds to it (VITEST*, TEST, NODE_ENV=test and its
 * import.meta.env mirror: MODE, DEV, PROD, SSR, BASE_URL). With those, Astro's dev server takes itself for a
 * test run (every page a 404) and reads DEV from the string "1"; a writer's `npm run dev` has none of them.
 */
const vitestKeys = new Set(['TEST', 'NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);
function parentEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && !vitestKeys.has(key)));
}

let work: string;
let content: string;
let server: ChildProcess;
let output = '';
let origin: string;

const url = (path: string) => origin + base + path.replace(/^\//, '');
async function get(path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url(path));
  return { status: response.status, body: await response.text() };
}
/** The terminal output written after `mark` (a length of `output` taken before an edit). */
const since = (mark: number) => output.slice(mark);

const serviceFile = () => join(content, 'services', 'intercom.json');
const editJson = (path: string, edit: (data: any) => void) => {
  const data = JSON.parse(readFileSync(path, 'utf8'));
  edit(data);
  writeFileSync(path, JSON.stringify(data, null, 2));
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'connector-dev-preview-'));
  content = join(work, 'content');
  cpSync(join(root, 'content'), content, { recursive: true });
  const port = await freePort();
  server = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    // --ignore-lock: runs beside a writer's own `npm run dev` in this clone, leaving its lock file alone.
    // Its own content store, so it never shares node_modules/.astro with a concurrent build.
    env: { ...parentEnv(), CONNECTOR_CONTENT_DIR: content, CONNECTOR_CACHE_DIR: join(work, 'cache'), FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (output += String(chunk)));
  server.stderr!.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<never>((_, reject) => server.once('exit', (code) => reject(new Error(`astro dev exited (${code}):\n${output}`))));
  exited.catch(() => {}); // observed by the race below; later exits are the afterAll's doing
  const local = await Promise.race([
    waitFor('astro dev to print its address', () => /Local\s+(http:\/\/[^\s/]+)/.exec(output)?.[1], 90_000),
    exited,
  ]);
  origin = local;
  await waitFor('the first service page', async () => {
    const page = await get('/services/intercom/');
    if (page.status !== 200) throw new Error(`HTTP ${page.status}; terminal:\n${output.slice(-2000)}`);
    return true;
  }, 60_000);
}, 120_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const gone = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('astro dev on a copy of the content', () => {
  test('an edited service description shows on the next request', async () => {
    const before = await get('/services/intercom/');
    expect(before.body).not.toContain('Dev preview marker one');
    editJson(serviceFile(), (s) => (s.overview = `Dev preview marker one. ${s.overview}`));
    const body = await waitFor('the new overview on the page', async () => {
      const page = await get('/services/intercom/');
      return page.status === 200 && page.body.includes('Dev preview marker one') ? page.body : undefined;
    });
    expect(body).toContain('Dev preview marker one');
  });

  test('an edited shared property shows on the next request', async () => {
    editJson(join(content, 'properties', 'common.json'), (file) => {
      const timeout = file.properties.find((p: { name: string }) => p.name === 'Timeout');
      timeout.summary = `Dev preview marker two. ${timeout.summary}`;
    });
    await waitFor('the new summary on the reference page', async () => {
      const page = await get('/reference/');
      return page.status === 200 && page.body.includes('Dev preview marker two') ? true : undefined;
    });
  });

  test('a schema violation names the file and field, the server still answers, and fixing it recovers', async () => {
    const original = readFileSync(serviceFile(), 'utf8');
    const mark = output.length;
    editJson(serviceFile(), (s) => (s.properties[0].name = 'APIKye'));
    const expected = 'services/intercom.json › service "intercom" › properties[0].name: unknown property "APIKye" (did you mean "APIKey"?)';
    await waitFor('the error in the terminal', () => (since(mark).includes(expected) ? true : undefined));
    const broken = await waitFor('the error page', async () => {
      const page = await get('/services/intercom/');
      return page.status === 500 ? page : undefined;
    });
    expect(broken.body).toContain('CatalogError');
    // The error reached the overlay's render too: Astro prints the thrown message for the failed request.
    await waitFor('the request error in the terminal', () => (since(mark).split(expected).length > 2 ? true : undefined));
    expect(server.exitCode).toBeNull();
    const favicon = await fetch(url('/favicon.svg'));
    expect(favicon.status).toBe(200);

    writeFileSync(serviceFile(), original);
    await waitFor('the page to recover', async () => {
      const page = await get('/services/intercom/');
      return page.status === 200 && page.body.includes('Dev preview marker one') ? true : undefined;
    });
  });

  test('invalid JSON names the file, and fixing it recovers', async () => {
    const file = join(content, 'properties', 'common.json');
    const original = readFileSync(file, 'utf8');
    const mark = output.length;
    writeFileSync(file, original.slice(0, original.length / 2));
    await waitFor('the JSON error in the terminal', () => (/properties\/common\.json: not valid JSON/.test(since(mark)) ? true : undefined));
    await waitFor('the error page', async () => ((await get('/reference/')).status === 500 ? true : undefined));
    expect(server.exitCode).toBeNull();
    writeFileSync(file, original);
    await waitFor('the page to recover', async () => {
      const page = await get('/reference/');
      return page.status === 200 && page.body.includes('Dev preview marker two') ? true : undefined;
    });
  });

  test('a draft service shows with its fields still to write flagged; removing it takes the page away', async () => {
    const draft = join(content, 'services', 'widget.json');
    const mark = output.length;
    cpSync(join(root, 'tests/fixtures/providers/draft-content/services/widget.json'), draft);
    const body = await waitFor('the draft page', async () => {
      const page = await get('/services/widget/');
      return page.status === 200 ? page.body : undefined;
    }, 40_000);
    expect(body).toContain('Draft, not published:');
    expect(body).toMatch(/3 fields of [^<]*widget\.json still to write/);
    for (const path of ['consoleName', 'overview', 'authMethods[0].steps[0].text']) expect(body).toContain(`<code>${path}</code>`);
    expect(body).toContain('[to write] two or three sentences');
    // The terminal says the same, as a warning: a draft is not an error under astro dev.
    await waitFor('the draft warning in the terminal', () => (/\[WARN\][^\n]*Draft, not published: service "widget" \([^)]*widget\.json\) has 3 fields still to write/.test(since(mark)) ? true : undefined));
    expect(since(mark)).not.toMatch(/widget\.json changed, and the content is invalid/);
    // The finished pages carry no draft notice.
    expect((await get('/services/intercom/')).body).not.toContain('Draft, not published');
    rmSync(draft);
    await waitFor('the draft page to go', async () => ((await get('/services/widget/')).status === 404 ? true : undefined), 40_000);
  });
});
