/**
 * What the island renders, derived from its state and payload: build mode's fields, string, findings, status and
 * share link (`buildView`), and validate mode's findings, status and the form a pasted text was read as
 * (`validateView`). DOM-free; the island only renders these.
 */
import { checkPasted, effectivePairs, formById, parseAny, profilePathParts, readPasted, safeFixCodes, validate, type FormId, type Problem } from '../connstr/index.ts';
import { buildString, currentMethod, fieldsFor, type Field, type FormState, type Output } from './form.ts';
import { rulesOf, type BuilderMethod, type BuilderService } from './payload.ts';
import { shareFragment } from './share.ts';

/** Problems of the built string, by the property they concern (parse problems without one go under `''`). */
export function problemsByField(problems: readonly Problem[]): Map<string, Problem[]> {
  const map = new Map<string, Problem[]>();
  for (const problem of problems) {
    if (problem.code === 'sensitive' || problem.code === 'placeholder-value') continue;
    const key = problem.property ?? '';
    map.set(key, [...(map.get(key) ?? []), problem]);
  }
  return map;
}

/** Validation of the string the form built (a plain string the builder wrote: no pasted form to read, no paste damage). */
export function buildProblems(service: BuilderService, text: string): Problem[] {
  return validate(text, rulesOf(service), { reportSensitive: false });
}

/**
 * What a pasted text reads as: its findings in any output form (C#, Java, Python, ODBC, JDBC or plain), pasting
 * damage included, with spans and fixes in the text as given; which form was read (its label, for "Read as: C#");
 * and how many findings "Fix all safe problems" (action `fix-all`) would settle.
 */
export function pastedView(service: BuilderService, text: string): { form: FormId; formLabel: string; problems: Problem[]; safeFixes: number } {
  const { reading, problems } = checkPasted(text, rulesOf(service), { reportSensitive: false });
  return {
    form: reading.form,
    formLabel: formById(reading.form).label,
    problems,
    safeFixes: problems.filter((p) => p.fix && p.fix.edits.length > 0 && safeFixCodes.has(p.code)).length,
  };
}

/** What build mode shows: the method, its fields, the string they make, its problems and status, the share link. */
export type BuildView = {
  method: BuilderMethod;
  required: Field[];
  optional: Field[];
  /** What the user typed for this service. */
  typed: Readonly<Record<string, string>>;
  output: Output;
  problems: Problem[];
  byField: Map<string, Problem[]>;
  /** The status line under "Your connection string". */
  summary: string;
  /** `#service=…`: the share link's fragment (non-secret fields only). */
  share: string;
};

export function buildView(state: FormState, service: BuilderService): BuildView {
  const method = currentMethod(service, state);
  const { required, optional } = fieldsFor(service, method.id);
  const output = buildString(service, state);
  const problems = output.text ? buildProblems(service, output.text) : [];
  const missing = problems.filter((p) => p.code === 'missing-required').length;
  const summary = output.error
    ? `Cannot write this string: ${output.error}`
    : missing > 0
      ? `${missing} required ${missing === 1 ? 'setting is' : 'settings are'} still empty.`
      : problems.some((p) => p.severity === 'error')
        ? 'Fix the settings marked above.'
        : 'Ready to use.';
  return {
    method,
    required,
    optional,
    typed: state.values[service.id] ?? {},
    output,
    problems,
    byField: problemsByField(problems),
    summary,
    share: shareFragment(service, state),
  };
}

/**
 * What validate mode shows: the pasted text's problems, the service its Profile names, the status line, the form
 * it was read as (none before anything is pasted) and how many safe fixes "Fix all safe problems" would apply.
 */
export type ValidateView = { text: string; inferredServiceId?: string; problems: Problem[]; summary: string; formLabel?: string; safeFixes: number };

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** @param fixed the builder is on a service's page: the service is not read from the Profile. */
export function validateView(state: { pasted: string }, service: BuilderService, services: readonly { id: string; profileFile: string }[], fixed: boolean): ValidateView {
  const text = state.pasted;
  const inferredServiceId = text && !fixed ? inferServiceId(text, services) : undefined;
  const pasted = text.trim() ? pastedView(service, text) : undefined;
  const problems = pasted?.problems ?? [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity]++;
  const name = service.label;
  const summary = !text.trim()
    ? `Checked against ${name} when you paste.`
    : problems.length === 0
      ? `No problems: this string is valid for ${name}.`
      : `${count(problems.length, 'finding', 'findings')} for ${name}: ${count(counts.error, 'error', 'errors')}, ${count(counts.warning, 'warning', 'warnings')}, ${count(counts.info, 'note', 'notes')}.`;
  return {
    text,
    inferredServiceId,
    problems,
    summary: inferredServiceId ? `${summary} Service recognized from the Profile file name.` : summary,
    formLabel: pasted?.formLabel,
    safeFixes: pasted?.safeFixes ?? 0,
  };
}

/** The service a string is for, from its Profile file name (`…\Intercom.apip`), ignoring case. */
export function inferServiceId(text: string, services: readonly { id: string; profileFile: string }[]): string | undefined {
  const profile = effectivePairs(parseAny(readPasted(text).text)).find((p) => p.key.toLowerCase() === 'profile')?.value;
  if (!profile) return undefined;
  const file = profilePathParts(profile).file.toLowerCase();
  return services.find((s) => s.profileFile.toLowerCase() === file)?.id;
}

/** A short excerpt around a span, for the problem list: before, the span itself, after. */
export function excerpt(text: string, span: { start: number; end: number }, context = 24): { before: string; marked: string; after: string } {
  const start = Math.max(0, span.start - context);
  const end = Math.min(text.length, span.end + context);
  return {
    before: (start > 0 ? '…' : '') + text.slice(start, span.start),
    marked: text.slice(span.start, span.end),
    after: text.slice(span.end, end) + (end < text.length ? '…' : ''),
  };
}
