/**
 * The linear-time measurement (see ../linear-time.test.ts): adversarial input shapes and a timer that compares
 * two sizes. It runs in a child process of its own (scaling-probe.ts), not in the Vitest worker: there the
 * worker's own heap and the test files running beside it made garbage collection grow faster than the input
 * and pushed linear code to ratios of 9–11.
 */
import { checkPasted, parse, parseAny, validate, type ServiceRules } from '../../../../src/lib/connstr/index.ts';

/** A shape may measure from a smaller size: one that allocates a problem per few characters fills the heap at 1 MB. */
export type Shape = [name: string, make: (size: number) => string, smallSize?: number];
/** One measured case: what runs, on which shapes, from which small size. */
export type Measured = { name: string; ratio: number; smallMs: number; largeMs: number };

export const SMALL = 256 * 1024;
/**
 * Linear is 4 (the large input is four times the small one), quadratic 16. Allocation-heavy linear shapes
 * (a problem object per pair) measured up to about 8.4 in wall time, and up to 7.7 in CPU time on a loaded
 * machine: a 1 MB input's objects no longer fit the caches and the young generation the 256 kB one did. The bound
 * sits between that and 16.
 */
export const BOUND = 11;
/** Interleaved samples per round; another round is taken (up to MAX_ROUNDS) only while the ratio looks too high. */
const SAMPLES = 3;
const MAX_ROUNDS = 6;
/** A batch of runs on the small input takes at least this long, so timer resolution does not matter. */
const MIN_BATCH_MS = 20;

/** `unit` repeated to about `size` characters, between `head` and `tail`. */
export const fill = (size: number, unit: string, head = '', tail = '') =>
  head + unit.repeat(Math.max(1, Math.floor((size - head.length - tail.length) / unit.length))) + tail;

/** CPU time of this thread, in milliseconds (user and system). */
function threadCpuMs(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}

/**
 * The CPU time of this thread for `reps` runs, not the wall time: time the thread spends waiting while another
 * process has the core is not counted, so a loaded machine (CI's two cores, a parallel build) does not inflate the
 * large batch more than the small one. Measured under two busy loops: wall-time ratios of linear shapes rose to
 * ×11.2–11.5 (over the bound), CPU-time ratios stayed where an idle machine puts them.
 *
 * No forced collection before a batch: after a full GC the engine shrinks the heap, and the next large run
 * pays for growing it again (measured: ×7.5 instead of ×4.9 for the same linear parse).
 */
function batchTime(run: () => unknown, reps: number): number {
  const start = threadCpuMs();
  for (let i = 0; i < reps; i++) run();
  return threadCpuMs() - start;
}

/**
 * Best large-input time over best small-input time (CPU time, see batchTime). Interference (cache sharing, GC)
 * only ever adds time, so the best of several interleaved batches is the truest figure; a linear function that looks slow once
 * gets another round, while a quadratic one stays near 16 however often it is measured.
 */
export function scaling(name: string, make: (size: number) => string, run: (text: string) => unknown, smallSize = SMALL): Measured {
  const small = make(smallSize);
  const large = make(4 * smallSize);
  const sizeRatio = large.length / small.length;
  if (sizeRatio < 3.9 || sizeRatio > 4.1) throw new Error(`${name}: the inputs are ${sizeRatio.toFixed(2)}× apart, not 4×`);
  // Warm up: the JIT, and the heap grown to what the large input needs (its first runs are the slowest).
  run(small);
  run(large);
  let reps = 1;
  while (reps < 4096 && batchTime(() => run(small), reps) < MIN_BATCH_MS) reps *= 2;
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (let i = 0; i < SAMPLES; i++) {
      bestSmall = Math.min(bestSmall, batchTime(() => run(small), reps));
      bestLarge = Math.min(bestLarge, batchTime(() => run(large), reps));
    }
    if (bestLarge / bestSmall < BOUND) break;
  }
  return { name, ratio: bestLarge / bestSmall, smallMs: bestSmall / reps, largeMs: bestLarge / reps };
}

export const parseShapes: Shape[] = [
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
  // A problem object every 3 characters: at 1 MB the collector, not the parser, set the ratio (×10–17 measured).
  ['text after NUL padding, again and again', (n) => fill(n, '\u0000x;'), 64 * 1024],
  ['spaces inside a bare value', (n) => fill(n, ' x', 'A=')],
  ['nested ProfileSettings full of doubled quotes', (n) => fill(n, 'A=""x;y"";', 'ProfileSettings="', '"')],
  ['nested ProfileSettings with an error and a fix in every pair', (n) => fill(n, 'A=x";', "ProfileSettings='", "'")],
  ['nested ProfileSettings with == keys and duplicates', (n) => fill(n, 'K==ey=1;', "ProfileSettings='", "'")],
  ['a JDBC prefix before one long key', (n) => fill(n, 'K', 'jdbc:api:')],
];

export const validateShapes: Shape[] = [
  // Every misplaced APIKey gets a fix that quotes the bare ProfileSettings value; copying that value per fix was quadratic.
  ['a long bare ProfileSettings value and many misplaced APIKeys', (n) => `ProfileSettings=A=${'x'.repeat(n / 2)};${fill(n / 2, 'APIKey=k;')}`],
  ['one long unknown key', (n) => fill(n, 'K', '', '=1')],
  ['many driver properties inside ProfileSettings', (n) => fill(n, 'Timeout=1;', "ProfileSettings='", "'")],
  ['many properties the method ignores', (n) => fill(n, 'OAuthClientId=1;OAuthClientSecret=2;')],
  ['many wrong types', (n) => fill(n, 'Timeout=abc;Readonly=maybe;CallbackURL=x;')],
  // 200k parse problems: copying them with push(...spread) overflowed the stack.
  ['a syntax error in every pair', (n) => fill(n, 'A=\u0001;')],
  // Secrets are found and masked in every report: a secret with a tail in every pair, distinct secrets to search for.
  ['a secret followed by text without "=" in every pair', (n) => fill(n, 'Password=secret1;tail;')],
  // Each unit the same length (ids padded), so the large input is four times the small one.
  ['many distinct secrets, each duplicated', (n) => Array.from({ length: Math.floor(n / 44) }, (_, i) => { const id = i.toString(36).padStart(6, '0'); return `Password=secret-${id};Password=other-${id};`; }).join('')],
  // A regex tried from every letter of a long value (to find `scheme://user:pass@`) costs the square of its length.
  ['a long unknown value scanned for credentials', (n) => fill(n, 'ab:', 'CustomHeaders=', '://x')],
  ['a long path checked for a network location', (n) => fill(n, 'ab\\', 'OAuthSettingsLocation=\\\\')],
  // The Validate tab's megabyte of `KeyN=v;`: a did-you-mean per distinct unknown key (ids padded to one length).
  ['many distinct unknown keys', (n) => Array.from({ length: Math.floor(n / 12) }, (_, i) => `Key${i.toString(36).padStart(6, '0')}=v;`).join('')],
];

/**
 * What the Validate tab and the CLI run: pasting damage and its echoes on top of validation. A finding and a fix
 * every few characters: from 64 kB, as the heaviest parse shapes do.
 */
export const pastedShapes: Shape[] = [
  ['curly quotes around every value', (n) => fill(n, 'A=\u201cx\u201d;'), 64 * 1024],
  // Every damage finding asked which ProfileSettings list holds it, one list at a time: quadratic.
  ['curly quotes around every ProfileSettings, a requirement inside each', (n) => fill(n, 'ProfileSettings=\u2018APIKey=k\u2019;'), 64 * 1024],
  // Each fix was written back by rewriting the whole ODBC paste and comparing it with the pasted text.
  ['ODBC braced values with a fix in every pair', (n) => fill(n, 'region={eu};', 'Driver={API Driver};'), 64 * 1024],
];

/** A deliberately quadratic function: the measurement must tell it from the engine, or it proves nothing. */
export function quadratic(text: string): number {
  let sum = 0;
  const steps = text.length / 256;
  for (let i = 0; i < steps; i++) for (let j = 0; j < steps; j++) sum += i ^ j;
  return sum;
}

/** Every case, measured one after another. `service` is the one validate() checks against (the acme fixture's rules). */
export function measureAll(service: ServiceRules): Measured[] {
  return [
    ...parseShapes.map(([name, make, small]) => scaling(`parse: ${name}`, make, (text) => parseAny(text), small)),
    scaling('parse: plain pairs', (n) => fill(n, 'A=1;'), (text) => parse(text)),
    ...validateShapes.map(([name, make, small]) => scaling(`validate: ${name}`, make, (text) => validate(text, service), small)),
    // A URL regex with two overlapping repetitions backtracked quadratically here; a regex cannot be
    // interrupted, so smaller sizes make a regression fail in seconds instead of hanging for minutes.
    ...pastedShapes.map(([name, make, small]) => scaling(`checkPasted: ${name}`, make, (text) => checkPasted(text, service), small)),
    scaling('validate: a long URL with a space (16 kB and 64 kB)', (n) => fill(n, 'a', 'CallbackURL="http://', ' b"'), (text) => validate(text, service), 16 * 1024),
    scaling('control: a quadratic function', (n) => fill(n, 'x'), quadratic),
  ];
}
