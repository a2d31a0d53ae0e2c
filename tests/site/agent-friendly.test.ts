/**
 * The built site as agents and hosts see it (issue 22):
 *   - the Agent-Friendly Documentation Spec's own checker (`afdocs`) scores the site served by `npm start`'s server
 *     (src/integrations/preview/server.ts) at 95 or more with no failing check, and prints the score per check;
 *   - a deployable build (`SITE_URL=https://docs.example.com/`, built here into a scratch folder) writes every absolute
 *     URL on that host, none on localhost:4321 (the only `localhost` left is the documented OAuth callback address of
 *     the services' data), and scores the same when served and checked as the production host.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeScore, runChecks } from 'afdocs';
import { afterAll, describe, expect, test } from 'vitest';
import { startStaticServer } from '../../src/integrations/preview/server.ts';
import { assertBuilt, distDir } from '../support/dist.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const quiet = { info: () => {}, error: (message: string) => console.error(message) };

/** Serves a built folder with the preview server, runs every afdocs check on it, and prints the scorecard. */
async function score(folder: string, label: string, canonicalOrigin?: string) {
  const base = (process.env.BASE_PATH ?? '/').replace(/^\/?/, '/').replace(/\/?$/, '/');
  const server = await startStaticServer({ root: folder, base, host: '127.0.0.1', port: 0, logger: quiet });
  try {
    const report = await runChecks(`http://127.0.0.1:${server.port}${base}`, {
      samplingStrategy: 'deterministic',
      maxConcurrency: 4,
      ...(canonicalOrigin ? { canonicalOrigin } : {}),
    });
    const scored = computeScore(report);
    console.log(`afdocs, ${label}: ${scored.overall}/100 (${scored.grade})`);
    for (const result of report.results) console.log(`  ${result.status.padEnd(5)} ${result.id}: ${result.message}`);
    for (const result of report.results.filter((r) => r.status === 'fail')) console.log(JSON.stringify(result.details).slice(0, 3000));
    return { scored, results: report.results };
  } finally {
    await server.stop();
  }
}

/** Every file under a folder, as paths relative to it. */
function files(dir: string, top = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, top) : [relative(top, path)];
  });
}

describe('afdocs on the site as built, served by npm start’s server', () => {
  test('scores at least 95 with no failing check', async () => {
    assertBuilt();
    const { scored, results } = await score(distDir, 'dist/ as built');
    expect(scored.overall).toBeGreaterThanOrEqual(95);
    expect(results.filter((r) => r.status === 'fail' || r.status === 'error').map((r) => `${r.id}: ${r.message}`)).toEqual([]);
  }, 240_000);
});

describe('a deployable build: SITE_URL=https://docs.example.com/', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'connector-deploy-'));
  const out = join(scratch, 'dist');
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  let built = false;
  const build = () => {
    if (built) return;
    const { BASE_PATH: _base, ...env } = process.env;
    const result = spawnSync(join(root, 'node_modules', '.bin', 'astro'), ['build'], {
      cwd: root,
      env: { ...env, SITE_URL: 'https://docs.example.com/', CONNECTOR_OUT_DIR: out, CONNECTOR_CACHE_DIR: join(scratch, 'cache') },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`the SITE_URL build failed:\n${result.stdout}\n${result.stderr}`);
    expect(result.stdout).toContain('Absolute URLs use SITE_URL https://docs.example.com/');
    built = true;
  };
  const read = (path: string) => readFileSync(join(out, path), 'utf8');

  test('holds no localhost:4321 anywhere, and no other localhost than the services’ documented callback address', () => {
    build();
    const texts = files(out).filter((f) => /\.(html|md|txt|json|xml|js|css)$/.test(f));
    expect(texts.length).toBeGreaterThan(20);
    const found = texts.flatMap((f) => [...read(f).matchAll(/localhost(:\d+)?/g)].map((m) => `${f}: ${m[0]}`));
    // The services' documented callback addresses: Intercom's localhost:3333, Discord's localhost:33333.
    expect(found.filter((hit) => !/localhost:3{4,5}$/.test(hit))
      // The builder's check for a network path names "localhost" as a word of its own (not a URL).
      .filter((hit) => !/^_astro\/.*\.js: localhost$/.test(hit))).toEqual([]);
    expect(found.some((hit) => hit.includes(':4321'))).toBe(false);
  }, 240_000);

  test('every absolute URL it writes is on SITE_URL: canonical links, sitemap, robots.txt, Markdown, llms files, catalog', () => {
    build();
    const pages = files(out).filter((f) => f.endsWith('index.html'));
    for (const page of pages) expect(read(page), page).toMatch(/<link rel="canonical" href="https:\/\/docs\.example\.com\//);
    const locs = [...read('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    // An older build’s page (services/<id>/<build>/) names its newest as canonical: only canonical pages are listed.
    expect(locs.length).toBe(pages.filter((p) => !/^services\/[^/]+\/\d+\.\d+\.\d+\.\d+\/index\.html$/.test(p)).length);
    expect(locs.every((loc) => loc.startsWith('https://docs.example.com/'))).toBe(true);
    expect(read('robots.txt')).toContain('Sitemap: https://docs.example.com/sitemap.xml');
    expect(JSON.parse(read('catalog.json')).$schema).toBe('https://docs.example.com/catalog.schema.json');
    for (const file of ['llms.txt', 'llms-full.txt', 'services/intercom.md', 'index.md']) {
      const urls = [...read(file).matchAll(/\]\(([^)\s]+)\)|<(https?:[^>\s]+)>/g)].map((m) => m[1] ?? m[2]!);
      // Links to this site are on SITE_URL (vendor pages a step links to are other sites).
      expect(urls.filter((u) => u.startsWith('https://docs.example.com/')).length, file).toBeGreaterThan(0);
      expect(urls.filter((u) => u.startsWith('/') || u.includes('localhost')), file).toEqual([]);
    }
  }, 240_000);

  test('afdocs scores it at least 95, checked as the production host, with no failing check', async () => {
    build();
    const { scored, results } = await score(out, 'SITE_URL build', 'https://docs.example.com');
    expect(scored.overall).toBeGreaterThanOrEqual(95);
    expect(results.filter((r) => r.status === 'fail' || r.status === 'error').map((r) => `${r.id}: ${r.message}`)).toEqual([]);
  }, 240_000);
});
