/**
 * What the island renders, derived from its state and payload: build mode's fields, string, findings, status and
 * share link (`buildView`), and validate mode's findings, status and the form a pasted text was read as
 * (`validateView`). DOM-free; the island only renders these.
 */
import {
  MASK,
  checkPasted,
  formById,
  recognizeService,
  safeFixCodes,
  unrecognizedMessage,
  validate,
  type FormId,
  type Problem,
  type Span,
} from '../connstr/index.ts';
import { buildString, currentMethod, fieldsFor, formFieldNames, type Field, type FormState, type Output } from './form.ts';
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
 * how many findings "Fix all safe problems" (action `fix-all`) would settle; and where the text holds secrets.
 */
export function pastedView(service: BuilderService, text: string): { form: FormId; formLabel: string; problems: Problem[]; safeFixes: number; secrets: Span[] } {
  const { reading, problems, secrets } = checkPasted(text, rulesOf(service), { reportSensitive: false });
  return {
    form: reading.form,
    formLabel: formById(reading.form).label,
    problems,
    secrets,
    safeFixes: problems.filter((p) => p.fix && p.fix.edits.length > 0 && safeFixCodes.has(p.code)).length,
  };
}

/** The most loaded settings a notice names one by one; the rest are counted. */
const MOST_NAMED = 8;

/**
 * The settings of the last loaded string that the current form does not show (so the string leaves them out),
 * with a sentence that names them: names only, never values.
 */
export function leftOut(service: BuilderService, state: FormState & { loaded?: { serviceId: string; names: string[] } }): { names: string[]; notice: string } | undefined {
  if (state.loaded?.serviceId !== service.id) return undefined;
  const form = formFieldNames(service, currentMethod(service, state).id);
  const names = state.loaded.names.filter((name) => !form.has(name));
  if (names.length === 0) return undefined;
  const shortened = names.slice(0, MOST_NAMED).map((n) => (n.length > 40 ? `${n.slice(0, 39)}…` : n));
  const more = names.length > MOST_NAMED ? ` and ${names.length - MOST_NAMED} more` : '';
  const count = names.length === 1 ? '1 setting of the loaded string is' : `${names.length} settings of the loaded string are`;
  return { names, notice: `${count} not in this form, so the string below leaves ${names.length === 1 ? 'it' : 'them'} out: ${shortened.join(', ')}${more}.` };
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
  /** After "Load into the builder": the loaded settings this form leaves out, named (never their values). */
  leftOut?: string;
  /** `#service=…`: the share link's fragment (non-secret fields of this form only). */
  share: string;
};

export function buildView(state: FormState & { loaded?: { serviceId: string; names: string[] } }, service: BuilderService): BuildView {
  const method = currentMethod(service, state);
  const { required, optional } = fieldsFor(service, method.id);
  const output = buildString(service, state);
  const problems = output.text ? buildProblems(service, output.text) : [];
  const missing = problems.filter((p) => p.code === 'missing-required').length;
  const dropped = leftOut(service, state);
  const summary = output.error
    ? `Cannot write this string: ${output.error}`
    : missing > 0
      ? `${missing} required ${missing === 1 ? 'setting is' : 'settings are'} still empty.`
      : problems.some((p) => p.severity === 'error')
        ? 'Fix the settings marked above.'
        : dropped
          ? // Not "ready" over a loss: the string is complete for this form, but not all that was loaded.
            `Complete for this form, but without ${dropped.names.length === 1 ? 'the 1 loaded setting' : `the ${dropped.names.length} loaded settings`} it does not have (listed above).`
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
    ...(dropped ? { leftOut: dropped.notice } : {}),
    share: shareFragment(service, state),
  };
}

/**
 * What validate mode shows: the pasted text's problems, the service its Profile names, the status line, the form
 * it was read as (none before anything is pasted), how many safe fixes "Fix all safe problems" would apply, and
 * where the text holds secrets (an excerpt masks them).
 */
export type ValidateView = {
  text: string;
  /** On /builder/: the service the pasted Profile names (the island switches to it). */
  inferredServiceId?: string;
  /**
   * On /builder/: why the string does not say which service it is for, when the user has not picked one. Nothing
   * is checked then (checking against whichever service happens to be selected would be a guess).
   */
  needsService?: string;
  problems: Problem[];
  summary: string;
  formLabel?: string;
  safeFixes: number;
  /** Spans of the text that hold secrets (sorted), for `excerpt`. */
  secrets: Span[];
};

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * @param state the pasted text, and how the service was chosen (`serviceBy`, see the model's state)
 * @param services every service (id, page title, profile file), to recognise the pasted Profile on /builder/
 * @param fixed the builder is on a service's page: the service is not read from the Profile.
 */
export function validateView(
  state: { pasted: string; serviceBy?: 'user' | 'profile' },
  service: BuilderService,
  services: readonly { id: string; label?: string; profileFile: string }[],
  fixed: boolean,
): ValidateView {
  const text = state.pasted;
  const name = service.label;
  const empty = { text, problems: [], safeFixes: 0, secrets: [] };
  if (!text.trim()) return { ...empty, summary: `Checked against ${name} when you paste.` };
  const recognition = fixed ? undefined : recognizeService(text, services);
  const inferredServiceId = recognition?.service?.id;
  let note = '';
  if (recognition?.service && inferredServiceId !== service.id) {
    const named = recognition.service.label ?? recognition.service.id;
    // Picked over the Profile (after the island switched to the service it names): the user's choice stands.
    if (state.serviceBy === 'user') note = ` Its Profile names the ${named} profile; checked against ${name} because you picked it.`;
    // Otherwise the island switches to that service; until its settings are here, nothing is checked against this one.
    else return { ...empty, inferredServiceId, summary: `This string is for ${named} (from its Profile); loading its settings…` };
  }
  if (recognition && !recognition.service) {
    if (state.serviceBy !== 'user') {
      const needsService = unrecognizedMessage(recognition);
      return { ...empty, needsService, summary: `${needsService} Pick the service it is for in the Service list.` };
    }
    note = ` ${unrecognizedMessage(recognition)} Checked against ${name} because you picked it.`;
  }
  const pasted = pastedView(service, text);
  const problems = pasted.problems;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity]++;
  const summary =
    problems.length === 0
      ? `No problems: this string is valid for ${name}.`
      : `${count(problems.length, 'finding', 'findings')} for ${name}: ${count(counts.error, 'error', 'errors')}, ${count(counts.warning, 'warning', 'warnings')}, ${count(counts.info, 'note', 'notes')}.`;
  return {
    text,
    inferredServiceId,
    problems,
    summary: inferredServiceId === service.id ? `${summary} Service recognized from the Profile file name.` : summary + note,
    formLabel: pasted.formLabel,
    safeFixes: pasted.safeFixes,
    secrets: pasted.secrets,
  };
}

/**
 * A short excerpt around a span, for the problem list: before, the span itself, after. Text inside `secrets`
 * (sorted spans, from `validateView`) shows as `********`, so an excerpt never shows a secret the text holds.
 */
export function excerpt(
  text: string,
  span: { start: number; end: number },
  context = 24,
  secrets: readonly Span[] = [],
): { before: string; marked: string; after: string } {
  const start = Math.max(0, span.start - context);
  const end = Math.min(text.length, span.end + context);
  return {
    before: (start > 0 ? '…' : '') + masked(text, start, span.start, secrets),
    marked: masked(text, span.start, span.end, secrets),
    after: masked(text, span.end, end, secrets) + (end < text.length ? '…' : ''),
  };
}

/** `text.slice(from, to)` with each secret it touches written as `********` (once per secret). */
function masked(text: string, from: number, to: number, secrets: readonly Span[]): string {
  // The first secret that ends after `from` (secrets are sorted and apart).
  let lo = 0;
  let hi = secrets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (secrets[mid]!.end <= from) lo = mid + 1;
    else hi = mid;
  }
  let out = '';
  let at = from;
  for (let i = lo; i < secrets.length && secrets[i]!.start < to; i++) {
    const secret = secrets[i]!;
    if (secret.end <= secret.start) continue;
    out += text.slice(at, Math.max(at, secret.start)) + MASK;
    at = Math.min(to, secret.end);
  }
  return out + text.slice(at, to);
}
