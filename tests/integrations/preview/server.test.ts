/**
 * The static server behind `astro preview` / `npm start` (src/integrations/preview/server.ts): the routing of a
 * request path (no file outside the built folder, no trace for a path that decodes to a separator), the Host check,
 * and a real server on a scratch folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hostAllowed, markdownTwin, pathSegments, prefersMarkdown, route, startStaticServer } from '../../../src/integrations/preview/server.ts';

describe('pathSegments', () => {
  test.each([
    ['/services/helpscout/', '/', ['services', 'helpscout', '']],
    ['/docs/a%20b/', '/docs/', ['a b', '']],
    ['/services/a%2Fb/', '/', undefined],
    ['/services/a%5Cb/', '/', undefined],
    ['/%2e%2e/etc/passwd', '/', undefined],
    ['/services/../x', '/', undefined],
    ['/.env', '/', undefined],
    ['/a%00b', '/', undefined],
    ['/services/%E0%A4%A/', '/', undefined],
    ['/other/', '/docs/', undefined],
  ])('%s under %s → %j', (path, base, segments) => {
    expect(pathSegments(path, base)).toEqual(segments);
  });
});

describe('route', () => {
  const files = new Set(['/site/index.html', '/site/services/x/index.html', '/site/app.js']);
  const dirs = new Set(['/site', '/site/services', '/site/services/x']);
  const at = (url: string, base = '/') => route(url, { root: '/site', base, isFile: (p) => files.has(p), isDir: (p) => dirs.has(p) });

  test('a page folder serves its index.html; a file itself', () => {
    expect(at('/')).toEqual({ kind: 'file', file: '/site/index.html' });
    expect(at('/services/x/?q=1')).toEqual({ kind: 'file', file: '/site/services/x/index.html' });
    expect(at('/app.js')).toEqual({ kind: 'file', file: '/site/app.js' });
  });

  test('a page folder named without its slash redirects to it, query kept; the base likewise', () => {
    expect(at('/services/x?q=1')).toEqual({ kind: 'redirect', location: '/services/x/?q=1' });
    expect(at('/docs', '/docs/')).toEqual({ kind: 'redirect', location: '/docs/' });
  });

  test('nothing else is found: unknown paths, folders without a page, encoded separators, paths outside the base', () => {
    for (const url of ['/nope/', '/services/', '/services/x%2F/', '/services%2Fx/', '/docs/app.js']) expect(at(url), url).toEqual({ kind: 'not-found' });
    expect(at('/app.js', '/docs/')).toEqual({ kind: 'not-found' });
  });
});

describe('hostAllowed', () => {
  test.each([
    ['localhost:4321', [], true],
    ['127.0.0.1:4321', [], true],
    ['[::1]:4321', [], true],
    ['docs.localhost', [], true],
    ['attacker.example', [], false],
    ['attacker.example', true, true],
    ['docs.example.com', ['docs.example.com'], true],
    ['a.example.com', ['.example.com'], true],
    ['example.com.evil', ['.example.com'], false],
    [undefined, [], false],
  ] as const)('%s with %j → %s', (host, allowed, expected) => {
    expect(hostAllowed(host, allowed as string[] | true)).toBe(expected);
  });
});

describe('content negotiation', () => {
  test.each([
    ['text/markdown', true],
    ['text/markdown, text/html;q=0.9', true],
    ['text/html, text/markdown;q=0.5', false],
    ['text/html,application/xhtml+xml,*/*;q=0.8', false],
    ['*/*', false],
    ['text/markdown;q=0', false],
    ['', false],
  ])('Accept %j prefers Markdown: %s', (accept, expected) => {
    expect(prefersMarkdown(accept)).toBe(expected);
  });

  test('a page folder’s twin is the .md of its path; the home page’s is index.md; a file has none', () => {
    expect(markdownTwin(join('/site', 'services', 'x', 'index.html'), '/site')).toBe(join('/site', 'services', 'x.md'));
    expect(markdownTwin(join('/site', 'index.html'), '/site')).toBe(join('/site', 'index.md'));
    expect(markdownTwin(join('/site', 'app.js'), '/site')).toBeUndefined();
  });
});

describe('a running server', () => {
  let root: string;
  let server: Awaited<ReturnType<typeof startStaticServer>>;
  const errors: string[] = [];
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${server.port}${path}`, { headers, redirect: 'manual' });

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'preview-test-'));
    mkdirSync(join(root, 'services', 'x'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<h1>Home</h1>');
    writeFileSync(join(root, '404.html'), '<h1>Page not found</h1>');
    writeFileSync(join(root, 'services', 'x', 'index.html'), '<h1>X</h1>');
    writeFileSync(join(root, 'services', 'x.md'), '# X');
    server = await startStaticServer({ root, base: '/', host: '127.0.0.1', port: 0, logger: { info: () => {}, error: (m) => errors.push(m) } });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('a path that decodes to a slash is the 404 page, with no trace of the server', async () => {
    for (const path of ['/services/a%2Fb/', '/services/%E0%A4%A/', '/%2e%2e/%2e%2e/etc/passwd']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      const body = await response.text();
      expect(body).toBe('<h1>Page not found</h1>');
      expect(body).not.toContain(root);
    }
    expect(errors).toEqual([]);
  });

  test('pages, gzip when asked, redirects to the slash form, HEAD and other methods', async () => {
    const page = await get('/services/x/', { 'Accept-Encoding': 'gzip' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(await page.text()).toBe('<h1>X</h1>'); // fetch unpacks it
    const redirect = await get('/services/x');
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/services/x/']);
    const head = await fetch(`http://127.0.0.1:${server.port}/`, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
    const post = await fetch(`http://127.0.0.1:${server.port}/`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  test('Accept: text/markdown gets a page’s Markdown twin; every answer for it varies on Accept', async () => {
    const markdown = await get('/services/x/', { Accept: 'text/markdown' });
    expect([markdown.status, markdown.headers.get('content-type'), await markdown.text()]).toEqual([200, 'text/markdown; charset=utf-8', '# X']);
    expect(markdown.headers.get('vary')).toBe('Accept, Accept-Encoding');
    const html = await get('/services/x/', { Accept: 'text/html' });
    expect([html.headers.get('content-type'), await html.text()]).toEqual(['text/html; charset=utf-8', '<h1>X</h1>']);
    expect(html.headers.get('vary')).toBe('Accept, Accept-Encoding');
    // A page without a twin is HTML whatever is asked.
    const home = await get('/', { Accept: 'text/markdown' });
    expect([home.headers.get('content-type'), home.headers.get('vary')]).toEqual(['text/html; charset=utf-8', 'Accept-Encoding']);
  });

  test('a foreign Host is refused (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: server.port, path: '/', headers: { Host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(403);
  });
});
