/**
 * What build mode renders, derived from the island's state, its payload and the engine's answer for the string the
 * form built (`buildView`): fields, string, findings, status and share link. DOM-free; the island only renders it.
 * The engine runs in the builder's checker (validation.ts answers there); this module does not load it, so the form
 * renders before the engine has arrived.
 */
import type { Problem } from '../connstr/index.ts';
import { buildString, currentMethod, fieldsFor, fieldValue, formFieldNames, type Field, type FormState, type Output } from './form.ts';
import type { BuilderMethod, BuilderService } from './payload.ts';
import { shareFragment } from './share.ts';

/** The Validate tab's status line before anything is pasted. */
export const pasteHint = (service: { label: string }): string => `Checked against ${service.label} when you paste.`;

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
  /** The engine's problems of the string (the last answer, see `checked`). */
  problems: Problem[];
  /** Whether `problems` are the answer for this very string. */
  checked: boolean;
  byField: Map<string, Problem[]>;
  /** The status line under "Your connection string". */
  summary: string;
  /** After "Load into the builder": the loaded settings this form leaves out, named (never their values). */
  leftOut?: string;
  /** `#service=…`: the share link's fragment (the build when not the newest, non-secret fields of this form only). */
  share: string;
};

/** The engine's problems of a string the form built (the checker's answer), with the string they are for. */
/** The engine's answer for one string the form built, with the method it was checked as (two methods can write the same string). */
export type BuildCheck = { text: string; problems: Problem[]; methodId?: string };

/**
 * The required settings the form writes no value for, as the form itself sees them. For the string a service's form
 * starts with, these are exactly the engine's `missing-required` findings and it has no other (tested for every
 * service and method, tests/content/builder-model.test.ts), so the status line needs no engine until the user
 * changes something.
 */
export function emptyRequired(service: BuilderService, state: FormState): Field[] {
  const { required } = fieldsFor(service, currentMethod(service, state).id);
  const typed = state.values[service.id] ?? {};
  return required.filter((field) => fieldValue(field, typed) === undefined);
}

/**
 * @param checked the engine's answer for the string the form built: until the answer for the current string
 *   arrives, the last one stays on the fields (an answer takes milliseconds) and the status line says only what
 *   the form knows (settings still empty) or that the string is being checked.
 */
export function buildView(state: FormState & { loaded?: { serviceId: string; names: string[] }; builds?: Readonly<Record<string, string>> }, service: BuilderService, checked?: BuildCheck): BuildView {
  const method = currentMethod(service, state);
  const { required, optional } = fieldsFor(service, method.id);
  const output = buildString(service, state);
  const current = checked !== undefined && checked.text === output.text && (checked.methodId === undefined || checked.methodId === method.id);
  const problems = output.text && checked ? checked.problems : [];
  const missing = current ? problems.filter((p) => p.code === 'missing-required').length : emptyRequired(service, state).length;
  const dropped = leftOut(service, state);
  const summary = output.error
    ? `Cannot write this string: ${output.error}`
    : missing > 0
      ? `${missing} required ${missing === 1 ? 'setting is' : 'settings are'} still empty.`
      : !current
        ? 'Checking the string…'
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
    checked: current,
    byField: problemsByField(problems),
    summary,
    ...(dropped ? { leftOut: dropped.notice } : {}),
    share: shareFragment(service, state),
  };
}
