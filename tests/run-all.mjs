#!/usr/bin/env node
/**
 * `npm test`: the whole suite, in the order a failure is cheapest to find.
 *   1. `astro check`     type check of src/ and tests (TypeScript strict, .astro files included)
 *   2. `astro build`     the production site plus its Pagefind index (the e2e project reads dist/)
 *   3. Vitest            `unit`, `timing` (the linear-time check, alone) and `e2e` projects, one after another, with
 *                        the JSON reporter writing tests/.out/vitest.json
 * The last line printed is `N passed, N failed`, counted from Vitest's JSON report; CI reads only that line.
 * A failed type check or build counts as one failed test each (the e2e project is skipped after a failed
 * build: it would only report the missing dist/), so a broken build can never print `0 failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const outDir = join(root, 'tests', '.out');
const report = join(outDir, 'vitest.json');
mkdirSync(outDir, { recursive: true });
rmSync(report, { force: true });

function step(label, command, args) {
  console.log(`\n▶ ${label}: ${[command, ...args].map((a) => a.replace(root + '/', '')).join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`${ok ? '✓' : '✗'} ${label} (${seconds} s)${ok ? '' : `: exit ${result.status ?? result.signal}`}`);
  return ok;
}

let stageFailures = 0;
const checked = step('type check', bin('astro'), ['check']);
if (!checked) stageFailures += 1;
const built = step('build', bin('astro'), ['build']);
if (!built) stageFailures += 1;

const projects = built ? ['--project', 'unit', '--project', 'timing', '--project', 'e2e'] : ['--project', 'unit', '--project', 'timing'];
step('tests', bin('vitest'), [
  'run',
  '--config',
  'tests/vitest.config.ts',
  ...projects,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);

let passed = 0;
let failed = stageFailures;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed += json.numFailedTests ?? 0;
  // A file that fails to load (syntax error, failing beforeAll) has no failed tests but is a failure.
  for (const file of json.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).every((t) => t.status !== 'failed')) {
      console.log(`✗ ${file.name.replace(root + '/', '')}: ${(file.message || 'failed to run').split('\n')[0]}`);
      failed += 1;
    }
  }
  const skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  if (skipped > 0) console.log(`(${skipped} skipped or todo, counted as neither passed nor failed)`);
} else {
  console.log('✗ Vitest wrote no JSON report');
  failed += 1;
}
if (passed === 0 && failed === 0) failed = 1; // an empty run is not a green run
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
