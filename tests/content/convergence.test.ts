/**
 * Fixes converge. The real example strings (each service's published examples and the vendor examples of
 * tests/fixtures/connstr/examples.json) are mutated as people damage them (typos, case, moves in and out of
 * ProfileSettings, quote damage, duplicates, invisible characters, stray separators, line breaks), then:
 * - applying suggested fixes one after another (fast-check picks which) stops within STEP_LIMIT steps;
 * - no step adds an error code that was not there (unless the fix changes which auth method the string
 *   selects: then that method's requirements are reported, as they should be; or the fix makes an entry
 *   readable, a misspelt name or broken quoting repaired: then that entry's own findings show, see REREAD);
 * - no step loses a word of a value the user typed, except from the entries the fix itself removes or
 *   rewrites (a named removal of a duplicate or an ignored property, a value change it names);
 * - no step leaves an empty `ProfileSettings=''` behind;
 * - `fixAll` converges in one step: run again, it finds nothing to do, and the form pasted does not matter.
 * Case counts: 5,000 + 3,500 + 1,500 = 10,000 generated cases (plus 500 for the printed figures).
 */
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import {
  applyEdits,
  canonicalPairs,
  checkPasted,
  editDistance,
  fixAll,
  foldKey,
  nextSafeFix,
  parseAny,
  readPasted,
  selectMethod,
  serialize,
  toCSharp,
  toJava,
  toJdbcUrl,
  toPython,
  type Entry,
  type Problem,
  type ServiceRules,
} from '../../src/lib/connstr/index.ts';
import { getCatalog } from '../../src/lib/providers/load.ts';
import { serviceRules } from '../../src/lib/providers/rules.ts';
import examples from '../fixtures/connstr/examples.json' with { type: 'json' };

const catalog = getCatalog();
const services = new Map(catalog.services.map((s) => [s.id, serviceRules(s)]));

/** Every real example string with its service. */
const seeds: { text: string; serviceId: string }[] = [
  ...catalog.services.flatMap((s) => s.examples.map((e) => ({ text: e.connectionString, serviceId: s.id }))),
  ...examples.examples.flatMap((e) => ('service' in e && typeof e.service === 'string' && services.has(e.service) ? [{ text: e.input, serviceId: e.service }] : [])),
];

/** A fix may take at most this many steps to settle a mutated example (measured: see the figures test). */
const STEP_LIMIT = 16;

// --- Mutations ----------------------------------------------------------------------------------

const kinds = ['typo', 'case', 'move-out', 'move-in', 'curly', 'mismatch', 'unquote-ps', 'duplicate', 'invisible', 'nbsp', 'separator', 'whitespace', 'line-break', 'enum-case', 'boolean'] as const;
type Mutation = { kind: (typeof kinds)[number]; a: number; b: number };
const mutationArb = fc.record({ kind: fc.constantFrom(...kinds), a: fc.nat(), b: fc.nat() });

/** Every entry of a string, nested ones included, with the list it is in. */
function allEntries(text: string): { entry: Entry; nested: boolean; list: readonly Entry[] }[] {
  const result = parseAny(text);
  return result.entries.flatMap((entry) => [
    { entry, nested: false, list: result.entries },
    ...(entry.nested ? entry.nested.entries.map((e) => ({ entry: e, nested: true, list: entry.nested!.entries })) : []),
  ]);
}

function mutate(text: string, m: Mutation): string {
  const entries = allEntries(text);
  if (entries.length === 0) return text;
  const { entry, nested } = entries[m.a % entries.length]!;
  const key = text.slice(entry.keySpan.start, entry.keySpan.end);
  const at = (s: number, e: number, t: string) => text.slice(0, s) + t + text.slice(e);
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  switch (m.kind) {
    case 'typo': {
      if (key.length < 2) return text;
      const i = m.b % key.length;
      const op = m.b % 4;
      const typed =
        op === 0 ? key.slice(0, i) + key.slice(i + 1) : op === 1 ? key.slice(0, i) + letters[m.b % 52] + key.slice(i) : op === 2 ? key.slice(0, i) + letters[m.b % 52] + key.slice(i + 1) : key.slice(0, i) + key.slice(i + 1, i + 2) + key.slice(i, i + 1) + key.slice(i + 2);
      return at(entry.keySpan.start, entry.keySpan.end, typed);
    }
    case 'case':
      return at(entry.keySpan.start, entry.keySpan.end, m.b % 2 ? key.toLowerCase() : key.toUpperCase());
    case 'move-out': {
      // A nested setting written at the top level (as people do when they miss the quoting).
      if (!nested || entry.value === null) return text;
      const removed = at(entry.span.start, entry.span.end, '');
      return `${removed};${serialize([[entry.key, entry.value]])}`;
    }
    case 'move-in': {
      if (nested || entry.value === null || foldKey(entry.key) === 'profilesettings') return text;
      const result = parseAny(text);
      const ps = result.entries.find((e) => e.nested && e.quoted === "'");
      if (!ps) return `${at(entry.span.start, entry.span.end, '')};ProfileSettings='${serialize([[entry.key, entry.value]]).replaceAll("'", "''")}'`;
      if (entry.span.start > ps.span.start && entry.span.end < ps.span.end) return text;
      const inner = `;${serialize([[entry.key, entry.value]]).replaceAll("'", "''")}`;
      const insertAt = ps.innerSpan.end;
      // Edit the later position first so the earlier one stays valid.
      return entry.span.start > insertAt
        ? at(insertAt, insertAt, inner).slice(0, entry.span.start + inner.length) + text.slice(entry.span.end)
        : text.slice(0, entry.span.start) + text.slice(entry.span.end, insertAt) + inner + text.slice(insertAt);
    }
    case 'curly': {
      const pair = m.b % 2 ? ['\u2018', '\u2019'] : ['\u201c', '\u201d'];
      const raw = text.slice(entry.valueSpan.start, entry.valueSpan.end);
      const inner = entry.quoted ? raw.slice(1, -1) : raw;
      return at(entry.valueSpan.start, entry.valueSpan.end, pair[0] + inner + pair[1]);
    }
    case 'mismatch': {
      if (!entry.quoted || entry.valueSpan.end - entry.valueSpan.start < 2) return text;
      const other = entry.quoted === '"' ? "'" : '"';
      return at(entry.valueSpan.end - 1, entry.valueSpan.end, other);
    }
    case 'unquote-ps': {
      const ps = parseAny(text).entries.find((e) => e.nested && e.quoted);
      if (!ps || ps.value === null) return text;
      return at(ps.valueSpan.start, ps.valueSpan.end, ps.value);
    }
    case 'duplicate': {
      if (entry.value === null) return text;
      const value = m.b % 2 ? entry.value : `${entry.value}x`;
      const pair = serialize([[entry.key, value]]);
      return at(entry.span.end, entry.span.end, `;${nested && parseAny(text).entries.some((e) => e.nested?.quote === "'" && e.nested.entries.includes(entry)) ? pair.replaceAll("'", "''") : pair}`);
    }
    case 'invisible': {
      const pos = entry.keySpan.start + (m.b % Math.max(1, key.length));
      return at(pos, pos, ['\u200b', '\ufeff', '\u200d', '\u00ad'][m.b % 4]!);
    }
    case 'nbsp': {
      const pos = entry.keySpan.start + (m.b % Math.max(1, key.length));
      return at(pos, pos, '\u00a0');
    }
    case 'separator':
      return m.b % 2 ? `${text};` : at(entry.span.end, entry.span.end, ';;');
    case 'whitespace':
      return m.b % 2 ? `  \r\n${text}` : `${text}\r\n `;
    case 'line-break': {
      // A copy that lost the `;` at a line break.
      const next = entries.find((e) => !e.nested && e.entry.span.start > entry.span.end);
      if (nested || !next) return text;
      const gap = text.slice(entry.span.end, next.entry.span.start);
      return gap === ';' ? at(entry.span.end, next.entry.span.start, '\r\n') : text;
    }
    case 'enum-case':
      return entry.value && entry.quoted === null ? at(entry.valueSpan.start, entry.valueSpan.end, m.b % 2 ? entry.value.toLowerCase() : entry.value.toUpperCase()) : text;
    case 'boolean':
      return entry.quoted === null ? at(entry.valueSpan.start, entry.valueSpan.end, ['yes', 'no', 'on', '0'][m.b % 4]!) : text;
  }
}

const caseArb = fc
  .record({ seed: fc.nat(seeds.length - 1), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }) })
  .map(({ seed, mutations }) => {
    const { text, serviceId } = seeds[seed]!;
    return { serviceId, text: mutations.reduce(mutate, text), mutations };
  })
  // The service object is looked up, not generated, so a counterexample prints short.
  .map((c) => Object.defineProperty(c, 'service', { value: services.get(c.serviceId)!, enumerable: false }) as typeof c & { service: ServiceRules });

// --- Invariants ------------------------------------------------------------------------------------

/** Error codes; a mismatched quote is an unterminated quote whose closing quote was found, so they count as one. */
const errorCodes = (problems: readonly Problem[]) =>
  new Set(problems.filter((p) => p.severity === 'error').map((p) => (p.code === 'mismatched-quote' ? 'unterminated-quote' : p.code)));

/** The engine's own answer (`selectMethod`), so the test counts a method change as the validator does. */
function methodOf(text: string, service: ServiceRules): string | undefined {
  return selectMethod(service, readPasted(text).text).method?.id;
}

/** Words of the values typed (quotes, invisible characters and separators aside), and of the keys. */
function words(text: string): { values: Set<string>; keys: Set<string> } {
  const values = new Set<string>();
  const keys = new Set<string>();
  const split = (s: string, into: Set<string>) => {
    for (const w of s.toLowerCase().replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '').split(/[\s;='"\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f]+/)) if (w) into.add(w);
  };
  for (const { entry } of allEntries(readPasted(text).text)) {
    split(entry.key, keys);
    if (entry.value !== null && !entry.nested) split(entry.value, values);
  }
  return { values, keys };
}

/** Words of the values of entries a fix's edits touch (in the text before it). */
function touchedWords(text: string, problem: Problem): Set<string> {
  const touched = new Set<string>();
  const spans = [problem.span, ...(problem.related ?? []), ...problem.fix!.edits];
  for (const { entry } of allEntries(readPasted(text).text)) {
    if (entry.nested || entry.value === null) continue;
    if (!spans.some((s) => s.start <= entry.span.end && s.end >= entry.span.start)) continue;
    for (const w of words(serialize([['k', entry.value]])).values) touched.add(w);
  }
  return touched;
}

/** Words of the values of entries from `start` on: the part of the text a re-reading fix reads anew. */
function rereadWords(text: string, start: number): Set<string> {
  const reread = new Set<string>();
  for (const { entry } of allEntries(readPasted(text).text)) {
    if (entry.nested || entry.value === null || entry.span.end < start) continue;
    for (const w of words(serialize([['k', entry.value]])).values) reread.add(w);
  }
  return reread;
}

/**
 * Fixes that make the validator read an entry anew (a name it now knows, a quote or a line break repaired):
 * the entry and what follows it are checked as they now read, so findings there are revealed, not
 * introduced. This is the region of the text after the fix that such findings may occupy: from the first
 * entry the fix touched to the end, never before it. Other fixes get none.
 */
const REREAD = new Set(['unknown-property', 'line-break-in-value', 'whitespace-control-in-key', 'curly-quote', 'mismatched-quote', 'unquoted-profile-settings', 'invisible-character', 'nonbreaking-space']);
function rereadRegion(text: string, next: string, problem: Problem): { start: number; end: number } | undefined {
  if (!REREAD.has(problem.code)) return undefined;
  const edits = problem.fix!.edits;
  let start = Math.min(...edits.map((e) => e.start));
  let end = Math.max(...edits.map((e) => e.end));
  for (const { entry } of allEntries(text)) {
    if (entry.span.start <= end && entry.span.end >= start) {
      start = Math.min(start, entry.span.start);
      end = Math.max(end, entry.span.end);
    }
  }
  // What follows the change is read anew too (a quote or `;` moves every later boundary), but nothing before it.
  void end;
  return { start, end: next.length };
}

/**
 * An empty ProfileSettings, or an empty value under a damaged spelling of it that a rename would make one, or one
 * that a line break hides (a fix that adds the missing `;` reveals what was typed; it does not create it).
 */
const emptyProfileSettings = (text: string, damagedToo = false) =>
  (damagedToo && /settings[ \t]*=[ \t]*(?:['"\u2018-\u201f]{2})?[ \t]*(?:;|$|[\r\n])/i.test(readPasted(text).text)) ||
  parseAny(readPasted(text).text).entries.some(
    (e) => e.value !== null && e.value.trim() === '' && (damagedToo ? editDistance(plainKey(e.key), 'profilesettings') <= 3 : foldKey(e.key) === 'profilesettings'),
  );
const plainKey = (key: string) => foldKey(key).replace(/[^a-z]/g, '');

/** Picks the fix of step `step` among the problems, or none to stop. */
type Chooser = (problems: readonly Problem[], step: number) => Problem | undefined;
const anyOf =
  (choices: readonly number[]): Chooser =>
  (problems, step) => {
    const fixable = problems.filter((p) => p.fix && p.fix.edits.length > 0);
    return fixable.length === 0 ? undefined : fixable[choices[step % choices.length]! % fixable.length];
  };

/** Applies fixes one after another, as `choose` picks them; checks every step; returns the steps and the final text. */
function settle(start: string, service: ServiceRules, choose: Chooser): { steps: number; text: string } {
  let text = start;
  let problems = checkPasted(text, service).problems;
  for (let step = 0; step <= STEP_LIMIT; step++) {
    const chosen = choose(problems, step);
    if (!chosen) return { steps: step, text };
    const next = applyEdits(text, chosen.fix!.edits);
    const after = checkPasted(next, service).problems;
    const why = `step ${step}: ${chosen.code} (${chosen.fix!.description})\n  ${JSON.stringify(text)}\n→ ${JSON.stringify(next)}`;

    const before = errorCodes(problems);
    const methodChanged = methodOf(text, service) !== methodOf(next, service);
    const region = rereadRegion(text, next, chosen);
    const added = after.filter(
      (p) =>
        p.severity === 'error' &&
        !before.has(p.code === 'mismatched-quote' ? 'unterminated-quote' : p.code) &&
        !(methodChanged && (p.code === 'missing-required' || p.code === 'required-value')) &&
        !(region && p.span.start >= region.start && p.span.end <= region.end),
    );
    expect(added.map((p) => p.code), `new errors after ${why}`).toEqual([]);

    const { values } = words(text);
    const later = words(next);
    // Values read anew (after a repaired quote or line break) may regroup: the fix removed none of their text.
    const allowed = new Set([...touchedWords(text, chosen), ...(region ? rereadWords(text, region.start) : [])]);
    const lost = [...values].filter((w) => !later.values.has(w) && !later.keys.has(w) && !allowed.has(w));
    expect(lost, `values lost after ${why}`).toEqual([]);

    if (!emptyProfileSettings(text, true)) expect(emptyProfileSettings(next), `empty ProfileSettings after ${why}`).toBe(false);
    text = next;
    problems = after;
  }
  throw new Error(`fixes did not settle within ${STEP_LIMIT} steps from ${JSON.stringify(start)}`);
}

// 10,000 cases take about 15 s on a quiet core; the default 5 s per test is for unit tests, not these.
/**
 * The 10,000 cases run from a fixed seed, so a run is repeatable and CI judges the code, not the draw; the search
 * space still holds rare counterexamples (see the note on issue 13). `CONVERGENCE_SEED=random` (or a number)
 * explores other draws; what it finds goes into the plain cases at the end of this file once fixed.
 */
const seedSetting = process.env.CONVERGENCE_SEED;
const seeded = seedSetting === 'random' ? {} : { seed: seedSetting ? Number(seedSetting) : 20_261_202 };

describe('mutated examples', { timeout: 120_000 }, () => {
  test('the seeds are the real examples, and mutations change them', () => {
    // Every service draws mutations from its own examples (some services print one example, some several).
    expect(new Set(seeds.map((s) => s.serviceId))).toEqual(new Set(catalog.services.map((s) => s.id)));
    expect(seeds.length).toBeGreaterThan(catalog.services.length);
    const sample = fc.sample(caseArb, { numRuns: 200, seed: 7 });
    expect(sample.filter((c) => !seeds.some((s) => s.text === c.text)).length).toBeGreaterThan(150);
  });

  propTest.prop([caseArb, fc.array(fc.nat(), { minLength: 1, maxLength: 8 })], { numRuns: 5000, ...seeded })(
    'suggested fixes, applied one after another in any order, settle without new errors, lost values or an empty ProfileSettings',
    ({ text, service }, choices) => {
      expect(settle(text, service, anyOf(choices)).steps).toBeLessThanOrEqual(STEP_LIMIT);
    },
  );

  propTest.prop([caseArb], { numRuns: 3500, ...seeded })('fix all converges in one step; each fix it applies passes the same checks', ({ text, service }) => {
    // The safe fixes one at a time, in fix all's order, each checked as above; fix all must end where they do.
    const stepwise = settle(text, service, (problems) => nextSafeFix(problems));
    const once = fixAll(text, service);
    expect(once.text).toBe(stepwise.text);
    expect(once.applied.length).toBe(stepwise.steps);
    expect(fixAll(once.text, service).applied, JSON.stringify([text, once.text])).toEqual([]);
  });

  const wrappers: [string, (s: string) => string][] = [
    ['C#', (s) => toCSharp(s)],
    ['Java', (s) => toJava(s)],
    ['Python', (s) => toPython(s)],
    ['JDBC', (s) => toJdbcUrl(s)],
    ['ODBC (DSN)', (s) => `DSN=CData ODBC API Source;${s}`],
  ];
  propTest.prop([caseArb, fc.nat(wrappers.length - 1)], { numRuns: 1500, ...seeded })('fix all gives the same pairs whichever form was pasted', ({ text, service }, w) => {
    const [form, wrap] = wrappers[w]!;
    const plain = fixAll(text, service).text;
    // A seed may already be a JDBC URL: wrap its pairs, not the URL, or the prefix would be doubled.
    const wrapped = fixAll(wrap(text.replace(/^\s*jdbc:(?:cdata:)?api:/i, '')), service).text;
    expect(canonicalPairs(readPasted(wrapped).text, service), `${form}: ${JSON.stringify(text)}`).toEqual(canonicalPairs(readPasted(plain).text, service));
  });
});

test('figures: steps to settle and fixes applied by fix all over 500 mutated examples', () => {
  const sample = fc.sample(fc.tuple(caseArb, fc.array(fc.nat(), { minLength: 1, maxLength: 8 })), { numRuns: 500, seed: 13 });
  const steps = sample.map(([c, choices]) => settle(c.text, c.service, anyOf(choices)).steps);
  const applied = sample.map(([c]) => fixAll(c.text, c.service).applied.length);
  const max = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`convergence: steps to settle mean ${mean(steps).toFixed(2)}, max ${max(steps)} (limit ${STEP_LIMIT}); fix all applies mean ${mean(applied).toFixed(2)}, max ${max(applied)}`);
  expect(max(steps)).toBeLessThanOrEqual(STEP_LIMIT);
});

// Counterexamples the properties found, kept as plain cases so they are checked on every run, whatever the seed.
test.each([
  // Two ProfileSettings, the one in effect holding only a setting the method ignores: removing it would have left ProfileSettings=''.
  ['aircall', "Profile=C:\\profiles\\AirCall.apip;ProfileSettings='AuthScheme=OAUTH';ProfileSettings='InitiateOAuth=GETANDREFRESH'"],
  // Moving a value that starts with a curly quote out of ProfileSettings wrote it bare, where it read as damage.
  ['aircall', ";User=my_api_id;Password=my_api_token;ProfileSettings='Profile=\u201c\u201cC:\\profiles\\AirCall.apip\u201d\u201d'"],
  // AuthScheme written under its alias: fixing its value changes the method, as the validator reads it.
  ['helpscout', 'Profile=C:\\profiles\\HelpScout.apip;Auth scheme=OAuth;Auth scheme=OAuthx;InitiateOAuth=GETANDREFRESH;OAuthClientId=your_app_id;OAuthClientSecret=your_app_secret;CallbackUrl=your_callback_url;'],
  // A quote left open to the end: a missing setting added at the end landed inside it, again and again.
  ['discord', "Profile=C:\\profiles\\Discord.apip;AuthScheme=OAUTH;ProfileSettings='Scope=\"identify email guilds\"\";InitiateOAuth=GETANDREFRESH;OAuthClientId=your_client_id;OAuthClientSecret=your_client_secret;CallbackURL=http://localhost:33333"],
  // An unquoted ProfileSettings whose next setting had an invisible character: removing it revealed the settings left out of the list.
  ['icontact', 'Profile=C:\\profiles\\iContact.apip;ProfileSettings=AppId=your_app_id;\u200bUsername=your_username;Password=your_password;AccountId=your_account_id'],
  // A line break hiding a ";" before a second ProfileSettings: adding it regroups what follows, with no text removed.
  ['icontact', "Profile=C:\\profiles\\iContact.apip;rofile=C:\\profiles\\iContact.apip\r\nProfileSettings='AppId=your_app_id;Username=your_username;ProfileSettings='Password=your_password';AccountId=\"your_account_id'\""],
  // A ProfileSettings list in curly quotes, its settings spilling to the top level: moving one into the list quoted the list around the curly quote.
  ['icontact', 'Profile=C:\\profiles\\iContact.apip;ProfileSettings=\u201cAppId=your_app_id;Username=your_username;Password=your_password;AccountId=your_account_id\u201d'],
  ['icontact', 'rofile=C:\\profiles\\iContact.apip;ProfileSettings=\u2018AppId=your_app_id;Username=\u2018your_username\u2019;Password=your_password;AccountId=your_account_id\u2019'],
  ['smarthr', "Profile=C:\\profiles\\SmartHR.apip;ProfileSettings=\u201cAPIKey=YOUR_API_TOKEN;TenantId=1234567890\u201d;UseSandbox=false"],
  // A value opening with a curly quote and a lost ";" after it: quoting the value hid the curly quote inside it.
  ['discord', "Profile=C:\\profiles\\Discord.apip;AuthScheme=\u201cOAUTH\u201d\r\nProfileSettings='Scope=\"identify email guilds\"';InitiateOAuth=GETANDREFRESH;OAuthClientId=your_client_id;OAuthClientSecret=your_client_secret;CallbackURL=http://localhost:33333"],
  ['helpscout', "Profile=\u2018C:\\profiles\\HelpScout.apip\u2019\r\nProfileSettings='APIKey=my_api_key'"],
  // A curly-quoted list under a ProfileSettings name spoilt by an invisible character: its APIKey is missing until both are repaired.
  ['discord', 'Profile=C:\\profiles\\Discord.apip;AuthScheme=APIKEY;ProfileS\u200bettings=\u201cAPIKey=your_bot_token_here\u201d'],
  // Text after the closing quote of a Password the method ignores: removing Password left that text glued to User's value.
  ['kairos3', "Profile=C:\\profiles\\Kairos3.apip;ProfileSettings='Instance=my_instance;AppCd=my_appcd';User=my_user;Password=''my_passwor\"''"],
  // An unquoted ProfileSettings followed by a setting whose bare value ends in a quote: quoting that value raised the list's finding from a note to an error.
  ['kairos3', 'Profile=C:\\profiles\\Kairos3.apip;ProfileSettings=Instance=my_instance;AppCd=my_appcd";ser=my_user;Password=my_password'],
  // A curly-quoted ProfileSettings that a later one overrides, and one whose name a second curly quote spoils: the APIKey in them is missing, before any fix too.
  ['intercom', ";ProfileSettings=\u201cAPIKey=my_api_key\u201d;;ProfileSettings='Profile=C:\\profiles\\Intercom.apip'"],
  ['discord', 'Profile=C:\\profiles\\Discord.apip;AuthScheme=APIKEY;ProfileSettings=\u201c\u2018APIKey=your_bot_token_here\u2019\u201d'],
])('%s: every fix order settles on a found counterexample', (id, text) => {
  const service = serviceRules(getCatalog().services.find((s) => s.id === id)!);
  for (const first of [0, 1, 2, 3, 4, 5]) {
    const { text: settled } = settle(text, service, anyOf([first, 0, 1, 2]));
    expect(emptyProfileSettings(settled), settled).toBe(false);
  }
});
