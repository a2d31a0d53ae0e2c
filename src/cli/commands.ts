/**
 * The connstr CLI's commands over the same engine and catalog as the site: lint, fix, redact, convert.
 * Pure: inputs come in as text, results go out as text and an exit code (connstr.ts does the I/O).
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
import { serviceRules } from '../lib/providers/rules.ts';
import { expandEnvStrings, writtenRanges, type Assembled } from './env-files.ts';
import type { Finding } from './finding.ts';
import { toSarif, type SarifOptions } from './sarif.ts';
import { findStrings, InputError, lineIndex, rewrite, type Found, type InputKind } from './sources.ts';

export const commands = ['lint', 'fix', 'redact', 'convert'] as const;
export type Command = (typeof commands)[number];
/** What `convert --to` writes: every form of the engine's table but the plain string convert starts from. */
export type Target = Exclude<FormId, 'plain'>;
export const targets: readonly Target[] = forms.flatMap((form) => (form.id === 'plain' ? [] : [form.id]));

/** One input: a file's text, stdin, or a string given as an argument. */
export type Input = { name: string; text: string; kind: InputKind; isFile: boolean };

/** `sarif` is lint's only (the shell refuses it elsewhere), with what the log needs from the shell. */
export type Options = { service?: ResolvedService; format: 'text' | 'json' | 'sarif'; to?: Target; sarif?: SarifOptions };

export type Result = { stdout: string; stderr: string; code: 0 | 1 | 2 };

export type { Finding };

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
        : [{ value: input.text, offsets: Array.from({ length: input.text.length + 1 }, (_, i) => i), start: 0, end: input.text.length, encode: (v) => v }];
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

function unknownServiceFinding(item: Located, catalog: Catalog, recognition: Exclude<Recognition<ResolvedService>, { service: ResolvedService }>): Finding {
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
  };
}

function toFinding(item: Located, service: ResolvedService, problem: Problem): Finding {
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
  };
}

/** The same check the Validate tab runs: the string in any output form, pasting damage included. */
const problemsOf = (value: string, service: ResolvedService) => checkPasted(value, serviceRules(service), { reportSensitive: false }).problems;

function summary(findings: readonly Finding[], strings: number) {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return { strings, errors: count('error'), warnings: count('warning'), infos: count('info') };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `lint`: every finding with file, line, column, severity, message and the suggested fix. Exit 1 on any error. */
export function lint(inputs: readonly Input[], catalog: Catalog, options: Options): Result {
  const located = locate(inputs, catalog);
  const findings = located.flatMap((item) => {
    const recognition = serviceFor(item.found.value, catalog, options);
    if (!recognition.service) return [unknownServiceFinding(item, catalog, recognition)];
    const service = recognition.service;
    return problemsOf(item.found.value, service).map((p) => toFinding(item, service, p));
  });
  const totals = summary(findings, located.length);
  const code = totals.errors > 0 ? 1 : 0;
  if (options.format === 'json') return { stdout: `${JSON.stringify({ findings, summary: totals }, null, 2)}\n`, stderr: '', code };
  if (options.format === 'sarif') return { stdout: `${JSON.stringify(toSarif(findings, options.sarif ?? { cwd: '.', version: '0' }), null, 2)}\n`, stderr: '', code };
  const lines = findings.map(
    (f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message}${f.label ? ` [${f.label}]` : ''}${f.fix ? `\n    fix: ${f.fix}` : ''}`,
  );
  const tail = `${plural(totals.strings, 'connection string')} checked: ${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}, ${plural(totals.infos, 'note')}.`;
  if (totals.strings === 0) return { stdout: '', stderr: 'No connection strings found in the input.\n', code: 0 };
  return { stdout: `${[...lines, tail].join('\n')}\n`, stderr: '', code };
}

/**
 * Masks every secret value, by the engine's one rule (../lib/connstr/secrets.ts): sensitive for the service (for
 * any service when none is known), named like a secret, or carrying a credential (`Authorization: Bearer …`).
 */
export function redactString(value: string, catalog: Catalog, service: ResolvedService | undefined): { text: string; masked: number } {
  return maskSecrets(value, service ? [service] : catalog.services);
}

type Output = { file: string; line: number; column: number; label?: string; output: string; notes: string[] };

/** Prints per-string results: a file input becomes a copy of the file with its strings replaced. */
function render(located: readonly Located[], outputs: Map<Found, Output>, options: Options): string {
  if (options.format === 'json') return `${JSON.stringify({ results: [...outputs.values()] }, null, 2)}\n`;
  const parts: string[] = [];
  const done = new Set<Input>();
  for (const item of located) {
    if (item.input.isFile) {
      if (done.has(item.input)) continue;
      done.add(item.input);
      const mine = located.filter((l) => l.input === item.input).map((l) => l.found);
      parts.push(rewrite(item.input.text, mine, (f) => outputs.get(f)?.output).replace(/\n?$/, ''));
    } else {
      const out = outputs.get(item.found);
      if (out) parts.push(out.output);
    }
  }
  return parts.length ? `${parts.join('\n')}\n` : '';
}

function describe(item: Located, output: string, notes: string[]): Output {
  return { file: item.input.name, ...position(item, 0), ...(item.found.label ? { label: item.found.label } : {}), output, notes };
}

/** `fix`: prints each string with the safe fixes applied; notes on stderr. Exit 1 when errors remain. */
export function fix(inputs: readonly Input[], catalog: Catalog, options: Options): Result {
  const located = locate(inputs, catalog);
  const outputs = new Map<Found, Output>();
  const notes: string[] = [];
  let errorsLeft = 0;
  for (const item of located) {
    const at = `${item.input.name}:${position(item, 0).line}`;
    const recognition = serviceFor(item.found.value, catalog, options);
    if (!recognition.service) {
      errorsLeft++;
      notes.push(`${at}: left as is: ${unknownServiceFinding(item, catalog, recognition).message}`);
      outputs.set(item.found, describe(item, item.found.value, []));
      continue;
    }
    const service = recognition.service;
    // The Validate tab's "Fix all safe problems": spelling, casing, quoting, placement and pasting damage, never a guess.
    const { text, applied } = fixAll(item.found.value, serviceRules(service), { reportSensitive: false });
    if (item.assembled) {
      // Written back, the fixed string would inline the variables' values (secrets among them): the file is left as
      // it is, and the notes say what to change (the findings of lint point into the variables' lines).
      const left = problemsOf(item.found.value, service).filter((p) => p.severity === 'error');
      errorsLeft += left.length;
      for (const description of applied) notes.push(`${at}: not written back (${item.found.label} is assembled from other variables; lint shows where each value is): ${description}`);
      outputs.set(item.found, describe(item, item.found.value, []));
      continue;
    }
    const left = problemsOf(text, service).filter((p) => p.severity === 'error');
    errorsLeft += left.length;
    for (const description of applied) notes.push(`${at}: fixed: ${description}`);
    if (left.length > 0) notes.push(`${at}: ${plural(left.length, 'error')} left that need a decision (run lint to see them)`);
    outputs.set(item.found, describe(item, text, applied));
  }
  if (located.length === 0) notes.push('No connection strings found in the input.');
  return { stdout: render(located, outputs, options), stderr: notes.map((n) => `${n}\n`).join(''), code: errorsLeft > 0 ? 1 : 0 };
}

/** `redact`: prints each string with every sensitive value masked, for logs and bug reports. */
export function redact(inputs: readonly Input[], catalog: Catalog, options: Options): Result {
  const located = locate(inputs, catalog);
  const outputs = new Map<Found, Output>();
  const masks: Located[] = [];
  for (const item of located) {
    const service = serviceFor(item.found.value, catalog, options).service;
    const { text, masked } = redactString(item.found.value, catalog, service);
    if (item.assembled) {
      // The secrets are in the variables the string reads: each one is masked in its own line.
      const spans = secretSpans(parseAny(item.found.value), service ? [service] : catalog.services);
      const strings = located.filter((l) => l.input === item.input).map((l) => l.found);
      for (const range of options.format === 'json' ? [] : writtenRanges(item.assembled, spans)) {
        // A variable that is itself one of the strings found is masked as that string.
        if (strings.some((f) => f.start < range.end && range.start < f.end)) continue;
        const found: Found = { value: item.input.text.slice(range.start, range.end), offsets: [], start: range.start, end: range.end, encode: (v) => v };
        masks.push({ input: item.input, found, where: item.where });
        outputs.set(found, describe({ ...item, found }, MASK, []));
      }
      outputs.set(item.found, { ...describe(item, text, [`${plural(masked, 'value')} masked`]), ...(options.format === 'json' ? {} : { output: item.found.value }) });
      continue;
    }
    outputs.set(item.found, describe(item, text, [`${plural(masked, 'value')} masked`]));
  }
  if (options.format === 'json') return { stdout: render(located, outputs, options), stderr: located.length ? '' : 'No connection strings found in the input.\n', code: 0 };
  return { stdout: render([...located, ...masks], outputs, options), stderr: located.length ? '' : 'No connection strings found in the input.\n', code: 0 };
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
