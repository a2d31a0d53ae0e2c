/**
 * The CLI on the configuration-file forms (issue 22), in-process on the acme fixture: a .env string assembled from
 * other variables is linted as they expand it with each finding in the variable's own line, redact masks the
 * variable that holds a secret, fix leaves the file as is and says why, and convert writes both forms.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { main, type Outcome } from '../../src/cli/connstr.ts';
import { readPasted } from '../../src/lib/connstr/index.ts';
import { acmeContentDir } from '../support/acme.ts';

const cli = (...argv: string[]): Outcome => main(argv, { stdin: () => '', stdinIsTty: true, cwd: process.cwd(), contentDir: acmeContentDir });
const file = fileURLToPath(new URL('../fixtures/cli/assembled.env', import.meta.url));
const text = readFileSync(file, 'utf8');
const lineOf = (needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('a .env string assembled from variables', () => {
  test('lint checks the expanded string and reports each finding where its value is written', () => {
    const out = cli('lint', file, '--format', 'json');
    expect(out.code).toBe(1);
    const { findings } = JSON.parse(out.stdout) as { findings: { line: number; column: number; code: string; label: string }[] };
    const timeout = findings.find((f) => f.code === 'invalid-integer')!;
    expect(timeout).toMatchObject({ line: lineOf('ACME_LEDGER_TIMEOUT='), column: "ACME_LEDGER_TIMEOUT='".length + 1, label: 'ACME_LEDGER_CONNECTION_STRING' });
    const casing = findings.find((f) => f.code === 'noncanonical-name')!;
    expect(casing.line).toBe(lineOf('ACME_LEDGER_CONNECTION_STRING='));
    expect(out.stdout).not.toContain('Zq-pass');
  });

  test('redact masks the variable that holds the secret, in its own line', () => {
    const out = cli('redact', file);
    expect(out.code).toBe(0);
    expect(out.stdout).not.toContain('Zq-pass');
    expect(out.stdout).toContain(`ACME_LEDGER_PASSWORD='"********"'`);
    expect(out.stdout).toContain("ACME_LEDGER_USER='ledger-user'");
    expect(out.stdout.trimEnd()).toBe(text.replace('Zq-pass;word-77', '********').trimEnd());
  });

  test('fix leaves it as is (written back it would inline the secrets) and says what to change', () => {
    const out = cli('fix', file);
    expect(out.stdout.trimEnd()).toBe(text.trimEnd());
    expect(out.stderr).toMatch(/not written back \(ACME_LEDGER_CONNECTION_STRING is assembled from other variables.*\): Rename to AuthScheme/);
    expect(out.stderr).not.toContain('Zq-pass');
  });
});

describe('convert writes both configuration forms, and they read back', () => {
  const string = 'Profile=C:\\profiles\\AcmeLedger.apip;AuthScheme=BASIC;User=u;Password="p;w"';
  test.each(['env', 'appsettings'])('--to %s', (to) => {
    const out = cli('convert', '--to', to, string);
    expect(out.code).toBe(0);
    const reading = readPasted(out.stdout);
    expect(reading.form).toBe(to);
    expect(reading.text).toBe(string);
  });
});
