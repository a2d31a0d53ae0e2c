/**
 * The connstr CLI on big files (issue 20 point 4): a single line of `KeyN=v;` pairs after an Intercom Profile
 * (a finding per pair) and a file of ordinary strings one per line, at 1 MB and 5 MB; `lint` for each, `fix` on the
 * 1 MB line. Figures: wall time and peak RSS of the whole process (Node, the catalog, the engine, the report
 * written to a file), and the report's size. `BENCH_CLI_ROOT=<checkout>` measures another checkout's CLI (a
 * before/after comparison) with this project's Node.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './lib/paths.mjs';
import { ms, note, size, table } from './lib/format.mjs';

const MB = 1024 * 1024;
const node = join(root, 'node_modules', '.bin', 'node');
/** Prints the process's peak RSS (kB) on stderr as it exits. */
const reportRss = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\n@@maxrss '+process.resourceUsage().maxRSS+'\\n'))`;

function oneLine(bytes) {
  const parts = ['Profile=C:\\profiles\\Intercom.apip'];
  let length = parts[0].length;
  for (let i = 0; length < bytes; i++) {
    const pair = `Key${i}=v`;
    parts.push(pair);
    length += pair.length + 1;
  }
  return `${parts.join(';')}\n`;
}

function manyLines(bytes) {
  const kinds = [
    "Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=abc';Timeout=abc",
    'Profile=C:\\profiles\\AirCall.apip;User=u;Password=p;authscheme=basic',
    'Profile=C:\\profiles\\HelpScout.apip;AuthScheme=OAUTH;OAuthClientId=x',
  ];
  const lines = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const line = `${kinds[i % kinds.length]};Key${i}=v`;
    lines.push(line);
    length += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

/**
 * @param {{ quick?: boolean, log?: (s: string) => void }} options
 */
export async function measureCli({ quick = false, log = () => {} } = {}) {
  const cliRoot = process.env.BENCH_CLI_ROOT ?? root;
  const dir = mkdtempSync(join(tmpdir(), 'connstr-bench-'));
  const rows = [];
  try {
    const sizes = quick ? [1] : [1, 5];
    const files = [];
    for (const mb of sizes) {
      for (const [shape, make] of [['one line', oneLine], ['one string a line', manyLines]]) {
        const path = join(dir, `${shape.replaceAll(' ', '-')}-${mb}mb.txt`);
        writeFileSync(path, make(mb * MB));
        files.push({ shape, mb, path });
      }
    }
    const runs = [...files.map((f) => ({ ...f, command: 'lint' })), ...files.filter((f) => f.mb === 1 && f.shape === 'one line').map((f) => ({ ...f, command: 'fix' }))];
    for (const run of runs) {
      log(`cli: ${run.command} ${run.shape} ${run.mb} MB`);
      const out = join(dir, 'report.txt');
      const fd = openSync(out, 'w');
      const started = performance.now();
      const result = spawnSync(node, ['--import', reportRss, join(cliRoot, 'src', 'cli', 'connstr.ts'), run.command, run.path], {
        cwd: cliRoot,
        stdio: ['ignore', fd, 'pipe'],
        env: { ...process.env, INIT_CWD: cliRoot },
        maxBuffer: 64 * MB,
      });
      const wallMs = performance.now() - started;
      closeSync(fd);
      const stderr = result.stderr?.toString() ?? '';
      const rss = Number(/@@maxrss (\d+)/.exec(stderr)?.[1] ?? NaN) * 1024;
      rows.push({ command: run.command, shape: run.shape, inputBytes: statSync(run.path).size, wallMs, peakRssBytes: rss, exit: result.status, reportBytes: statSync(out).size });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { cli: cliRoot === root ? 'this checkout' : cliRoot, rows };
}

export function printCli(r) {
  table(`connstr CLI on big files (${r.cli})`, ['command', 'input', 'size', 'time', 'peak RSS', 'exit', 'report'], r.rows.map((row) => [
    row.command,
    row.shape,
    size(row.inputBytes),
    ms(row.wallMs),
    size(row.peakRssBytes),
    row.exit,
    size(row.reportBytes),
  ]));
  note('  Meaning: the whole process (Node, the catalog, the engine) with its report written to a file; peak RSS from');
  note('  process.resourceUsage() at exit. A single line is one connection string, checked whole: its memory is the');
  note('  engine\'s for 100,000s of pairs and findings; a file of many strings is read, checked and reported string by string.');
}
