/**
 * The connstr CLI's commands over the same engine and catalog as the site: lint, fix, redact, convert.
 * Pure: inputs come in as text, results go out as text and an exit code (connstr.ts does the I/O). A report is
 * written as it is made, string by string, to `options.out` when the caller gives one (the CLI's stdout), so a
 * file with 400,000 findings never holds them all, or their text, at once; without one it is returned whole.
 *
 * Runs under Node's type stripping: explicit `.ts` imports, no TS-only syntax.
 */
import {
  canonicalPairs,
  checkPasted,
  concealSecrets,
  fixAll,
  formById,
  forms,
  MASK,
  maskSecrets,
  parseAny,
  readPasted,
  recognizeService,
  secretSpans,
  toPastedSpan,
  unrecognizedMessage,
  type FormId,
  type Problem,
  type Recognition,
  type Severity,
} from '../lib/connstr/index.ts';
import type { Catalog, ResolvedService } from '../lib/providers/catalog.ts';
import { rulesForBuild } from '../lib/providers/rules.ts';
import { expandEnvStrings, writtenRanges, type Assembled } from './env-files.ts';
import type { Finding } from './finding.ts';
import { troubleshootingUrl } from '../lib/site/paths.ts';
import { toSarif, type SarifOptions } from './sarif.ts';
import { findStrings, InputError, lineIndex, rewrite, type Found, type InputKind } from './sources.ts';

export const commands = ['lint', 'fix', 'redact', 'convert'] as const;
export type Command = (typeof commands)[number];
/** What `convert --to` writes: every form of the engine's table but the plain string convert starts from. */
export type Target = Exclude<FormId, 'plain'>;
export const targets: readonly Target[] = forms.flatMap((form) => (form.id === 'plain' ? [] : [form.id]));

/** One input: a file's text, stdin, or a string given as an argument. `bom`: the file began with a UTF-8 byte order mark (taken off the text; a printed copy of the file keeps it). */
export type Input = { name: string; text: string; kind: InputKind; isFile: boolean; bom?: boolean };

/** Where a report goes as it is made. */
export type Sink = { write(chunk: string): void };

/** `sarif` is lint's only (the shell refuses it elsewhere), with what the log needs from the shell. */
/** `site`: the site's address (SITE_URL), for each finding's `docs` link (see `troubleshootingUrl`). */
export type Options = { service?: ResolvedService; build?: string; format: 'text' | 'json' | 'sarif'; to?: Target; sarif?: SarifOptions; out?: Sink; site?: string | undefined };

export type Result = { stdout: string; stderr: string; code: 0 | 1 | 2 };

/** Lower-cased names and aliases of every property of every service. */
function knownNames(catalog: Catalog): Set<string> {
  const names = new Set<string>();
  for (const service of catalog.services) {
    for (const p of service.properties) {
      names.add(p.name.toLowerCase());
      for (const alias of p.aliases) names.add(alias.toLowerCase());
    }
  }
  return names;
}

/** A string sets some property the catalog knows: how .env variables and JSON values are picked. */
export function connectionStringTest(catalog: Catalog): (value: string) => boolean {
  const names = knownNames(catalog);
  return (value) => value.includes('=') && parseAny(value).entries.some((e) => names.has(e.key.trim().toLowerCase()));
}

/** One string of an input, where it is; `assembled` when a .env variable builds it from others (`${NAME}`). */
type Located = { input: Input; found: Found; where: (offset: number) => { line: number; column: number }; assembled?: Assembled };

function locate(inputs: readonly Input[], catalog: Catalog): Located[] {
  const test = connectionStringTest(catalog);
  return inputs.flatMap((input) => {
    const where = lineIndex(input.text);
    // A string given as an argument is one string, whatever it contains.
    let found: Found[];
    try {
      found = input.isFile || input.name === '<stdin>'
        ? findStrings(input.text, input.kind, test)
        : [{ value: input.text, offsets: Int32Array.from({ length: input.text.length + 1 }, (_, i) => i), start: 0, end: input.text.length, encode: (v) => v }];
    } catch (error) {
      // Name the input: with several files, "not valid JSON" alone would not say which.
      throw error instanceof InputError ? new InputError(`${input.name}: ${error.message}`) : error;
    }
    // A .env string assembled from other variables is checked as they expand it.
    if (input.isFile && input.kind === 'env') return expandEnvStrings(input.text, found).map((f) => ({ input, ...f, where }));
    return found.map((f) => ({ input, found: f, where }));
  });
}

/** The service to check a string against: the one given with --service, else the one its Profile names (or why none). */
function serviceFor(value: string, catalog: Catalog, options: Options): Recognition<ResolvedService> {
  return options.service ? { service: options.service } : recognizeService(value, catalog.services);
}

function position(item: Located, offset: number) {
  const clamped = Math.max(0, Math.min(offset, item.found.value.length));
  return item.where(item.found.offsets[clamped]!);
}

function unknownServiceFinding(item: Located, catalog: Catalog, recognition: Exclude<Recognition<ResolvedService>, { service: ResolvedService }>, site?: string): Finding {
  const start = position(item, 0);
  const known = catalog.services.map((s) => `${s.id} (${s.profileFile})`).join(', ');
  return {
    file: item.input.name,
    ...start,
    endLine: start.line,
    endColumn: start.column,
    severity: 'error',
    code: 'unknown-service',
    message: `${unrecognizedMessage(recognition)} Pass --service <id>; known services: ${known}.`,
    ...(item.found.label ? { label: item.found.label } : {}),
    docs: troubleshootingUrl('unknown-service', site),
  };
}

function toFinding(item: Located, service: ResolvedService, problem: Problem, site?: string): Finding {
  const start = position(item, problem.span.start);
  const end = position(item, problem.span.end);
  return {
    file: item.input.name,
    ...start,
    endLine: end.line,
    endColumn: end.column,
    severity: problem.severity,
    code: problem.code,
    message: problem.message,
    service: service.id,
    ...(problem.property ? { property: problem.property } : {}),
    ...(item.found.label ? { label: item.found.label } : {}),
    ...(problem.fix ? { fix: problem.fix.description } : {}),
    docs: troubleshootingUrl(problem.code, site),
  };
}

/** The same check the Validate tab runs: the string in any output form, pasting damage included. */
const problemsOf = (value: string, service: ResolvedService, build?: string) => checkPasted(value, rulesForBuild(service, build).rules, { reportSensitive: false }).problems;

/** A string's service documents no build named by --build: it is checked against the newest, and the report says so (`rulesForBuild`'s message). */
function unknownBuildFinding(item: Located, service: ResolvedService, message: string, site?: string): Finding {
  const start = position(item, 0);
  return {
    file: item.input.name,
    ...start,
    endLine: start.line,
    endColumn: start.column,
    severity: 'warning',
    code: 'unknown-build',
    message,
    service: service.id,
    ...(item.found.label ? { label: item.found.label } : {}),
    docs: troubleshootingUrl('unknown-build', site),
  };
}

type Totals = { strings: number; errors: number; warnings: number; infos: number };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The report as it is made: written to `options.out`, or kept and returned. */
function reportTo(options: Options): { write(chunk: string): void; text(): string } {
  const out = options.out;
  if (out) return { write: (chunk) => out.write(chunk), text: () => '' };
  const parts: string[] = [];
  return { write: (chunk) => void parts.push(chunk), text: () => parts.join('') };
}

/** Each line of `json` but the first indented by `by` (a value nested in a document written by JSON.stringify(…, null, 2)). */
const nested = (json: string, by: string) => json.replaceAll('\n', `\n${by}`);

/**
 * A JSON document `{ "<key>": [ …items ], …tail }`, written item by item exactly as `JSON.stringify(document, null, 2)`
 * writes it whole.
 */
function jsonList(report: { write(chunk: string): void }, key: string) {
  let first = true;
  report.write(`{\n  ${JSON.stringify(key)}: [`);
  return {
    item(value: unknown) {
      report.write(`${first ? '\n' : ',\n'}    ${nested(JSON.stringify(value, null, 2), '    ')}`);
      first = false;
    },
    end(tail: Record<string, unknown> = {}) {
      report.write(first ? ']' : '\n  ]');
      for (const [name, value] of Object.entries(tail)) report.write(`,\n  ${JSON.stringify(name)}: ${nested(JSON.stringify(value, null, 2), '  ')}`);
      report.write('\n}\n');
    },
  };
}

/** The findings of one string, one at a time. */
function* findingsOf(item: Located, catalog: Catalog, options: Options): Generator<Finding> {
  const recognition = serviceFor(item.found.value, catalog, options);
  if (!recognition.service) {
    yield unknownServiceFinding(item, catalog, recognition, options.site);
    return;
  }
  const service = recognition.service;
  const { rules, unknownBuild } = rulesForBuild(service, options.build);
  if (unknownBuild !== undefined) yield unknownBuildFinding(item, service, unknownBuild, options.site);
  for (const p of checkPasted(item.found.value, rules, { reportSensitive: false }).problems) yield toFinding(item, service, p, options.site);
}

/** `lint`: every finding with file, line, column, severity, message and the suggested fix. Exit 1 on any error. */
export function lint(inputs: readonly Input[], catalog: Catalog, options: Options): Result {
  const located = locate(inputs, catalog);
  const report = reportTo(options);
  const totals: Totals = { strings: located.length, errors: 0, warnings: 0, infos: 0 };
  const json = options.format === 'json' ? jsonList(report, 'findings') : undefined;
  // A SARIF log is one document with its rules listed first: its findings are gathered, then written.
  const sarif: Finding[] | undefined = options.format === 'sarif' ? [] : undefined;
  for (const item of located) {
    for (const f of findingsOf(item, catalog, options)) {
      if (f.severity === 'error') totals.errors++;
      else if (f.severity === 'warning') totals.warnings++;
      else totals.infos++;
      if (sarif) sarif.push(f);
      else if (json) json.item(f);
      else report.write(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message}${f.label ? ` [${f.label}]` : ''}${f.fix ? `\n    fix: ${f.fix}` : ''}\n    docs: ${f.docs}\n`);
    }
  }
  const code = totals.errors > 0 ? 1 : 0;
  if (sarif) {
    report.write(`${JSON.stringify(toSarif(sarif, options.sarif ?? { cwd: '.', version: '0' }), null, 2)}\n`);
    return { stdout: report.text(), stderr: '', code };
  }
  if (json) {
    json.end({ summary: totals });
    return { stdout: report.text(), stderr: '', code };
  }
  if (totals.strings === 0) return { stdout: report.text(), stderr: 'No connection strings found in the input.\n', code: 0 };
  report.write(`${plural(totals.strings, 'connection string')} checked: ${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}, ${plural(totals.infos, 'note')}.\n`);
  return { stdout: report.text(), stderr: '', code };
}

/**
 * Masks every secret value, by the engine's one rule (../lib/connstr/secrets.ts): sensitive for the service (for
 * any service when none is known), named like a secret, or carrying a credential (`Authorization: Bearer …`).
 */
export function redactString(value: string, catalog: Catalog, service: ResolvedService | undefined): { text: string; masked: number } {
  return maskSecrets(value, service ? [service] : catalog.services);
}

type Output = { file: string; line: number; column: number; label?: string; output: string; notes: string[] };

/**
 * Prints per-string results as each input's are done: a file input becomes a copy of the file with its strings
 * replaced (its byte order mark kept), in JSON a `results` list.
 */
function render(located: readonly Located[], outputFor: (item: Located) => Output | undefined, options: Options): string {
  const report = reportTo(options);
  const json = options.format === 'json' ? jsonList(report, 'results') : undefined;
  let any = false;
  const byInput = new Map<Input, Located[]>();
  for (const item of located) byInput.set(item.input, [...(byInput.get(item.input) ?? []), item]);
  const write = (part: string) => {
    report.write(`${any ? '\n' : ''}${part}`);
    any = true;
  };
  for (const [input, items] of byInput) {
    // One input's outputs at a time: they are written, then dropped.
    const outputs = new Map<Found, Output>();
    for (const item of items) {
      const out = outputFor(item);
      if (out) outputs.set(item.found, out);
      if (out && json) json.item(out);
    }
    if (json) continue;
    if (input.isFile) write((input.bom ? '\uFEFF' : '') + rewrite(input.text, items.map((l) => l.found), (f) => outputs.get(f)?.output).replace(/\n?$/, ''));
    else for (const item of items) if (outputs.has(item.found)) write(outputs.get(item.found)!.output);
  }
  if (json) json.end();
  else if (any) report.write('\n');
  return report.text();
}

function describe(item: Located, output: string, notes: string[]): Output {
  return { file: item.input.name, ...position(item, 0), ...(item.found.label ? { label: item.found.label } : {}), output, notes };
}

/** `fix`: prints each string with the safe fixes applied; notes on stderr. Exit 1 when errors remain. */
export function fix(inputs: readonly Input[], catalog: Catalog, options: Options): Result {
  const located = locate(inputs, catalog);
  const notes: string[] = [];
  let errorsLeft = 0;
  const fixed = (item: Located): Output => {
    const at = `${item.input.name}:${position(item, 0).line}`;
    const recognition = serviceFor(item.found.value, catalog, options);
    if (!recognition.service) {
      errorsLeft++;
      notes.push(`${at}: left as is: ${unknownServiceFinding(item, catalog, recognition).message}`);
      return describe(item, item.found.value, []);
    }
    const service = recognition.service;
    // The Validate tab's "Fix all safe problems": spelling, casing, quoting, placement and pasting damage, never a guess.
    // Its last check is of the fixed text: what is left (the same check lint runs).
    const { text, applied, problems } = fixAll(item.found.value, rulesForBuild(service, options.build).rules, { reportSensitive: false });
    if (item.assembled) {
      // Written back, the fixed string would inline the variables' values (secrets among them): the file is left as
      // it is, and the notes say what to change (the findings of lint point into the variables' lines).
      errorsLeft += problemsOf(item.found.value, service, options.build).filter((p) => p.severity === 'error').length;
      for (const description of applied) notes.push(`${at}: not written back (${item.found.label} is assembled from other variables; lint shows where each value is): ${description}`);
      return describe(item, item.found.value, []);
    }
    let left = 0;
    for (const p of problems) if (p.severity === 'error') left++;
    errorsLeft += left;
    for (const description of applied) notes.push(`${at}: fixed: ${description}`);
    if (left > 0) notes.push(`${at}: ${plural(left, 'error')} left that need a decision (run lint to see them)`);
    return describe(item, text, applied);
  };
  const stdout = render(located, fixed, options);
  if (located.length === 0) notes.push('No connection strings found in the input.');
  return { stdout, stderr: notes.map((n) => `${n}\n`).join(''), code: errorsLeft > 0 ? 1 : 0 };
}

/** `redact`: prints each string with every sensitive value masked, for logs and bug reports. */
export function redact(inputs: readonly Input[], catalog: Catalog, options: Options): Result {
  const located = locate(inputs, catalog);
  // A string assembled from other variables keeps its `${NAME}` text; the secrets are in the variables it reads,
  // each masked in its own line (a copy of the file, so text output only).
  const masks = new Map<Found, Output>();
  const items: Located[] = [];
  for (const item of located) {
    items.push(item);
    if (!item.assembled || options.format === 'json') continue;
    const service = serviceFor(item.found.value, catalog, options).service;
    const spans = secretSpans(parseAny(item.found.value), service ? [service] : catalog.services);
    const strings = located.filter((l) => l.input === item.input).map((l) => l.found);
    for (const range of writtenRanges(item.assembled, spans)) {
      // A variable that is itself one of the strings found is masked as that string.
      if (strings.some((f) => f.start < range.end && range.start < f.end)) continue;
      const found: Found = { value: item.input.text.slice(range.start, range.end), offsets: [range.start], start: range.start, end: range.end, encode: (v) => v };
      const mask: Located = { input: item.input, found, where: item.where };
      items.push(mask);
      masks.set(found, describe(mask, MASK, []));
    }
  }
  const stdout = render(
    items,
    (item) => {
      const mask = masks.get(item.found);
      if (mask) return mask;
      const { text, masked } = redactString(item.found.value, catalog, serviceFor(item.found.value, catalog, options).service);
      const out = describe(item, text, [`${plural(masked, 'value')} masked`]);
      return item.assembled && options.format !== 'json' ? { ...out, output: item.found.value } : out;
    },
    options,
  );
  return { stdout, stderr: located.length ? '' : 'No connection strings found in the input.\n', code: 0 };
}

/** `convert --to …`: the string in another form. A string the driver would reject is reported, not converted. */
export function convert(inputs: readonly Input[], catalog: Catalog, options: Options): Result {
  const to = options.to;
  if (!to) return { stdout: '', stderr: `convert needs --to, one of: ${targets.join(', ')}.\n`, code: 2 };
  const located = locate(inputs, catalog);
  const results: Output[] = [];
  const notes: string[] = [];
  let rejected = 0;
  for (const item of located) {
    // Any form lint reads (a C# literal, a JDBC URL…) is unwrapped first, as the Validate tab does.
    const reading = readPasted(item.found.value);
    const parsed = parseAny(reading.text);
    // Notes are a report: the secrets of the string stay out of them (the converted string keeps its values).
    const service = serviceFor(item.found.value, catalog, options).service;
    const errors = concealSecrets(parsed.problems.filter((p) => p.severity === 'error'), parsed, service ? [service] : catalog.services);
    if (errors.length > 0) {
      rejected++;
      for (const p of errors) {
        const at = position(item, toPastedSpan(reading, p.span).start);
        notes.push(`${item.input.name}:${at.line}:${at.column}: error ${p.code}: ${p.message}`);
      }
      continue;
    }
    // The same pairs the builder writes: duplicates resolved, order kept, ProfileSettings as a nested list (so
    // it is quoted as everywhere else on the site).
    results.push(describe(item, formById(to).write(canonicalPairs(parsed)), []));
  }
  if (located.length === 0) notes.push('No connection strings found in the input.');
  const code = rejected > 0 ? 1 : 0;
  const stdout =
    options.format === 'json'
      ? `${JSON.stringify({ results }, null, 2)}\n`
      : results.map((r) => (results.length > 1 ? `# ${r.file}:${r.line}${r.label ? ` ${r.label}` : ''}\n${r.output}` : r.output)).join('\n\n') + (results.length ? '\n' : '');
  return { stdout, stderr: notes.map((n) => `${n}\n`).join(''), code };
}

export const run: Record<Command, (inputs: readonly Input[], catalog: Catalog, options: Options) => Result> = { lint, fix, redact, convert };
