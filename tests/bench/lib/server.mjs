/**
 * A tiny static file server for a built site on 127.0.0.1 (random port): directory URLs serve their
 * index.html, a directory without the trailing slash redirects, unknown paths serve 404.html with status 404.
 * Enough for Lighthouse and a first-search measurement; no caching headers, gzip on text types (as a CDN would).
 * Every request is recorded with its file size (`bytes`) and the body bytes actually sent (`wire`, gzip
 * included), and `pending` counts responses still being written, so a caller can wait for the network to settle.
 */
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { createGzip } from 'node:zlib';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};
const compressible = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

/**
 * @param {string} root the folder to serve (a built `dist/`)
 * @param {{ gzip?: boolean, base?: string }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void>, requests: { path: string, bytes: number, wire: number, status: number, at: number }[], pending: () => number, lastActivity: () => number }>}
 */
export function serveStatic(root, { gzip = true, base = '/' } = {}) {
  const requests = [];
  let pending = 0;
  let lastActivity = performance.now();
  const server = createServer((req, res) => {
    pending++;
    lastActivity = performance.now();
    res.on('close', () => {
      pending--;
      lastActivity = performance.now();
    });
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (base !== '/' && path.startsWith(base)) path = '/' + path.slice(base.length);
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) {
      res.writeHead(403).end();
      return;
    }
    let status = 200;
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { location: `${req.url}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) {
      status = 404;
      file = join(root, '404.html');
      if (!existsSync(file)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
    }
    const type = types[extname(file)] ?? 'application/octet-stream';
    // Hashed build assets are immutable, as any production host serves them; pages revalidate.
    const headers = { 'content-type': type, 'cache-control': path.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache' };
    const size = statSync(file).size;
    const record = { path, bytes: size, wire: 0, status, at: performance.now() };
    requests.push(record);
    if (gzip && compressible.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.writeHead(status, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      const body = createReadStream(file).pipe(createGzip());
      body.on('data', (chunk) => (record.wire += chunk.length));
      body.pipe(res);
    } else {
      res.writeHead(status, { ...headers, 'content-length': size });
      record.wire = size;
      createReadStream(file).pipe(res);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({
        url: `http://127.0.0.1:${port}${base}`,
        port,
        requests,
        pending: () => pending,
        lastActivity: () => lastActivity,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
      });
    });
  });
}
