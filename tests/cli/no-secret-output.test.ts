/**
 * No secret in any output (issue 19), property-based: strings holding random secrets, for the acme fixture
 * service's sensitive settings and for keys no service documents (named like a secret, or carrying a credential),
 * written cleanly or as pasted (duplicated, at the wrong level, in curly quotes, unquoted with a ";" inside, in a
 * C#, JDBC, .env or appsettings.json form), go through every CLI command and format and through the builder model's views. No report may
 * show a secret: lint (text and JSON), fix's notes and JSON notes, redact, convert's notes, the Validate tab's
 * findings, fixes and excerpts, the build view's messages and notice, and the share link. Only the payloads a user
 * asks for (the strings fix and convert print) keep values. The CLI runs in-process (`main`) on the fixture
 * catalog, so every run is cheap and nothing reads content/.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { main, type Outcome } from '../../src/cli/connstr.ts';
import { initialState, reduce, type BuilderState } from '../../src/lib/builder/model.ts';
import { validateView } from '../../src/lib/builder/validation.ts';
import { checkedBuildView, fixAllStep, loadStep, run as runSteps } from '../support/builder-checker.ts';
import { formById, quoteNestedValue, quoteValue, toCSharp, toJdbcUrl } from '../../src/lib/connstr/index.ts';
import { acmeContentDir, acmePayload } from '../support/acme.ts';

/** What the builder island is given about acme. */
const s = acmePayload();
const PROFILE = String.raw`Profile=C:\profiles\AcmeLedger.apip`;

/**
 * A secret: random text with a marker at the start, so it cannot match a word of a report by chance. Quotes, `;`
 * and spaces are in the alphabet: the serializer must quote them, and damaged strings split on them.
 */
const secretChars = fc.constantFrom(...'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789_-+/.:@;\'" ');
const secret = fc.array(secretChars, { minLength: 8, maxLength: 28 }).map((chars) => `Zq${chars.join('')}9`);
/** A secret that can be written unquoted after `;` damage: no quote or `=` (those change how the rest parses). */
const bareSecret = fc.array(fc.constantFrom(...'abcdefghijkmnopqrstuvwxyz23456789_-+/.:@; '), { minLength: 8, maxLength: 28 }).map((chars) => `Zq${chars.join('').trim()}9`);

/** How one secret is written into an acme string. */
type Placement = (value: string) => string;
const placements: Record<string, Placement> = {
  apiKey: (v) => `${PROFILE};ProfileSettings=${quoteNestedValue(`APIKey=${quoteValue(v)}`)}`,
  apiKeyAtTopLevel: (v) => `${PROFILE};APIKey=${quoteValue(v)}`,
  password: (v) => `${PROFILE};AuthScheme=BASIC;User=u;Password=${quoteValue(v)}`,
  passwordTwice: (v) => `${PROFILE};AuthScheme=BASIC;User=u;Password=${quoteValue(v)};Password=${quoteValue(`${v}2`)}`,
  clientSecret: (v) => `${PROFILE};AuthScheme=OAUTH;OAuthClientId=id;OAuthClientSecret=${quoteValue(v)};CallbackURL=http://localhost:3333`,
  clientSecretInProfileSettings: (v) => `${PROFILE};AuthScheme=OAUTH;ProfileSettings=${quoteNestedValue(`OAuthClientSecret=${quoteValue(v)}`)}`,
  curlyQuoted: (v) => `${PROFILE};AuthScheme=BASIC;User=u;Password=\u201c${v.replaceAll('\u201d', '')}\u201d`,
  unknownSecretName: (v) => `${PROFILE};ProfileSettings='APIKey=k';MyApiToken=${quoteValue(v)}`,
  customHeader: (v) => `${PROFILE};ProfileSettings='APIKey=k';CustomHeaders=${quoteValue(`Authorization: Bearer ${v}`)}`,
  nestedToken: (v) => `${PROFILE};ProfileSettings='APIKey=k';Other=${quoteNestedValue(`ApiToken=${quoteValue(v)}`)}`,
  placeholderLike: (v) => `${PROFILE};AuthScheme=BASIC;User=u;Password=my_${v.replace(/[^a-z0-9_]/gi, '_')}`,
  noService: (v) => `User=u;Password=${quoteValue(v)}`,
  // Findings about the value itself (token-prefix, comma-separated-settings) name the property, never the value.
  bearerPrefix: (v) => `${PROFILE};ProfileSettings=${quoteNestedValue(`APIKey=${quoteValue(`Bearer ${v}`)}`)}`,
  bearerPassword: (v) => `${PROFILE};AuthScheme=BASIC;User=u;Password=${quoteValue(`bearer ${v}`)}`,
  commaList: (v) => `${PROFILE};ProfileSettings=${quoteNestedValue(`APIKey=${v.replace(/[;'"=,\s]/g, 'x')},Region=eu`)}`,
};
/** Written unquoted although it holds `;`: the text after the `;` is the rest of the secret. */
const unquoted: Placement = (v) => `${PROFILE};AuthScheme=BASIC;User=u;Password=${v};Timeout=5`;

const forms: Record<string, (text: string) => string> = {
  plain: (t) => t,
  csharp: (t) => toCSharp(t),
  jdbc: (t) => toJdbcUrl(t),
  env: (t) => formById('env').write(t),
  appsettings: (t) => formById('appsettings').write(t),
};

const written = fc.oneof(
  fc.tuple(fc.constantFrom(...Object.keys(placements)), secret, fc.constantFrom(...Object.keys(forms))).map(([how, value, form]) => ({
    how,
    value: how === 'placeholderLike' ? `my_${value.replace(/[^a-z0-9_]/gi, '_')}` : how === 'commaList' ? value.replace(/[;'"=,\s]/g, 'x') : value,
    text: forms[form]!(placements[how]!(value)),
  })),
  bareSecret.map((value) => ({ how: 'unquoted', value, text: unquoted(value) })),
);

/**
 * The shapes a leaked secret could take in a report: as is, as written inside quotes (doubled quotes), escaped
 * for JSON or C#, and any 10-character piece of it (a shortened message shows a prefix).
 */
function leaks(report: string, value: string): string | undefined {
  const shapes = [value, value.replaceAll("'", "''"), value.replaceAll('"', '""'), JSON.stringify(value).slice(1, -1)];
  for (let i = 0; i + 10 <= value.length; i++) shapes.push(value.slice(i, i + 10));
  // A piece of the secret made only of spaces, `;` or letters a report writes anyway is not a leak of it.
  return shapes.find((shape) => /[A-Za-z0-9].*[A-Za-z0-9]/.test(shape) && report.includes(shape));
}

function expectNoLeak(where: string, report: string, value: string): void {
  const found = leaks(report, value);
  expect(found, `${where} shows ${JSON.stringify(found)} of the secret:\n${report}`).toBeUndefined();
}

/** The CLI as `npm run connstr` runs it, on the fixture catalog. */
const cli = (...argv: string[]): Outcome => main(argv, { stdin: () => '', stdinIsTty: true, cwd: process.cwd(), contentDir: acmeContentDir });

/** Every string field of a JSON output, except the payload fields the user asked for. */
function reportFields(json: unknown, payload: ReadonlySet<string>): string {
  const out: string[] = [];
  const walk = (node: unknown, key: string) => {
    if (typeof node === 'string') {
      if (!payload.has(key)) out.push(node);
    } else if (Array.isArray(node)) node.forEach((n) => walk(n, key));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  walk(json, '');
  return out.join('\n');
}

describe('the CLI never prints a secret in a report', () => {
  test.prop([written], { numRuns: 120 })('lint, fix, redact and convert, text and JSON', ({ text, value }) => {
    const lint = cli('lint', text);
    expectNoLeak('lint', lint.stdout + lint.stderr, value);
    const lintJson = cli('lint', '--format', 'json', text);
    expectNoLeak('lint --format json', reportFields(JSON.parse(lintJson.stdout), new Set()) + lintJson.stderr, value);
    const lintSarif = cli('lint', '--format', 'sarif', text);
    expectNoLeak('lint --format sarif', lintSarif.stdout + lintSarif.stderr, value);

    const fix = cli('fix', text);
    // stdout is the fixed string the user asked for; stderr is the report.
    expectNoLeak('fix (notes)', fix.stderr, value);
    const fixJson = cli('fix', '--format', 'json', text);
    expectNoLeak('fix --format json (notes)', reportFields(JSON.parse(fixJson.stdout), new Set(['output'])) + fixJson.stderr, value);

    for (const format of ['text', 'json']) {
      const redact = cli('redact', '--format', format, text);
      expectNoLeak(`redact --format ${format}`, redact.stdout + redact.stderr, value);
    }

    for (const to of ['jdbc', 'csharp']) {
      const convert = cli('convert', '--to', to, text);
      expectNoLeak(`convert --to ${to} (notes)`, convert.stderr, value);
      const convertJson = cli('convert', '--to', to, '--format', 'json', text);
      expectNoLeak(`convert --to ${to} --format json`, reportFields(JSON.parse(convertJson.stdout || '{}'), new Set(['output'])) + convertJson.stderr, value);
    }
    // Nine CLI runs per string, each loading the fixture catalog: about 25 ms a string alone, more on a busy machine.
  });
});

describe('the builder never shows a secret outside its fields', () => {
  const run = (state: BuilderState, ...actions: Parameters<typeof reduce>[1][]) => actions.reduce(reduce, state);

  test.prop([written, fc.boolean()], { numRuns: 200 })('validate view, excerpts, build view after loading, share link', ({ text, value }, fixed) => {
    const pasted = run(initialState(s, 'validate'), { type: 'paste', text });
    const view = validateView(pasted, s, [s], fixed);
    const findings = view.findings.flatMap((p) => [p.message, p.fix?.description ?? '', p.excerpt.before, p.excerpt.marked, p.excerpt.after]);
    expectNoLeak('the Validate tab', [view.summary, view.needsService ?? '', view.formLabel ?? '', ...findings].join('\n'), value);

    for (const state of [runSteps(pasted, loadStep(s)), runSteps(pasted, fixAllStep(s), loadStep(s))]) {
      const built = checkedBuildView(state, s);
      const messages = [...built.byField.values()].flat().map((p) => `${p.message} ${p.fix?.description ?? ''}`);
      expectNoLeak('the build view', [built.summary, built.leftOut ?? '', ...messages].join('\n'), value);
      const share = built.share;
      const decoded = [...new URLSearchParams(share.slice(1))].flat().join('\n');
      expectNoLeak('the share link', `${share}\n${decoded}`, value);
    }
  });
});
