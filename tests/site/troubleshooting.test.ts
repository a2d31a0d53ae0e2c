/**
 * The built troubleshooting pages: one HTML page and one Markdown twin per finding code, the index linking each,
 * llms.txt listing each, /troubleshooting.json valid against its JSON Schema with every code; and every `docs` link the
 * CLI's JSON gives, for strings that draw many codes, resolves to a built page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { beforeAll, expect, test } from 'vitest';
import { findingCodes } from '../../src/lib/connstr/index.ts';
import { assertBuilt, distDir, readHtml } from '../support/dist';

beforeAll(assertBuilt);

const root = join(import.meta.dirname, '..', '..');
const readJson = (file: string) => JSON.parse(readFileSync(join(distDir, file), 'utf8'));
/** A root-relative site path → the file the static host serves for it. */
const servedFile = (path: string) => join(distDir, decodeURIComponent(path), path.endsWith('/') ? 'index.html' : '');

test('every finding code has its page and Markdown twin, linked from the index and listed in llms.txt', () => {
  const index = readHtml('troubleshooting/index.html');
  const llms = readFileSync(join(distDir, 'llms.txt'), 'utf8');
  for (const code of findingCodes) {
    expect(existsSync(join(distDir, 'troubleshooting', code, 'index.html')), code).toBe(true);
    const md = readFileSync(join(distDir, 'troubleshooting', `${code}.md`), 'utf8');
    expect(md).toMatch(/## What it means[\s\S]*## Why the driver cares[\s\S]*## How to fix it[\s\S]*## Example/);
    expect(index).toContain(`href="/troubleshooting/${code}/"`);
    expect(llms).toContain(`(/troubleshooting/${code}.md)`);
  }
  expect(existsSync(join(distDir, 'troubleshooting.md'))).toBe(true);
});

test('a page shows its words, its checked example and whether the text is our inference', () => {
  const html = readHtml('troubleshooting/stray-separator/index.html');
  expect(html).toContain('What it means');
  expect(html).toMatch(/data-connstr="intercom"/);
  expect(html).toContain('After the checker’s safe fixes');
  const json = readJson('troubleshooting.json');
  for (const entry of json.codes) {
    const page = readHtml(`troubleshooting/${entry.code}/index.html`);
    expect(page.includes('Our inference'), entry.code).toBe(entry.inference);
  }
});

test('an example checked against an older build names that build, links its page and is labelled as that build sees it', () => {
  const html = readHtml('troubleshooting/not-in-build/index.html');
  expect(html).toContain('Before, for <a href="/services/humanity/23.0.8839.0/">Humanity build 23.0.8839.0</a>');
  // An error for 23.0.8839.0 (BASIC came in 24.0.9060.0), though the newest build only warns about it.
  expect(html).toContain('aria-label="Error example: before, for Humanity build 23.0.8839.0"');
  expect(readFileSync(join(distDir, 'troubleshooting', 'not-in-build.md'), 'utf8')).toContain('Before, for [Humanity build 23.0.8839.0](/services/humanity/23.0.8839.0/)');
});

test('troubleshooting.json holds every code and validates against its JSON Schema', () => {
  const schema = readJson('troubleshooting.schema.json');
  const json = readJson('troubleshooting.json');
  expect(json.$schema).toBe(schema.$id);
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  expect(validate({ ...json, codes: [{ ...json.codes[0], code: 'no-such-code' }] })).toBe(false);
  expect(json.codes.map((c: { code: string }) => c.code)).toEqual(findingCodes);
  for (const c of json.codes) expect(existsSync(servedFile(c.url)), c.url).toBe(true);
});

test('every docs link of the CLI’s JSON resolves to a built page', () => {
  // Strings that draw many codes: every page's own example, one a line (the CLI reads a file line by line, so an
  // example holding a line break is given as an argument instead; one holding a NUL can be neither, the CLI refuses it).
  const examples: string[] = readJson('troubleshooting.json')
    .codes.map((c: { example: { before: string } }) => c.example.before)
    .filter((e: string) => !e.includes('\u0000'));
  const dir = mkdtempSync(join(tmpdir(), 'connstr-docs-'));
  try {
    const file = join(dir, 'strings.txt');
    writeFileSync(file, `${examples.filter((e) => !/[\r\n]/.test(e)).join('\n')}\n`);
    const args = ['src/cli/connstr.ts', 'lint', '--format', 'json', file, ...examples.filter((e) => /[\r\n]/.test(e))];
    const run = spawnSync(join(root, 'node_modules', '.bin', 'node'), args, {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, INIT_CWD: root, CONNECTOR_CONTENT_DIR: '', SITE_URL: '', BASE_PATH: '' },
    });
    const findings: { code: string; docs: string }[] = JSON.parse(run.stdout).findings;
    const codes = new Set(findings.map((f) => f.code));
    expect(codes.size).toBeGreaterThanOrEqual(30);
    for (const f of findings) {
      expect(f.docs).toBe(`/troubleshooting/${f.code}/`);
      expect(existsSync(servedFile(f.docs)), f.docs).toBe(true);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
