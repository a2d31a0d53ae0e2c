/**
 * No quadratic corners: adversarial inputs of about 256 kB and 1 MB must cost about four times as much, not
 * sixteen. The engine has no operation counter, so this compares the best of interleaved batches at the two
 * sizes, timed in the thread's CPU time so a loaded machine does not skew them (support/scaling.ts). It runs in
 * a child process with a clean heap and a young generation large enough that the collector does not set the
 * figure (--max-semi-space-size), and the ratio must stay below 11 (linear is 4, quadratic 16; see BOUND). A
 * deliberately quadratic control must exceed it. There is no absolute time limit. `CONNSTR_TIMING=1` prints the
 * figures.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { acmeRules } from '../../support/acme.ts';
import { BOUND, parseShapes, pastedShapes, validateShapes, type Measured } from './support/scaling.ts';

const probe = fileURLToPath(new URL('./support/scaling-probe.ts', import.meta.url));
let measured: Map<string, Measured>;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'connstr-scaling-'));
  try {
    // The fixture service's rules, not content/: like Intercom it has a token in ProfileSettings and an OAuth method.
    const serviceFile = join(dir, 'acme.json');
    writeFileSync(serviceFile, JSON.stringify(acmeRules()));
    const out = execFileSync(process.execPath, ['--expose-gc', '--max-semi-space-size=64', probe, serviceFile], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const results = JSON.parse(out) as Measured[];
    measured = new Map(results.map((m) => [m.name, m]));
    if (process.env.CONNSTR_TIMING) {
      for (const m of results) console.log(`${m.name}: ${m.smallMs.toFixed(2)} ms → ${m.largeMs.toFixed(2)} ms, ×${m.ratio.toFixed(2)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 300_000);

const ratio = (name: string) => {
  const m = measured.get(name);
  if (!m) throw new Error(`the probe did not measure ${JSON.stringify(name)}`);
  return m.ratio;
};

describe('parse is linear on adversarial input', () => {
  test.each(parseShapes.map(([name]) => name))('%s', (name) => {
    expect(ratio(`parse: ${name}`)).toBeLessThan(BOUND);
  });
  test('plain pairs', () => {
    expect(ratio('parse: plain pairs')).toBeLessThan(BOUND);
  });
});

describe('validate is linear on adversarial input', () => {
  test.each(validateShapes.map(([name]) => name))('%s', (name) => {
    expect(ratio(`validate: ${name}`)).toBeLessThan(BOUND);
  });
  test('a long URL with a space (16 kB and 64 kB)', () => {
    expect(ratio('validate: a long URL with a space (16 kB and 64 kB)')).toBeLessThan(BOUND);
  });
});

describe('checkPasted is linear on adversarial input', () => {
  test.each(pastedShapes.map(([name]) => name))('%s', (name) => {
    expect(ratio(`checkPasted: ${name}`)).toBeLessThan(BOUND);
  });
});

test('the measurement tells a quadratic function from a linear one', () => {
  expect(ratio('control: a quadratic function')).toBeGreaterThan(BOUND);
});
