/**
 * `npm run import` driven as a child process (the pinned Node, type stripping), on the importer's fixture pages,
 * with the acme fixture's shared properties and a scratch output folder: what it writes, prints and exits with.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { acmeEnv } from '../support/acme.ts';

const root = join(import.meta.dirname, '..', '..');
const node = join(root, 'node_modules', '.bin', 'node');
const page = (name: string) => join('tests', 'fixtures', 'import', 'pages', name);

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'import-cli-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

function run(args: string[]) {
  const result = spawnSync(node, ['src/cli/import.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: root, ...acmeEnv },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

type ImportJson = { services: { id: string; file: string; draft: string; written: boolean; build: string; toWrite: number; findings: { code: string; severity: string; line: number; message: string }[] }[] };

// Each test runs the importer as a process, up to seven times: seconds on a loaded two-core machine.
describe('import', () => {
  test('writes one draft per service and prints each finding with its page and line; exit 0 when nothing is at error level', () => {
    const { code, stdout } = run([page('sandboxhr-23.0.8839.0.txt'), '--out', out]);
    expect(code).toBe(0);
    const draft = JSON.parse(readFileSync(join(out, 'sandboxhr.json'), 'utf8'));
    expect(draft).toMatchObject({ id: 'sandboxhr', draft: true, name: 'SandboxHR', dataVersion: { build: '23.0.8839.0', edition: '2024' } });
    expect(stdout).toContain('sandboxhr.json: SandboxHR (build 23.0.8839.0), a draft with');
    expect(stdout).toMatch(/sandboxhr-23\.0\.8839\.0\.txt:13: warning placement-mixed: UseSandbox /);
  });

  test('--format json: services with id, file, build and findings (code, line, message); exit 1 for a page cut off', () => {
    const { code, stdout } = run([page('botly-25.0.9539.0.txt'), page('pipeline-24.0.9060.0.txt'), '--out', out, '--format', 'json']);
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as ImportJson;
    expect(json.services.map((s) => [s.id, s.file, s.build, s.written])).toEqual([
      ['botly', page('botly-25.0.9539.0.txt'), '25.0.9539.0', true],
      ['pipeline', page('pipeline-24.0.9060.0.txt'), '24.0.9060.0', true],
    ]);
    const botly = json.services[0]!;
    expect(botly.findings.map((f) => [f.line, f.code])).toContainEqual([56, 'truncated']);
    expect(botly.findings.find((f) => f.code === 'unplaced-line')).toMatchObject({ severity: 'error', line: 54 });
    for (const f of botly.findings) expect(Object.keys(f).sort()).toEqual(['code', 'line', 'message', 'severity']);
    expect(botly.toWrite).toBeGreaterThan(5);
  });

  test('replaces a draft but refuses a finished service file: exit 2, the file untouched', () => {
    const target = join(out, 'pipeline.json');
    writeFileSync(target, JSON.stringify({ id: 'pipeline', draft: true }));
    expect(run([page('pipeline-24.0.9060.0.txt'), '--out', out]).code).toBe(0);
    expect(JSON.parse(readFileSync(target, 'utf8')).name).toBe('Pipeline');

    const finished = '{ "id": "pipeline", "name": "Pipeline" }\n';
    writeFileSync(target, finished);
    const { code, stderr, stdout } = run([page('pipeline-24.0.9060.0.txt'), '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/pipeline\.json is a finished service file .*not overwritten/);
    expect(stdout).toContain('not written');
    expect(readFileSync(target, 'utf8')).toBe(finished);
  });

  test('bad usage and unreadable input exit 2 with a clear message and write nothing', () => {
    expect(run(['--out', out])).toMatchObject({ code: 2, stderr: expect.stringContaining('give at least one vendor page') });
    expect(run([page('sandboxhr-23.0.8839.0.txt'), '--out', out, '--format', 'xml'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--format must be text or json') });
    expect(run(['no-such-page.txt', '--out', out])).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read no-such-page.txt: no such file') });
    expect(run([page('sandboxhr-23.0.8839.0.txt'), '--nope'])).toMatchObject({ code: 2 });
    const empty = join(out, 'empty.txt');
    writeFileSync(empty, 'Nothing to see here.\n');
    expect(run([empty, '--out', out])).toMatchObject({ code: 2, stderr: expect.stringContaining('holds no vendor help page') });
    const binary = join(out, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x43, 0x6f, 0x00, 0xff, 0xfe, 0x00]));
    expect(run([binary, '--out', out])).toMatchObject({ code: 2, stderr: expect.stringContaining('is not a text file') });
    expect(existsSync(join(out, 'sandboxhr.json'))).toBe(false);
  });

  test('help names every option and the exit codes', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(0);
    for (const word of ['--out', '--format', 'Exit codes', '[to write]', 'draft']) expect(stdout).toContain(word);
  });
});

describe('import diff', () => {
  const diffPage = (name: string) => join('tests', 'fixtures', 'import', 'diff', name);

  test('--format json: {"changes":[{kind, property, before, after}]}, every difference with its direction; exit 0', () => {
    const { code, stdout } = run(['diff', diffPage('ledgerly-23.0.8839.0.txt'), diffPage('ledgerly-24.0.9060.0.txt'), '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { changes: { kind: string; property: string | null; before: string | null; after: string | null }[] };
    expect(json.changes).toContainEqual({ kind: 'value-added', property: 'AuthScheme', before: null, after: 'OAUTH_CLIENT' });
    expect(json.changes).toContainEqual({ kind: 'value-removed', property: 'AuthScheme', before: 'PASSWORD', after: null });
    expect(json.changes).toContainEqual({ kind: 'property-removed', property: 'Timeout', before: 'Timeout', after: null });
    expect(json.changes).toContainEqual({ kind: 'property-added', property: 'InitiateOAuth', before: null, after: 'InitiateOAuth' });
    for (const change of json.changes) expect(Object.keys(change)).toEqual(['kind', 'property', 'before', 'after']);
  });

  test('text: one line per change, and a note when a page is cut off', () => {
    const { code, stdout } = run(['diff', diffPage('ledgerly-24.0.9060.0.txt'), diffPage('ledgerly-24.0.9300.0.txt')]);
    expect(code).toBe(0);
    expect(stdout).toContain('value-added: AuthScheme: value APIKEY added.');
    expect(stdout).toMatch(/not-shown: Region: not shown in 24\.0\.9300\.0/);
    expect(stdout).toMatch(/Note: .*ledgerly-24\.0\.9300\.0\.txt \(24\.0\.9300\.0\) is cut off/);
    expect(stdout).not.toContain('property-removed');
  });

  test('anything but two pages is bad usage (exit 2)', () => {
    expect(run(['diff', diffPage('ledgerly-23.0.8839.0.txt')]).code).toBe(2);
    const missing = run(['diff', diffPage('ledgerly-23.0.8839.0.txt'), 'nope.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read nope.txt: no such file');
  });
});
