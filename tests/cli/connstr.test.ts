/**
 * The connstr CLI driven as a child process, exactly as `npm run connstr --` runs it (the pinned Node,
 * type stripping, the project's own content/), on the fixture files under tests/fixtures/cli/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const node = join(root, 'node_modules', '.bin', 'node');
const fixtures = join(root, 'tests', 'fixtures', 'cli');
const fixture = (name: string) => join('tests', 'fixtures', 'cli', name);

function connstr(args: string[], input?: string) {
  const result = spawnSync(node, ['src/cli/connstr.ts', ...args], {
    cwd: root,
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: root, CONNECTOR_CONTENT_DIR: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

type LintJson = {
  findings: { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string; fix?: string; label?: string; service?: string; property?: string }[];
  summary: { strings: number; errors: number; warnings: number; infos: number };
};
const lintJson = (args: string[], input?: string) => {
  const run = connstr(['lint', '--format', 'json', ...args], input);
  return { ...run, json: JSON.parse(run.stdout) as LintJson };
};

/** The secrets written in the fixtures: none may ever be printed by redact. */
const SECRETS = ['tok_4f9a2c71', 'ac_token_5678', 'SuperSecret-991', 'hs_Secret-7731'];

describe('help', () => {
  test('lists every command and exits 0', () => {
    const { code, stdout } = connstr(['help']);
    expect(code).toBe(0);
    for (const command of ['lint', 'fix', 'redact', 'convert']) expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(stdout).toContain('jdbc|odbc|csharp|java|python');
    // The rule a CI log relies on: reports mask secrets, only the strings asked for keep values.
    expect(stdout).toContain('no report shows a secret value');
    expect(stdout).toContain('Only the\nstrings fix and convert print keep their values');
  });
  test('no command at all prints it as a usage error (exit 2)', () => {
    const { code, stdout } = connstr([]);
    expect(code).toBe(2);
    expect(stdout).toContain('Commands:');
  });
});

describe('lint', () => {
  test('a clean file: exit 0, no findings', () => {
    const { code, json } = lintJson([fixture('clean.txt')]);
    expect(code).toBe(0);
    expect(json.findings).toEqual([]);
    expect(json.summary).toEqual({ strings: 2, errors: 0, warnings: 0, infos: 0 });
  });

  test('findings in a .env file: exit 1, each with file, line, column, severity, message and fix', () => {
    const { code, json } = lintJson([fixture('findings.env')]);
    expect(code).toBe(1);
    const text = readFileSync(join(fixtures, 'findings.env'), 'utf8').split('\n');
    const missing = json.findings.filter((f) => f.code === 'missing-required');
    expect(missing.map((f) => f.message)).toEqual([
      expect.stringContaining('InitiateOAuth=GETANDREFRESH'),
      expect.stringContaining('OAuthClientSecret'),
      expect.stringContaining('User'),
    ]);
    for (const f of missing) {
      expect(f).toMatchObject({ file: fixture('findings.env'), line: 2, severity: 'error', label: 'LEADDESK_CONNECTION', service: 'leaddesk' });
      // The column points at the AuthScheme pair the requirement hangs on, in the file as written.
      expect(text[f.line - 1]!.slice(f.column - 1)).toMatch(/^AuthScheme=OAUTH/);
    }
    expect(missing[0]!.fix).toBe('Add InitiateOAuth=GETANDREFRESH.');
    const unknown = json.findings.find((f) => f.code === 'unknown-service')!;
    expect(unknown).toMatchObject({ line: 3, severity: 'error', label: 'UNKNOWN_CONNECTION' });
    expect(unknown.message).toContain('--service');
    // APP_NAME=demo is not a connection string.
    expect(json.summary.strings).toBe(2);
  });

  test('positions in JSON account for escapes (\\\\ is one character of the string, two of the file)', () => {
    const { code, json } = lintJson([fixture('appsettings.json')]);
    expect(code).toBe(1);
    expect(json.findings).toHaveLength(1);
    const [f] = json.findings;
    expect(f).toMatchObject({ code: 'invalid-integer', severity: 'error', line: 4, label: 'ConnectionStrings.Intercom' });
    const line = readFileSync(join(fixtures, 'appsettings.json'), 'utf8').split('\n')[f!.line - 1]!;
    expect(line.slice(f!.column - 1, f!.endColumn - 1)).toBe('abc');
  });

  test('text output: one line per finding in file:line:column form, the fix under it, then a summary', () => {
    const { code, stdout } = connstr(['lint', fixture('fixable.env')]);
    expect(code).toBe(0);
    expect(stdout).toContain(`${fixture('fixable.env')}:4:61: info noncanonical-name:`);
    expect(stdout).toContain('    fix: Rename to AuthScheme.');
    expect(stdout.trim().split('\n').at(-1)).toBe('2 connection strings checked: 0 errors, 0 warnings, 6 notes.');
  });

  test('strings from arguments and stdin; --service instead of recognition from Profile', () => {
    const arg = lintJson(['Profile=C:\\profiles\\AirCall.apip;AuthScheme=BASIC;User=u1']);
    expect(arg.code).toBe(1);
    expect(arg.json.findings.map((f) => [f.file, f.code])).toEqual([['<argument 1>', 'missing-required']]);

    const piped = lintJson([], 'Profile=C:\\profiles\\Intercom.apip;ProfileSettings=\'APIKey=k1\'\n\nTimeout=x\n');
    expect(piped.json.summary.strings).toBe(2);
    expect(piped.json.findings.map((f) => [f.line, f.code])).toEqual([[3, 'unknown-service']]);

    const forced = lintJson(['--service', 'intercom', 'Timeout=x']);
    expect(forced.json.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['invalid-integer', 'missing-profile']));
    expect(forced.json.findings.every((f) => f.service === 'intercom')).toBe(true);
  });
});

describe('pasting damage, as the Validate tab reads it', () => {
  const damaged = 'Profile=C:\\profiles\\Intercom.apip;ProfileSettings=\u2019APIKey=k\u2019';
  test('lint reports curly quotes where they are', () => {
    const { code, stdout } = connstr(['lint', '--format', 'json', damaged]);
    expect(code).toBe(1);
    const { findings } = JSON.parse(stdout) as { findings: { code: string; column: number }[] };
    expect(findings.map((f) => f.code)).toContain('curly-quote');
    expect(findings.find((f) => f.code === 'curly-quote')?.column).toBe(damaged.indexOf('\u2019') + 1);
  });
  test('fix straightens them, as "Fix all safe problems" does', () => {
    const { code, stdout } = connstr(['fix', damaged]);
    expect(code).toBe(0);
    expect(stdout).toBe("Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=k'\n");
  });
});

describe('the service of a string', () => {
  test('each unrecognized string says why, and is never checked against a guessed service', () => {
    const { code, json } = lintJson(['User=x', 'Profile=Nowhere.apip;User=x', 'Profile=C:\\p\\Intercom;User=x']);
    expect(code).toBe(1);
    expect(json.findings.map((f) => [f.code, f.message.split('. Pass')[0]])).toEqual([
      ['unknown-service', 'The string has no Profile, so it does not say which service it is for'],
      ['unknown-service', 'The Profile names "Nowhere.apip", which is not the profile file of any service here'],
      ['unknown-service', 'The Profile is not the path of a .apip file, so it does not say which service the string is for'],
    ]);
    expect(json.findings.every((f) => f.service === undefined)).toBe(true);
  });

  test('a curly-quoted Profile is still read: one finding per curly quote, and fix keeps the service', () => {
    const pasted = 'Profile=\u201cC:\\profiles\\HelpScout.apip\u201d;ProfileSettings=\u2018APIKey=abc\u2019';
    const linted = lintJson([pasted]);
    expect(linted.json.findings.map((f) => [f.code, f.service])).toEqual([
      ['curly-quote', 'helpscout'],
      ['curly-quote', 'helpscout'],
    ]);
    const fixed = connstr(['fix', pasted]);
    expect(fixed.stdout).toBe("Profile=\"C:\\profiles\\HelpScout.apip\";ProfileSettings='APIKey=abc'\n");
  });

  test('--service against a string for another service: an error without a fix, and fix leaves the Profile', () => {
    const text = "Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=abc'";
    const wrong = lintJson(['--service', 'helpscout', text]).json.findings.find((f) => f.code === 'wrong-profile')!;
    expect(wrong.message).toContain('so this string is likely for another service');
    expect(wrong.fix).toBeUndefined();
    expect(connstr(['fix', '--service', 'helpscout', text]).stdout).toBe(`${text}\n`);
  });

  test('a network path in a file setting is warned about', () => {
    const { json } = lintJson(["Profile=\\\\attacker.example\\share\\Intercom.apip;ProfileSettings='APIKey=x'"]);
    expect(json.findings.map((f) => [f.code, f.severity, f.property])).toEqual([['remote-path', 'warning', 'Profile']]);
    expect(json.findings[0]!.message).toContain('another machine');
  });
});

describe('fix', () => {
  test('applies the safe fixes and prints the corrected file; the file itself is untouched', () => {
    const path = join(fixtures, 'fixable.env');
    const before = { text: readFileSync(path, 'utf8'), mtime: statSync(path).mtimeMs };
    const { code, stdout, stderr } = connstr(['fix', fixture('fixable.env')]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      before.text
        .replace("profilesettings='apikey=", "ProfileSettings='APIKey=")
        .replace('authscheme=basic;user=', 'AuthScheme=BASIC;User=')
        .replace('PASSWORD=', 'Password='),
    );
    expect(stderr).toContain(`${fixture('fixable.env')}:4: fixed: Write BASIC.`);
    expect(readFileSync(path, 'utf8')).toBe(before.text);
    expect(statSync(path).mtimeMs).toBe(before.mtime);
    // The fixed copy lints clean.
    const dir = mkdtempSync(join(tmpdir(), 'connstr-'));
    try {
      writeFileSync(join(dir, '.env'), stdout);
      expect(lintJson([join(dir, '.env')]).json.findings).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('leaves what needs a decision alone, says so, and exits 1; unchanged lines keep their exact text', () => {
    const original = readFileSync(join(fixtures, 'findings.env'), 'utf8');
    const { code, stdout, stderr } = connstr(['fix', fixture('findings.env')]);
    expect(code).toBe(1);
    expect(stdout).toBe(original);
    expect(stderr).toContain('3 errors left that need a decision');
    expect(stderr).toContain('left as is: The Profile names "Nowhere.apip", which is not the profile file of any service here.');
  });

  test('an argument string is printed fixed', () => {
    const { code, stdout } = connstr(['fix', "profile=C:\\profiles\\Intercom.apip;PROFILESETTINGS='apikey=k1'"]);
    expect(code).toBe(0);
    expect(stdout).toBe("Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=k1'\n");
  });
});

describe('redact', () => {
  test.each(['clean.txt', 'fixable.env', 'findings.env', 'appsettings.json'])('%s: no secret is ever printed', (name) => {
    const original = readFileSync(join(fixtures, name), 'utf8');
    const present = SECRETS.filter((s) => original.includes(s));
    expect(present.length).toBeGreaterThan(0);
    for (const args of [[fixture(name)], ['--format', 'json', fixture(name)]]) {
      const { code, stdout, stderr } = connstr(['redact', ...args]);
      expect(code).toBe(0);
      for (const secret of SECRETS) {
        expect(stdout).not.toContain(secret);
        expect(stderr).not.toContain(secret);
      }
      expect(stdout).toContain('********');
    }
  });

  test('masks only the values: names, structure and other settings stay', () => {
    const { stdout } = connstr(['redact', fixture('appsettings.json')]);
    const json = JSON.parse(stdout);
    expect(json.ConnectionStrings.Intercom).toBe("Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=********';Timeout=abc");
    expect(json.ConnectionStrings.HelpScout).toContain('OAuthClientId=hs_id;OAuthClientSecret=********;CallbackURL=');
    expect(json.Logging.LogLevel.Default).toBe('Information');
  });

  test('masks secret-looking names no service documents, and values inside an unclosed quote', () => {
    const { stdout } = connstr(['redact', "Profile=C:\\x\\Unknown.apip;MyPwd=p1;Password='p2;Timeout=5"]);
    expect(stdout).toBe("Profile=C:\\x\\Unknown.apip;MyPwd=********;Password='********\n");
  });
});

describe('convert', () => {
  const input = "Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=k1'";
  test.each([
    ['jdbc', "jdbc:api:Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=k1'"],
    ['odbc', "DSN=CData ODBC API Source;Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=k1'"],
  ])('--to %s', (to, expected) => {
    const { code, stdout } = connstr(['convert', '--to', to, input]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${expected}\n`);
  });
  test.each(['csharp', 'java', 'python'])('--to %s writes a literal of the same string', (to) => {
    const { code, stdout } = connstr(['convert', '--to', to, input]);
    expect(code).toBe(0);
    expect(stdout).toContain('Intercom.apip');
    expect(stdout).toContain('APIKey=k1');
  });
  test('JSON output parses and names where each string came from', () => {
    const { code, stdout } = connstr(['convert', '--to', 'jdbc', '--format', 'json', fixture('clean.txt')]);
    expect(code).toBe(0);
    const { results } = JSON.parse(stdout) as { results: { file: string; line: number; output: string }[] };
    expect(results.map((r) => [r.line, r.output.slice(0, 9)])).toEqual([
      [2, 'jdbc:api:'],
      [3, 'jdbc:api:'],
    ]);
  });
  test('a string the driver would reject is reported, not converted (exit 1)', () => {
    const { code, stdout, stderr } = connstr(['convert', '--to', 'jdbc', "Password=abc'"]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('error unquoted-value-ends-with-quote');
  });
});

test('a broken JSON file is reported without quoting it (it may hold a password)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'connstr-'));
  try {
    const file = join(dir, 'appsettings.json');
    writeFileSync(file, '{ "ConnectionStrings": { "A": Profile=x;Password=hunter2secret } }');
    const { code, stderr } = connstr(['lint', file]);
    expect(code).toBe(2);
    expect(stderr).toContain('not valid JSON (unexpected text where a JSON value belongs)');
    expect(stderr).not.toContain('hunter2');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('bad usage and bad input: a clear message and exit 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown command', ['frobnicate'], /unknown command "frobnicate"; the commands are lint, fix, redact, convert/],
    ['an unknown option', ['lint', '--colour', 'x=1'], /Unknown option '--colour'/],
    ['an unknown service', ['lint', '--service', 'nowhere', 'x=1'], /unknown service "nowhere"; the services are (?:[a-z0-9-]+, )+[a-z0-9-]+\.\n/],
    ['convert without --to', ['convert', 'x=1'], /convert needs --to/],
    ['an unknown --to', ['convert', '--to', 'cobol', 'x=1'], /--to must be one of jdbc, odbc, csharp, java, python/],
    ['an unknown --format', ['lint', '--format', 'xml', 'x=1'], /--format must be text, json or sarif/],
    ['SARIF from another command than lint', ['redact', '--format', 'sarif', 'x=1'], /--format sarif is for lint only/],
    ['an unreadable file', ['lint', fixture('no-such-file.env')], /cannot read tests\/fixtures\/cli\/no-such-file\.env: no such file/],
    ['a folder', ['lint', fixture('')], /it is a folder/],
    ['a file that is not JSON', ['lint', fixture('not-json.json')], /not-json\.json: not valid JSON/],
  ];
  test.each(cases)('%s', (_, args, message) => {
    const { code, stdout, stderr } = connstr(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});

test('a writer\'s draft in the content folder is checked like a finished service (only the site build refuses drafts)', () => {
  const result = spawnSync(node, ['src/cli/connstr.ts', 'lint', "Profile=C:\\profiles\\Widget.apip;ProfileSettings='APIKey=abc'"], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: root, CONNECTOR_CONTENT_DIR: join(root, 'tests', 'fixtures', 'providers', 'draft-content') },
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('1 connection string checked: 0 errors');
});

describe('input files: text only, a byte order mark is fine (issue 20)', () => {
  const withTemp = (files: Record<string, string | Buffer>, run: (path: (name: string) => string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'connstr-input-'));
    try {
      for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
      run((name) => join(dir, name));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const BOM = '\uFEFF';

  test('an appsettings.json saved with a byte order mark (as Visual Studio saves it) is read, positions as without one', () => {
    const json = readFileSync(join(fixtures, 'appsettings.json'), 'utf8');
    withTemp({ 'appsettings.json': BOM + json, 'plain.json': json }, (path) => {
      const marked = lintJson([path('appsettings.json')]);
      const plain = lintJson([path('plain.json')]);
      expect(marked.code).toBe(1);
      expect(marked.stderr).toBe('');
      const where = (run: typeof marked) => run.json.findings.map((f) => [f.line, f.column, f.code]);
      expect(where(marked)).toEqual(where(plain));
      expect(where(marked).length).toBeGreaterThan(0);
    });
  });

  test('columns on the first line of a file with a byte order mark count from the first character a reader sees', () => {
    const line = 'AIRCALL=Profile=C:\\profiles\\AirCall.apip;AuthScheme=BASIC;User=u;Password=p;Timeout=abc';
    withTemp({ 'bom.env': `${BOM}${line}\n` }, (path) => {
      const { json } = lintJson([path('bom.env')]);
      const timeout = json.findings.find((f) => f.code === 'invalid-integer')!;
      expect(timeout).toMatchObject({ line: 1, column: line.indexOf('abc') + 1 });
    });
  });

  test('fix and redact print a copy of a byte-order-marked file with its mark', () => {
    withTemp({ 'fixable.env': BOM + readFileSync(join(fixtures, 'fixable.env'), 'utf8') }, (path) => {
      for (const command of ['fix', 'redact']) {
        const { stdout } = connstr([command, path('fixable.env')]);
        expect(stdout.startsWith(BOM), command).toBe(true);
        expect(stdout.slice(1).includes(BOM), command).toBe(false);
      }
    });
  });

  test.each([
    ['a NUL byte (a binary file)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41, 0x3d, 0x31]), /data\.txt is not a text file: it holds a NUL byte \(at byte 5\)/],
    ['bytes that are not UTF-8 (Latin-1 text)', Buffer.from('Profile=C:\\profiles\\Intercom.apip;User=J\xf6rg\n', 'latin1'), /data\.txt is not UTF-8 text: the byte 0xf6 at byte 41 is not part of a UTF-8 character/],
    ['a UTF-16 file', Buffer.from('\uFEFFProfile=C:\\p\\Intercom.apip', 'utf16le'), /data\.txt is not (a text file|UTF-8 text)/],
  ])('%s is refused: a message naming the file, exit 2, nothing printed', (_, data, message) => {
    withTemp({ 'data.txt': data }, (path) => {
      for (const command of ['lint', 'fix', 'redact']) {
        const { code, stdout, stderr } = connstr([command, path('data.txt')]);
        expect(code, command).toBe(2);
        expect(stdout, command).toBe('');
        expect(stderr, command).toMatch(message);
      }
    });
  });

  test('binary input on stdin is refused too', () => {
    const result = spawnSync(node, ['src/cli/connstr.ts', 'lint'], { cwd: root, input: Buffer.from([0x41, 0x3d, 0x00, 0x31]), env: { ...process.env, INIT_CWD: root } });
    expect(result.status).toBe(2);
    expect(result.stderr.toString()).toMatch(/^connstr: <stdin> is not a text file: it holds a NUL byte \(at byte 3\)/);
  });

  test('a JSON file is read whole, so up to 16 MB', () => {
    withTemp({ 'huge.json': `{"a":"${'x'.repeat(17 * 1024 * 1024)}"}` }, (path) => {
      const { code, stderr } = connstr(['lint', path('huge.json')]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/huge\.json is over 16 MB: a JSON file is read whole/);
    });
  });
});

describe('lint --build', () => {
  const basic = 'Profile=C:\\profiles\\Humanity.apip;AuthScheme=BASIC;InitiateOAuth=GETANDREFRESH;OAuthClientId=id;OAuthClientSecret=sec;User=me;Password=pw';

  test('an older build: a value it does not list draws not-in-build, naming the build that added it', () => {
    const { code, json } = lintJson(['--build', '23.0.8839.0', basic]);
    expect(code).toBe(1);
    const found = json.findings.filter((f) => f.code === 'not-in-build');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', property: 'AuthScheme', service: 'humanity' });
    expect(found[0]!.message).toContain('24.0.9060.0');
    expect(found[0]!.message).toContain('23.0.8839.0');
  });

  test('the newest build (no --build, or named): no such finding', () => {
    expect(lintJson([basic]).json.findings.filter((f) => f.code === 'not-in-build')).toEqual([]);
    expect(lintJson(['--build', '24.0.9300.0', basic]).json.findings.filter((f) => f.code === 'not-in-build')).toEqual([]);
  });

  test('APIKEY on 24.0.9060.0 names 24.0.9300.0', () => {
    const apikey = basic.replace('AuthScheme=BASIC', 'AuthScheme=APIKEY');
    const found = lintJson(['--build', '24.0.9060.0', apikey]).json.findings.filter((f) => f.code === 'not-in-build');
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining('added in build 24.0.9300.0')]);
  });

  test('a build the service does not document: exit 2 with --service, an unknown-build warning without it', () => {
    const refused = connstr(['lint', '--service', 'humanity', '--build', '22.0.1.0', basic]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Humanity is documented for builds 24.0.9300.0, 24.0.9060.0, 23.0.8839.0, not 22.0.1.0.');
    expect(connstr(['lint', '--build', 'latest', basic]).code).toBe(2);
    const intercom = lintJson(['--build', '23.0.8839.0', "Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=abc'"]).json;
    expect(intercom.findings.map((f) => f.code)).toContain('unknown-build');
    expect(intercom.findings.find((f) => f.code === 'unknown-build')!.message).toMatch(/^Intercom is documented for build \S+, not 23\.0\.8839\.0; the string is checked against \S+, the newest\.$/);
  });
});
