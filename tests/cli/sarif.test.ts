/**
 * `lint --format sarif`, in-process on the acme fixture: the log validates against the SARIF 2.1.0 JSON schema (the
 * copy Microsoft's SARIF SDK ships in @microsoft/jest-sarif, draft-04, read with Ajv's draft-04 build), has one rule
 * per finding code with its title and, when SITE_URL is set, a help link to the code's troubleshooting page, and one
 * result per finding with the same file, region and level as the JSON report.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { main, type Outcome } from '../../src/cli/connstr.ts';
import { problemCodes } from '../../src/lib/connstr/index.ts';
import { acmeContentDir } from '../support/acme.ts';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
// The schema's patterns are written for non-Unicode regular expressions (one has a lone `]`).
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const fixtures = fileURLToPath(new URL('../fixtures/cli/', import.meta.url));
const cli = (env: Record<string, string>, ...argv: string[]): Outcome =>
  main(argv, { stdin: () => '', stdinIsTty: true, cwd: fixtures, contentDir: acmeContentDir, env });

type Log = {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri?: string; help: { text: string }; shortDescription: { text: string } }[] } };
    artifacts: { location: { uri: string } }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
    }[];
  }[];
};

describe('lint --format sarif', () => {
  const site = { SITE_URL: 'https://docs.example.com/' };
  const sarif = cli(site, 'lint', '--format', 'sarif', 'assembled.env', "Profile=C:\\profiles\\AcmeLedger.apip;Regoin=eu");
  const log = JSON.parse(sarif.stdout) as Log;
  const json = JSON.parse(cli(site, 'lint', '--format', 'json', 'assembled.env', "Profile=C:\\profiles\\AcmeLedger.apip;Regoin=eu").stdout) as {
    findings: { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string }[];
  };

  test('validates against the SARIF 2.1.0 schema', () => {
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
    expect(log.version).toBe('2.1.0');
    // The exit code is lint's: errors were found.
    expect(sarif.code).toBe(1);
  });

  test('the schema check is real: a log without a version or with a bad region fails it', () => {
    const broken = structuredClone(log) as unknown as { version?: string; runs: { results: { locations?: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    delete broken.version;
    expect(validate(broken)).toBe(false);
    const badRegion = structuredClone(log);
    badRegion.runs[0]!.results.find((r) => r.locations)!.locations![0]!.physicalLocation.region.startLine = 0;
    expect(validate(badRegion)).toBe(false);
  });

  test('one rule per finding code, each with its title and its troubleshooting link', () => {
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual([...problemCodes, 'unknown-service', 'unknown-build']);
    for (const rule of rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
      expect(rule.helpUri).toBe(`https://docs.example.com/troubleshooting/${rule.id}/`);
    }
  });

  test('the results are the JSON report’s findings: same code, level, file and region', () => {
    const results = log.runs[0]!.results;
    expect(results.length).toBe(json.findings.length);
    expect(results.length).toBeGreaterThanOrEqual(3);
    const level = { error: 'error', warning: 'warning', info: 'note' } as Record<string, string>;
    results.forEach((result, i) => {
      const finding = json.findings[i]!;
      expect(result.ruleId).toBe(finding.code);
      expect(log.runs[0]!.tool.driver.rules[result.ruleIndex]!.id).toBe(finding.code);
      expect(result.level).toBe(level[finding.severity]);
      if (finding.file.startsWith('<')) {
        // A string given as an argument is no file: no location.
        expect(result.locations).toBeUndefined();
        return;
      }
      const { artifactLocation, region } = result.locations![0]!.physicalLocation;
      expect(artifactLocation.uri).toBe('assembled.env');
      expect(region).toEqual({ startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn });
    });
    expect(log.runs[0]!.artifacts.map((a) => a.location.uri)).toEqual(['assembled.env']);
  });

  test('no secret of the file is in the log', () => {
    expect(sarif.stdout).not.toContain('Zq-pass');
  });

  test('without SITE_URL the rules name the page’s path instead of linking a made-up host', () => {
    const local = JSON.parse(cli({}, 'lint', '--format', 'sarif', 'assembled.env').stdout) as Log;
    expect(validate(local), ajv.errorsText(validate.errors)).toBe(true);
    const rule = local.runs[0]!.tool.driver.rules.find((r) => r.id === 'invalid-integer')!;
    expect(rule.helpUri).toBeUndefined();
    expect(rule.help.text).toContain('/troubleshooting/invalid-integer/');
  });

  test('only lint writes SARIF', () => {
    const out = cli({}, 'fix', '--format', 'sarif', 'assembled.env');
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--format sarif is for lint only/);
  });
});

test('the schema file is the SARIF 2.1.0 schema', () => {
  expect(String(schema.title)).toMatch(/SARIF\) Version 2\.1\.0/);
  expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
});
