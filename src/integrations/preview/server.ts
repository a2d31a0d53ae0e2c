/**
 * The static server behind `astro preview` (and so `npm start`), installed by ./index.ts. Astro's own static
 * preview answered a request whose path decodes to a slash (`/services/a%2Fb/`) with HTTP 500 and a stack trace
 * naming server paths; this one reads every path as a list of decoded segments, serves only files inside the built
 * folder, and answers anything else with the site's 404 page, never a trace. Otherwise it behaves as the preview
 * did: the base path, directory pages with a trailing slash (the short form redirects), the configured headers,
 * gzip for text, and a Host check against DNS rebinding. Run by Node itself (type stripping), so plain TypeScript.
 * It also negotiates: a page asked for with `Accept: text/markdown` (preferred over HTML) is answered with its
 * Markdown twin (`/services/intercom/` → `/services/intercom.md`), as the README asks of a production host.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';

/** Where a request path leads: a file to send, a redirect to the directory form, or nothing. */
export type Route = { kind: 'file'; file: string } | { kind: 'redirect'; location: string } | { kind: 'not-found' };

/** The segments of a path under the base, decoded; undefined when one cannot name a file in the folder. */
export function pathSegments(pathname: string, base: string): string[] | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const segments: string[] = [];
  for (const raw of pathname.slice(base.length).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined; // a malformed escape (%E0%A4%A)
    }
    // An encoded separator or NUL, a step up or in place, or a hidden file: never a file of the built site.
    if (/[/\\\0]/.test(segment) || segment.startsWith('.')) return undefined;
    segments.push(segment);
  }
  return segments;
}

/**
 * The route of a request URL (path and query). `isFile`/`isDir` look at the built folder (injected, so the routing
 * is tested without one). A path without a trailing slash that names a page's folder redirects to the slash form.
 */
export function route(url: string, options: { root: string; base: string; isFile: (path: string) => boolean; isDir: (path: string) => boolean }): Route {
  const { root, base, isFile, isDir } = options;
  const [pathname = '/', query = ''] = url.split(/\?(.*)/s, 2);
  if (`${pathname}/` === base) return { kind: 'redirect', location: base + (query ? `?${query}` : '') };
  const segments = pathSegments(pathname, base);
  if (!segments) return { kind: 'not-found' };
  const path = join(root, ...segments);
  if (!(path + sep).startsWith(root.endsWith(sep) ? root : root + sep) && path !== root) return { kind: 'not-found' };
  const directory = pathname.endsWith('/');
  if (directory) return isFile(join(path, 'index.html')) ? { kind: 'file', file: join(path, 'index.html') } : { kind: 'not-found' };
  if (isFile(path)) return { kind: 'file', file: path };
  if (isDir(path) && isFile(join(path, 'index.html'))) return { kind: 'redirect', location: `${pathname}/${query ? `?${query}` : ''}` };
  return { kind: 'not-found' };
}

/** Whether an Accept header prefers Markdown to HTML (`text/markdown`, or `text/markdown, text/html;q=0.9`). */
export function prefersMarkdown(accept: string | undefined): boolean {
  if (!accept) return false;
  const quality = new Map<string, number>();
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
    quality.set(type.trim(), q ? Number(q[1]) : 1);
  }
  const markdown = quality.get('text/markdown') ?? 0;
  const html = quality.get('text/html') ?? quality.get('text/*') ?? quality.get('*/*') ?? 0;
  return markdown > 0 && markdown > html;
}

/** The Markdown twin of a page's file (`…/services/intercom/index.html` → `…/services/intercom.md`; the home page → `index.md`). */
export function markdownTwin(file: string, root: string): string | undefined {
  if (!file.endsWith(`${sep}index.html`)) return undefined;
  const folder = file.slice(0, -`${sep}index.html`.length);
  return folder === root ? join(root, 'index.md') : `${folder}.md`;
}

/**
 * Whether a Host header may be answered: names that can only reach this machine (localhost, IP literals), the
 * host the server was bound to, and the configured allowed hosts (`.example.com` allows its subdomains).
 */
export function hostAllowed(hostHeader: string | undefined, allowed: string[] | true, boundHost?: string): boolean {
  if (allowed === true) return true;
  if (!hostHeader) return false;
  const name = hostHeader.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (isIP(name) || name === 'localhost' || name.endsWith('.localhost') || name === boundHost?.toLowerCase()) return true;
  return allowed.some((entry) => (entry.startsWith('.') ? name === entry.slice(1) || name.endsWith(entry) : name === entry.toLowerCase()));
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};
const compressible = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

type Logger = { info(message: string): void; error(message: string): void };

export type StaticServerOptions = {
  root: string;
  base: string;
  host: string | undefined;
  port: number;
  headers?: OutgoingHttpHeaders | undefined;
  allowedHosts?: string[] | true | undefined;
  logger: Logger;
};

/** Serves the built folder; resolves once listening (the next free port when the asked one is taken, as Vite does). */
export async function startStaticServer(options: StaticServerOptions) {
  const { root, base, host, headers = {}, allowedHosts = [], logger } = options;
  const isFile = (path: string) => existsSync(path) && statSync(path).isFile();
  const isDir = (path: string) => existsSync(path) && statSync(path).isDirectory();
  const notFoundPage = join(root, '404.html');

  const send = (req: IncomingMessage, res: ServerResponse, status: number, file: string, negotiated = false) => {
    const type = types[extname(file)] ?? 'application/octet-stream';
    const gzip = compressible.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(status, { ...headers, 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff', Vary: negotiated ? 'Accept, Accept-Encoding' : 'Accept-Encoding', ...(gzip ? { 'Content-Encoding': 'gzip' } : { 'Content-Length': statSync(file).size }) });
    if (req.method === 'HEAD') return res.end();
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
  };
  const plain = (res: ServerResponse, status: number, text: string, extra: OutgoingHttpHeaders = {}) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...extra });
    res.end(text);
  };

  const server = createServer((req, res) => {
    try {
      if (!hostAllowed(req.headers.host, allowedHosts, host)) return plain(res, 403, 'This host is not allowed. Add it to server.allowedHosts in astro.config.mjs.');
      if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
      const found = route(req.url ?? '/', { root, base, isFile, isDir });
      if (found.kind === 'file') {
        // A page with a Markdown twin is negotiated: the twin for a client that prefers Markdown, else the HTML.
        const twin = markdownTwin(found.file, root);
        if (twin && isFile(twin)) return send(req, res, 200, prefersMarkdown(req.headers.accept) ? twin : found.file, true);
        return send(req, res, 200, found.file);
      }
      if (found.kind === 'redirect') return plain(res, 301, `Moved to ${found.location}`, { Location: found.location });
      return isFile(notFoundPage) ? send(req, res, 404, notFoundPage) : plain(res, 404, 'Not found.');
    } catch (error) {
      // Logged on the server; the client learns nothing about it.
      logger.error(`${req.method} ${req.url}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) plain(res, 500, 'Internal error.');
      else res.destroy();
    }
  });

  // Idle keep-alive connections stay open a minute, not Node's 5 s: a client that pauses between requests (a checker
  // busy comparing pages, in the same process) otherwise reuses a socket the server has just closed (ECONNRESET).
  server.keepAliveTimeout = 60_000;

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const failed = (error: NodeJS.ErrnoException) => {
        server.off('listening', listening);
        reject(error);
      };
      const listening = () => {
        server.off('error', failed);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      };
      server.once('error', failed);
      server.once('listening', listening);
      server.listen(port, host);
    });
  let port = options.port;
  for (let tries = 0; ; tries++) {
    try {
      port = await listen(port);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || options.port === 0 || tries >= 20) throw error;
      port += 1;
    }
  }
  const shown = !host || host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  logger.info(`Serving ${root} at http://${shown}:${port}${base}`);
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  return {
    host,
    port,
    closed: () => closed,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Astro's preview entry point for an adapter (`previewEntrypoint`): it hands over the resolved server settings. */
export default function preview(params: {
  outDir: URL;
  host: string | undefined;
  port: number;
  base: string;
  headers?: OutgoingHttpHeaders;
  allowedHosts?: string[] | true;
  logger: Logger;
}) {
  const root = fileURLToPath(params.outDir).replace(/[\\/]$/, '');
  return startStaticServer({
    root,
    base: params.base.replace(/\/?$/, '/'),
    host: params.host,
    port: params.port,
    headers: params.headers,
    allowedHosts: params.allowedHosts,
    logger: params.logger,
  });
}
