#!/usr/bin/env node
/**
 * `npm test`: the whole suite, in the order a failure is cheapest to find, each test project when what it needs is
 * there (tests/vitest.config.ts groups them by need):
 *   1. `astro check`   type check of src/ and tests (TypeScript strict, .astro files included)
 *   2. Vitest          `unit` and `content`: the sources, the fixtures and the real content, no build needed
 *   3. Vitest          `timing`, the linear-time check, alone on the cores
 *   4. `astro build`   the production site plus its Pagefind index
 *   5. Vitest          `site` (the built files), then `browser` (Chromium against them)
 * Each Vitest run writes a JSON report under tests/.out/; the last line printed is `N passed, N failed`, counted
 * from those reports, and CI reads only that line. A failed type check or build counts as one failed test each
 * (the built-site projects are skipped after a failed build: they would only report the missing dist/), so a broken
 * build can never print `0 failed`. Each step prints its time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const outDir = join(root, 'tests', '.out');
mkdirSync(outDir, { recursive: true });

function step(label, command, args) {
  console.log(`\n▶ ${label}: ${[command, ...args].map((a) => a.replace(root + '/', '')).join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`${ok ? '✓' : '✗'} ${label} (${seconds} s)${ok ? '' : `: exit ${result.status ?? result.signal}`}`);
  return ok;
}

/** One Vitest run of some projects, with its own JSON report. */
const reports = [];
function tests(label, projects) {
  const report = join(outDir, `vitest-${label}.json`);
  rmSync(report, { force: true });
  reports.push(report);
  step(`tests: ${label}`, bin('vitest'), [
    'run',
    '--config',
    'tests/vitest.config.ts',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
}

let stageFailures = 0;
if (!step('type check', bin('astro'), ['check'])) stageFailures += 1;
tests('unit-content', ['unit', 'content']);
tests('timing', ['timing']);
const built = step('build', bin('astro'), ['build']);
if (built) tests('site-browser', ['site', 'browser']);
else stageFailures += 1;

let passed = 0;
let failed = stageFailures;
let skipped = 0;
for (const report of reports) {
  if (!existsSync(report)) {
    console.log(`✗ Vitest wrote no JSON report (${report.replace(root + '/', '')})`);
    failed += 1;
    continue;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests ?? 0;
  failed += json.numFailedTests ?? 0;
  skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  // A file that fails to load (syntax error, failing beforeAll) has no failed tests but is a failure.
  for (const file of json.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).every((t) => t.status !== 'failed')) {
      console.log(`✗ ${file.name.replace(root + '/', '')}: ${(file.message || 'failed to run').split('\n')[0]}`);
      failed += 1;
    }
  }
}
if (skipped > 0) console.log(`(${skipped} skipped or todo, counted as neither passed nor failed)`);
if (passed === 0 && failed === 0) failed = 1; // an empty run is not a green run
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
