/**
 * Engine throughput (issue 3): parse and serialize of our engine (src/lib/connstr, run from its TypeScript
 * source) beside @tediousjs/connection-string on the same inputs in the same process, plus the cost of
 * loading the catalog and of validating a typical string against a service.
 *
 * Method: every case warms up first, then runs `reps` timed rounds of at least `roundMs` each; rounds of
 * the two libraries alternate, so a slow moment of the machine hits both. The figure is the median round.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { root } from './lib/paths.mjs';
import { median, spread } from './lib/stats.mjs';
import { note, table } from './lib/format.mjs';

const require = createRequire(import.meta.url);

/** A value the optimizer cannot prove unused, so timed calls are never dropped. */
let sink = 0;

/**
 * Runs `fn` (which processes `items` strings per call) in batches until `ms` have passed.
 * @returns {number} items per second
 */
function round(fn, items, ms) {
  let calls = 0;
  let batch = 1;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < batch; i++) sink ^= fn() | 0;
    calls += batch;
    elapsed = performance.now() - start;
    // Grow batches so the clock is read rarely compared with the work.
    if (elapsed < ms / 20) batch *= 2;
  }
  return (calls * items * 1000) / elapsed;
}

/**
 * Measures cases side by side: warm-up, then `reps` interleaved rounds.
 * @param {{ id: string, fn: () => number, items: number }[]} cases
 * @returns {Map<string, { opsPerSec: number, rounds: number[], spread: number|null }>}
 */
function measure(cases, { reps, roundMs, warmMs }) {
  for (const c of cases) round(c.fn, c.items, warmMs);
  const rounds = new Map(cases.map((c) => [c.id, []]));
  for (let r = 0; r < reps; r++) {
    // Alternate the order every round so neither library always runs right after the other's garbage.
    const order = r % 2 ? [...cases].reverse() : cases;
    for (const c of order) rounds.get(c.id).push(round(c.fn, c.items, roundMs));
  }
  return new Map([...rounds].map(([id, values]) => [id, { opsPerSec: median(values), rounds: values.map(Math.round), spread: spread(values) }]));
}

/** A dependency's version, read from its package.json (not exported by every package). */
export function packageVersion(name) {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

const bytesOf = (strings) => strings.reduce((n, s) => n + Buffer.byteLength(s), 0);

/** The vendor example strings and our canonical examples, from every service file. */
function vendorExamples() {
  const dir = join(root, 'content', 'services');
  const out = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const service = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    for (const example of service.examples) {
      out.push(example.connectionString);
      if (example.vendorText) out.push(example.vendorText);
    }
  }
  return out;
}

/**
 * Input sets. Each is a list of strings both parsers read, and (for serialize) the pairs behind them.
 * @param {any} engine
 */
function inputSets(engine) {
  const { serialize } = engine;
  const vendor = vendorExamples();

  // Values that need quoting in every way the grammar has: spaces, ;, =, ' and " (doubled inside "…").
  const quotedPairs = [
    [['Profile', 'C:\\Program Files\\CData\\profiles\\Help Scout.apip'], ['Password', 'pa;ss=word'], ['OAuthClientSecret', 'say "hi"'], ['Other', "it's here"], ['User', 'John "JJ" O\'Neil']],
    [['ProxyExceptions', 'localhost; 127.0.0.1; *.internal'], ['CustomHeaders', 'X-Tenant: a=b; X-Trace: "on"'], ['Logfile', 'D:\\logs\\api log.txt'], ['Timeout', '  30  ']],
    [['Profile', 'C:\\profiles\\Intercom.apip'], ['ProfileSettings', [['APIKey', 'k;ey"with\'quotes'], ['Region', 'eu west']]], ['FirewallPassword', "'single'"]],
  ].map((pairs) => serialize(pairs));

  // One long string: 200 pairs with realistic names and a mix of bare, quoted and nested values.
  const names = ['Timeout', 'Logfile', 'Verbosity', 'ProxyServer', 'ProxyPort', 'OAuthClientId', 'OAuthClientSecret', 'CallbackURL', 'Location', 'Tables', 'MaxRows', 'CustomHeaders'];
  const longPairs = [['Profile', 'C:\\profiles\\LeadDesk.apip'], ['AuthScheme', 'OAUTH']];
  for (let i = 0; longPairs.length < 200; i++) {
    const key = `${names[i % names.length]}${Math.floor(i / names.length) || ''}`;
    const value = [
      `value_${i}`,
      `C:\\data\\folder ${i}\\file.txt`,
      `a;b;c=${i}`,
      `he said "${i}"`,
      `it's ${i}`,
      String(i * 37),
      `https://example.com/callback/${i}?x=1&y=2`,
    ][i % 7];
    longPairs.push([key, value]);
    // One nested ProfileSettings (a second would be a duplicate key); other nested-looking values stay strings.
    if (i === 25) longPairs.push(['ProfileSettings', [['APIKey', `key_${i}`], ['Subdomain', `acme ${i}`]]]);
    else if (i % 50 === 25) longPairs.push([`Other${i}`, serialize([['APIKey', `key_${i}`], ['Subdomain', `acme ${i}`]])]);
  }
  const long = [serialize(longPairs)];

  const sets = [
    { id: 'vendor', label: 'vendor examples', strings: vendor },
    { id: 'quoted', label: 'quoted values', strings: quotedPairs },
    { id: 'long', label: `long string (${longPairs.length} pairs)`, strings: long },
  ];
  for (const set of sets) set.bytes = bytesOf(set.strings);
  return sets;
}

/** Our pairs of a string (nested lists as pair lists), the input of both serializers. */
function pairsOf(engine, text) {
  const { entries } = engine.parse(text);
  return entries.map((e) => [e.key, e.nested ? e.nested.entries.map((n) => [n.key, n.value ?? '']) : e.value ?? '']);
}

/** The same pairs as tedious' `build` takes them: a record per level (nested records built inside the timed call). */
const toRecord = (pairs) => Object.fromEntries(pairs);

/**
 * @param {{ quick?: boolean, log?: (s: string) => void }} options
 */
export async function runEngine({ quick = false, log = () => {} } = {}) {
  // The TypeScript sources as written, run by Node's type stripping: no bundle, no loader.
  const engine = await import('../../src/lib/connstr/index.ts');
  const tedious = require('@tediousjs/connection-string');
  const tediousVersion = packageVersion('@tediousjs/connection-string');
  const timing = quick ? { reps: 3, roundMs: 100, warmMs: 150 } : { reps: 7, roundMs: 250, warmMs: 500 };
  const sets = inputSets(engine);

  const parse = [];
  const serialize = [];
  for (const set of sets) {
    log(`engine: parse ${set.label}`);
    const strings = set.strings;
    const results = measure(
      [
        { id: 'ours', items: strings.length, fn: () => { let n = 0; for (const s of strings) n += engine.parse(s).entries.length; return n; } },
        { id: 'tedious', items: strings.length, fn: () => { let n = 0; for (const s of strings) n += tedious.parse(s).size; return n; } },
      ],
      timing,
    );
    parse.push(row(set, results));

    log(`engine: serialize ${set.label}`);
    const pairs = strings.map((s) => pairsOf(engine, s));
    const outBytes = {
      ours: bytesOf(pairs.map((p) => engine.serialize(p))),
      tedious: bytesOf(pairs.map((p) => tedious.build(toRecord(p.map(([k, v]) => [k, typeof v === 'string' ? v : tedious.build(toRecord(v))]))))),
    };
    const ser = measure(
      [
        { id: 'ours', items: pairs.length, fn: () => { let n = 0; for (const p of pairs) n += engine.serialize(p).length; return n; } },
        {
          id: 'tedious',
          items: pairs.length,
          fn: () => {
            let n = 0;
            for (const p of pairs) n += tedious.build(toRecord(p.map(([k, v]) => [k, typeof v === 'string' ? v : tedious.build(toRecord(v))]))).length;
            return n;
          },
        },
      ],
      timing,
    );
    serialize.push(row({ ...set, bytes: outBytes.ours, bytesTedious: outBytes.tedious }, ser));
  }

  // Validation needs a service from the catalog: time its load too (cold: the first load in this process).
  log('engine: catalog load and validate');
  const catalogMod = await import('../../src/lib/providers/load.ts');
  const coldStart = performance.now();
  const catalog = catalogMod.loadCatalog();
  const catalogColdMs = performance.now() - coldStart;
  const warmLoads = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    const t = performance.now();
    catalogMod.loadCatalog();
    warmLoads.push(performance.now() - t);
  }
  const intercom = catalog.services.find((s) => s.id === 'intercom');
  const oauth = intercom.examples.find((e) => e.id === 'oauth');
  const validateCases = [
    { id: 'canonical', label: 'Intercom OAuth example as published', text: oauth.connectionString },
    { id: 'vendor', label: "Intercom OAuth, vendor's spelling", text: oauth.vendorText },
    {
      id: 'broken',
      label: 'typo, wrong level, missing secret',
      text: "Profile=C:\\profiles\\Intercom.apip;AuthScheme=oauth;OAuthClientID=abc;CallbackUrl=http://localhost:3333;APIKey=k;ProfileSettings='Timeout=30';Verbosty=3",
    },
  ];
  const validate = [];
  for (const c of validateCases) {
    const problems = engine.validate(c.text, intercom).length;
    const res = measure([{ id: 'v', items: 1, fn: () => engine.validate(c.text, intercom).length }], timing).get('v');
    const canon = measure([{ id: 'c', items: 1, fn: () => engine.canonicalize(c.text, intercom).length }], timing).get('c');
    validate.push({ id: c.id, label: c.label, bytes: Buffer.byteLength(c.text), problems, validateOpsPerSec: Math.round(res.opsPerSec), validateUs: 1e6 / res.opsPerSec, canonicalizeOpsPerSec: Math.round(canon.opsPerSec), spread: res.spread });
  }

  return {
    engineLoadedVia: `Node ${process.versions.node} type stripping`,
    catalogLoadedVia: `Node ${process.versions.node} type stripping`,
    reference: `@tediousjs/connection-string ${tediousVersion}`,
    timing,
    inputs: sets.map((s) => ({ id: s.id, label: s.label, strings: s.strings.length, bytes: s.bytes })),
    parse,
    serialize,
    catalog: { services: catalog.services.length, coldMs: catalogColdMs, warmMsMedian: median(warmLoads), warmMs: warmLoads },
    validate,
    sink,
  };
}

function row(set, results) {
  const ours = results.get('ours');
  const ted = results.get('tedious');
  const perString = set.bytes / set.strings.length;
  const perStringTedious = (set.bytesTedious ?? set.bytes) / set.strings.length;
  return {
    id: set.id,
    label: set.label,
    strings: set.strings.length,
    bytes: set.bytes,
    ours: { opsPerSec: Math.round(ours.opsPerSec), mbPerSec: (ours.opsPerSec * perString) / 1e6, spread: ours.spread, rounds: ours.rounds },
    tedious: { opsPerSec: Math.round(ted.opsPerSec), mbPerSec: (ted.opsPerSec * perStringTedious) / 1e6, spread: ted.spread, rounds: ted.rounds },
    ratio: ours.opsPerSec / ted.opsPerSec,
  };
}

const fmt = (n) => (n == null ? '–' : n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 2));
const pct = (x) => (x == null ? '–' : `${Math.round(x * 100)}%`);

export function printEngine(r) {
  for (const [title, rows] of [
    ['Engine: parse (strings/s, median of rounds)', r.parse],
    ['Engine: serialize (strings/s, median of rounds)', r.serialize],
  ]) {
    table(
      title,
      ['input', 'strings', 'bytes', 'ours /s', 'ours MB/s', 'tedious /s', 'tedious MB/s', 'ours ÷ tedious', 'spread'],
      rows.map((x) => [x.label, x.strings, x.bytes, fmt(x.ours.opsPerSec), fmt(x.ours.mbPerSec), fmt(x.tedious.opsPerSec), fmt(x.tedious.mbPerSec), `${x.ratio.toFixed(2)}x`, `${pct(x.ours.spread)}/${pct(x.tedious.spread)}`]),
    );
  }
  table(
    'Engine: validate against a service (Intercom from getCatalog)',
    ['string', 'bytes', 'problems', 'validate /s', 'µs each', 'canonicalize /s'],
    r.validate.map((v) => [v.label, v.bytes, v.problems, fmt(v.validateOpsPerSec), fmt(v.validateUs), fmt(v.canonicalizeOpsPerSec)]),
  );
  table('Engine: catalog load (content/, every example validated)', ['services', 'first load', 'repeat load (median)'], [[r.catalog.services, `${r.catalog.coldMs.toFixed(1)} ms`, `${r.catalog.warmMsMedian.toFixed(1)} ms`]]);
  note(`  engine: ${r.engineLoadedVia}; catalog: ${r.catalogLoadedVia}; reference: ${r.reference}; ${r.timing.reps} rounds of ≥${r.timing.roundMs} ms after ${r.timing.warmMs} ms warm-up.`);
  note('  Meaning: strings/s = strings parsed (or written) per second by one core; MB/s = input bytes read (parse) or output bytes written');
  note('  (serialize) per second; ours ÷ tedious > 1 means ours is faster on the same inputs (ours also records spans, problems and');
  note('  nested ProfileSettings; tedious returns a Map, and writes ODBC-style {…} quoting). spread = (max−min)/median of the rounds,');
  note('  ours/tedious. Validate = parse + every check + fixes for one string; catalog load = read content/, zod, resolve, validate examples.');
}
