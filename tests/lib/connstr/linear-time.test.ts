/**
 * No quadratic corners: adversarial inputs of about 256 kB and 1 MB must cost about four times as much,
 * not sixteen. The engine has no operation counter, so this compares CPU time: each size is run in
 * interleaved batches after a full GC, the best batch of each is kept, and the 1 MB / 256 kB ratio must
 * stay below 10 (linear is 4, quadratic 16; cache and GC effects put linear code at up to about 7.7 on a
 * loaded two-core machine, so the bound leaves room for that). There is no absolute time limit. `CONNSTR_TIMING=1` prints
 * the figures.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { parse, parseAny, validate } from '../../../src/lib/connstr/index.ts';
import { getCatalog } from '../../../src/lib/providers/load.ts';

const SMALL = 256 * 1024;
/** Interleaved samples per round; another round is taken (up to MAX_ROUNDS) only while the ratio looks too high. */
const SAMPLES = 2;
const MAX_ROUNDS = 4;
/** A batch of runs on the small input takes at least this long, so timer resolution does not matter. */
const MIN_BATCH_MS = 10;
const BOUND = 10;

/** `unit` repeated to about `size` characters, between `head` and `tail`. */
const fill = (size: number, unit: string, head = '', tail = '') =>
  head + unit.repeat(Math.max(1, Math.floor((size - head.length - tail.length) / unit.length))) + tail;

/**
 * CPU time of this thread in ms (`process.threadCpuUsage`, Node 23.9+; the process's otherwise): unlike the
 * wall clock it does not grow while other test files or builds have the CPU.
 */
const cpuNow = (): number => {
  const usage = typeof process.threadCpuUsage === 'function' ? process.threadCpuUsage() : process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

// A full collection before each batch, so no batch pays for the garbage of the one before (the test's own
// process only; `--expose-gc` set at run time makes `gc` available to a fresh context).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function batchTime(run: () => unknown, reps: number): number {
  collectGarbage();
  const start = cpuNow();
  for (let i = 0; i < reps; i++) run();
  return cpuNow() - start;
}

/**
 * Best large-input time over best small-input time. Noise (GC, other processes) only ever adds time, so
 * the best of several runs is the truest figure; a linear function that looks slow once gets another round,
 * while a quadratic one stays near 16 however often it is measured.
 */
function scaling(make: (size: number) => string, run: (text: string) => unknown, smallSize = SMALL): number {
  const small = make(smallSize);
  const large = make(4 * smallSize);
  expect(large.length / small.length).toBeGreaterThan(3.9);
  expect(large.length / small.length).toBeLessThan(4.1);
  run(small); // warm up the JIT
  let reps = 1;
  while (reps < 256 && batchTime(() => run(small), reps) < MIN_BATCH_MS) reps *= 2;
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (let i = 0; i < SAMPLES; i++) {
      bestSmall = Math.min(bestSmall, batchTime(() => run(small), reps));
      bestLarge = Math.min(bestLarge, batchTime(() => run(large), reps));
    }
    if (bestLarge / bestSmall < BOUND) break;
  }
  if (process.env.CONNSTR_TIMING) console.log(`${(bestSmall / reps).toFixed(2)} ms → ${(bestLarge / reps).toFixed(2)} ms: ×${(bestLarge / bestSmall).toFixed(2)}`);
  return bestLarge / bestSmall;
}

const TIMEOUT = 120_000;

describe('parse is linear on adversarial input', () => {
  const shapes: [string, (size: number) => string][] = [
    ['thousands of doubled quotes in one value', (n) => fill(n, "''", "A='", "'")],
    ['an unterminated quote full of doubled quotes', (n) => fill(n, '""', 'A="')],
    ['a key made of == (each a literal =)', (n) => fill(n, '==', '', '=v')],
    ['one long key with no =', (n) => fill(n, 'K')],
    ['a key of ;-separated words and one = at the end', (n) => fill(n, 'a;', '', '=1')],
    ['only separators', (n) => fill(n, ';')],
    ['the same key many times (a duplicate problem each)', (n) => fill(n, 'A=1;')],
    ['text after a closing quote in every pair', (n) => fill(n, "A='x'y;")],
    ['bare values ending in a quote (a fix each)', (n) => fill(n, "A=x';")],
    ['==, quotes and separators mixed', (n) => fill(n, `==;'"=`)],
    ['control characters', (n) => fill(n, 'A=\u0001;')],
    ['NUL padding at the end', (n) => fill(n, '\u0000', 'A=1')],
    ['text after NUL padding, again and again', (n) => fill(n, '\u0000x;')],
    ['spaces inside a bare value', (n) => fill(n, ' x', 'A=')],
    ['nested ProfileSettings full of doubled quotes', (n) => fill(n, 'A=""x;y"";', 'ProfileSettings="', '"')],
    ['nested ProfileSettings with an error and a fix in every pair', (n) => fill(n, 'A=x";', "ProfileSettings='", "'")],
    ['nested ProfileSettings with == keys and duplicates', (n) => fill(n, 'K==ey=1;', "ProfileSettings='", "'")],
    ['a JDBC prefix before one long key', (n) => fill(n, 'K', 'jdbc:api:')],
  ];

  test.each(shapes)('%s', (_name, make) => {
    expect(scaling(make, (text) => parseAny(text))).toBeLessThan(BOUND);
  }, TIMEOUT);

  test('the measurement itself tells linear from quadratic', () => {
    // A deliberately quadratic function on the same sizes must fail the same bound, or the test proves nothing.
    const quadratic = (text: string) => {
      let sum = 0;
      const steps = text.length / 256;
      for (let i = 0; i < steps; i++) for (let j = 0; j < steps; j++) sum += i ^ j;
      return sum;
    };
    expect(scaling((n) => fill(n, 'x'), quadratic)).toBeGreaterThan(BOUND);
    expect(scaling((n) => fill(n, 'A=1;'), (text) => parse(text))).toBeLessThan(BOUND);
  }, TIMEOUT);
});

describe('validate is linear on adversarial input', () => {
  const intercom = getCatalog().services.find((s) => s.id === 'intercom')!;
  const shapes: [string, (size: number) => string][] = [
    // Every misplaced APIKey gets a fix that quotes the bare ProfileSettings value; copying that value per fix was quadratic.
    ['a long bare ProfileSettings value and many misplaced APIKeys', (n) => `ProfileSettings=A=${'x'.repeat(n / 2)};${fill(n / 2, 'APIKey=k;')}`],
    ['one long unknown key', (n) => fill(n, 'K', '', '=1')],
    ['many driver properties inside ProfileSettings', (n) => fill(n, 'Timeout=1;', "ProfileSettings='", "'")],
    ['many properties the method ignores', (n) => fill(n, 'OAuthClientId=1;OAuthClientSecret=2;')],
    ['many wrong types', (n) => fill(n, 'Timeout=abc;Readonly=maybe;CallbackURL=x;')],
    // 200k parse problems: copying them with push(...spread) overflowed the stack.
    ['a syntax error in every pair', (n) => fill(n, 'A=\u0001;')],
  ];

  test.each(shapes)('%s', (_name, make) => {
    expect(scaling(make, (text) => validate(text, intercom))).toBeLessThan(BOUND);
  }, TIMEOUT);

  test('a long URL with a space (16 kB and 64 kB)', () => {
    // A URL regex with two overlapping repetitions backtracked quadratically here. A regex cannot be
    // interrupted, so smaller sizes make a regression fail in seconds instead of hanging for minutes.
    const make = (n: number) => fill(n, 'a', 'CallbackURL="http://', ' b"');
    expect(scaling(make, (text) => validate(text, intercom), 16 * 1024)).toBeLessThan(BOUND);
  }, TIMEOUT);
});
