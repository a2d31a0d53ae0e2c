/**
 * The connection-string builder's state and everything it derives, without DOM or framework: the island
 * renders `buildView(state, service)` or `validateView(state, service, services)` and dispatches actions.
 * Unit-tested in Node.
 *
 * What the user typed is kept per service and per property, whatever the method, mode or service they switch
 * to; only `reset` clears it. Secrets live in memory only: the share link carries non-secret fields alone, and
 * only those the form shows. The service of a pasted string is never guessed: it is the one its Profile names
 * (`recognizeService`), or the one the user picked.
 */
import type { ResolvedProperty, ResolvedService } from '../providers/catalog.ts';
import { defaultProfilePath, serviceLabel } from '../providers/service-facts.ts';
import type { AuthMethod, Requirement } from '../providers/schema.ts';
import {
  MASK,
  applyEdits,
  canonicalize,
  checkPasted,
  fixAll,
  holdsSecret,
  readPasted,
  recognizeService,
  secretSpans,
  safeFixCodes,
  effectivePairs,
  parseAny,
  lookupProperty,
  selectMethod,
  serialize,
  toCSharp,
  toJava,
  toJdbcUrl,
  toPython,
  unrecognizedMessage,
  type EffectivePair,
  type Pair,
  type PastedForm,
  type Problem,
  type Span,
} from '../connstr/index.ts';

export const modes = ['build', 'validate'] as const;
export type Mode = (typeof modes)[number];
export const outputTabs = ['plain', 'jdbc', 'csharp', 'java', 'python'] as const;
export type OutputTab = (typeof outputTabs)[number];
export const outputLabels: Record<OutputTab, string> = {
  plain: 'Connection string',
  jdbc: 'JDBC URL',
  csharp: 'C#',
  java: 'Java',
  python: 'Python',
};

export type BuilderState = {
  serviceId: string;
  /**
   * How `serviceId` was set on /builder/: picked by the user (or named by the link they opened), read from the
   * pasted Profile, or the first service of the list (absent). Only a picked service checks a pasted string whose
   * Profile names no service; otherwise the Validate tab asks which service it is for.
   */
  serviceBy?: 'user' | 'profile';
  mode: Mode;
  /** Chosen auth method per service id. */
  methods: Record<string, string>;
  /** What the user typed, per service id then property name. `''` means "not set". */
  values: Record<string, Record<string, string>>;
  /** The validate-mode text. */
  pasted: string;
  tab: OutputTab;
  /** The names of the settings of the last string loaded into the form, for saying which ones the form leaves out. */
  loaded?: { serviceId: string; names: string[] };
};

export type Action =
  | { type: 'mode'; mode: Mode }
  /** `by`: the user picked the service (the default), or the pasted string's Profile names it. */
  | { type: 'service'; serviceId: string; by?: 'user' | 'profile' }
  | { type: 'method'; methodId: string }
  | { type: 'field'; property: string; value: string }
  | { type: 'paste'; text: string }
  | { type: 'apply-fix'; problem: Problem }
  /** "Fix all safe problems": every safe fix of the pasted text, in one step (see `validateView().safeFixes`). */
  | { type: 'fix-all'; service: ResolvedService }
  | { type: 'load-pasted'; service: ResolvedService }
  | { type: 'tab'; tab: OutputTab }
  | { type: 'reset'; service: ResolvedService }
  /** A service's metadata arrived: give it defaults, and apply a share fragment made for it (if any). */
  | { type: 'service-loaded'; service: ResolvedService; shareHash?: string };

/** The method a service starts on: the one used without AuthScheme, else the first. */
export function defaultMethod(service: ResolvedService): AuthMethod {
  return service.authMethods.find((m) => m.impliedWithoutAuthScheme) ?? service.authMethods[0]!;
}

/**
 * A method by id, else the one the service starts on: the only fallback for a missing or unknown method id
 * (a service not chosen yet, a stale id), so the fields, the string and the share link never disagree.
 */
export function methodById(service: ResolvedService, methodId: string | undefined): AuthMethod {
  return service.authMethods.find((m) => m.id === methodId) ?? defaultMethod(service);
}

/** The method the form shows for the state's current service. */
export function currentMethod(service: ResolvedService, state: Pick<BuilderState, 'methods'>): AuthMethod {
  return methodById(service, state.methods[service.id]);
}

export function initialState(service: ResolvedService, mode: Mode = 'build'): BuilderState {
  return {
    serviceId: service.id,
    mode,
    methods: { [service.id]: defaultMethod(service).id },
    values: { [service.id]: { Profile: defaultProfilePath(service) } },
    pasted: '',
    tab: 'plain',
  };
}

/** Makes sure a service has its method and Profile default once it is chosen (values already typed stay). */
export function withService(state: BuilderState, service: ResolvedService): BuilderState {
  const methods = state.methods[service.id] ? state.methods : { ...state.methods, [service.id]: defaultMethod(service).id };
  const values = state.values[service.id] ? state.values : { ...state.values, [service.id]: { Profile: defaultProfilePath(service) } };
  return methods === state.methods && values === state.values && state.serviceId === service.id
    ? state
    : { ...state, serviceId: service.id, methods, values };
}

export function reduce(state: BuilderState, action: Action): BuilderState {
  switch (action.type) {
    case 'mode':
      return { ...state, mode: action.mode };
    case 'service':
      return { ...state, serviceId: action.serviceId, serviceBy: action.by ?? 'user' };
    case 'method':
      return { ...state, methods: { ...state.methods, [state.serviceId]: action.methodId } };
    case 'field': {
      const current = state.values[state.serviceId] ?? {};
      return { ...state, values: { ...state.values, [state.serviceId]: { ...current, [action.property]: action.value } } };
    }
    case 'paste':
      return { ...state, pasted: action.text };
    case 'apply-fix':
      return action.problem.fix ? { ...state, pasted: applyEdits(state.pasted, action.problem.fix.edits) } : state;
    case 'fix-all':
      return { ...state, pasted: fixAll(state.pasted, action.service, { reportSensitive: false }).text };
    case 'load-pasted': {
      const loaded = fromConnectionString(state.pasted, action.service);
      const current = state.values[action.service.id] ?? {};
      return {
        ...state,
        mode: 'build',
        serviceId: action.service.id,
        methods: { ...state.methods, [action.service.id]: loaded.methodId },
        values: { ...state.values, [action.service.id]: { ...current, ...loaded.values } },
        loaded: { serviceId: action.service.id, names: loaded.names },
      };
    }
    case 'tab':
      return { ...state, tab: action.tab };
    case 'reset':
      return { ...initialState(action.service, state.mode), serviceBy: state.serviceBy, pasted: state.pasted, tab: state.tab };
    case 'service-loaded': {
      if (action.service.id !== state.serviceId) return state;
      const ready = withService(state, action.service);
      return action.shareHash && sharedServiceId(action.shareHash) === action.service.id ? restoreShared(ready, action.service, action.shareHash) : ready;
    }
  }
}

export type InputKind = 'text' | 'password' | 'select' | 'checkbox' | 'number' | 'url';

export type Field = {
  property: ResolvedProperty;
  required: boolean;
  /** A value the method fixes (AuthScheme=OAUTH): shown, not edited. */
  fixedValue?: string;
  /** The usual value (InitiateOAuth=GETANDREFRESH), preselected until the user changes it. */
  recommendedValue?: string;
  /** Where the value comes from, in our words. */
  source?: string;
  /** Menu paths in the service's console that lead to the value. */
  menuPaths: string[][];
  input: InputKind;
};

export function inputKind(property: Pick<ResolvedProperty, 'type' | 'sensitive'>): InputKind {
  if (property.sensitive) return 'password';
  switch (property.type) {
    case 'enum':
      return 'select';
    case 'boolean':
      return 'checkbox';
    case 'integer':
      return 'number';
    case 'url':
      return 'url';
    default:
      return 'text';
  }
}

/**
 * The menu paths that lead to a property's value: those of the steps that yield it; a yielding step without a
 * path borrows the closest earlier step's path (the steps continue on the same console screen).
 */
export function menuPathsFor(method: AuthMethod, property: string): string[][] {
  const paths: string[][] = [];
  let lastPath: string[] | undefined;
  for (const step of method.steps) {
    if (step.menuPath) lastPath = step.menuPath;
    if (!step.yields.includes(property)) continue;
    const path = step.menuPath ?? lastPath;
    if (path && !paths.some((p) => p.join('\u0000') === path.join('\u0000'))) paths.push(path);
  }
  return paths;
}

function fieldOf(service: ResolvedService, method: AuthMethod, name: string, requirement?: Requirement): Field | undefined {
  const property = service.properties.find((p) => p.name === name);
  if (!property) return undefined;
  const fixed = requirement?.value !== undefined && requirement.valueRule === 'required';
  return {
    property,
    required: requirement !== undefined,
    fixedValue: fixed ? requirement.value : undefined,
    recommendedValue: !fixed ? requirement?.value : undefined,
    source: requirement?.source,
    menuPaths: menuPathsFor(method, name),
    input: inputKind(property),
  };
}

/** The form of a method: Profile first, then what it requires (in its order), then what it allows. */
export function fieldsFor(service: ResolvedService, methodId: string | undefined): { required: Field[]; optional: Field[] } {
  const method = methodById(service, methodId);
  const profile = service.properties.find((p) => p.name === 'Profile');
  const required: Field[] = profile
    ? [{ property: profile, required: true, source: undefined, menuPaths: [], input: 'text' }]
    : [];
  for (const requirement of method.requires) {
    const field = fieldOf(service, method, requirement.property, requirement);
    if (field) required.push(field);
  }
  const optional = method.allows
    .filter((name) => !method.requires.some((r) => r.property === name))
    .map((name) => fieldOf(service, method, name))
    .filter((field): field is Field => field !== undefined);
  return { required, optional };
}

/** The value a field contributes, or undefined when it writes nothing. */
export function fieldValue(field: Field, typed: Record<string, string>): string | undefined {
  if (field.fixedValue !== undefined) return field.fixedValue;
  const value = typed[field.property.name];
  if (value === undefined) return field.recommendedValue;
  if (value === '') return undefined;
  // A checkbox left at the property's default writes nothing: the driver applies the default anyway.
  if (field.input === 'checkbox' && field.property.default !== undefined && value.toLowerCase() === field.property.default.toLowerCase()) {
    return undefined;
  }
  return value;
}

/** The pairs the form produces, with service settings nested into ProfileSettings where the service puts them. */
export function buildPairs(service: ResolvedService, state: BuilderState): Pair[] {
  const typed = state.values[service.id] ?? {};
  const { required, optional } = fieldsFor(service, currentMethod(service, state).id);
  const top: Pair[] = [];
  const nested: Pair[] = [];
  for (const field of [...required, ...optional]) {
    const value = fieldValue(field, typed);
    if (value === undefined) continue;
    (field.property.placement === 'profileSettings' ? nested : top).push([field.property.name, value]);
  }
  if (nested.length > 0) top.push(['ProfileSettings', nested]);
  return top;
}

export type Output = { text: string; error?: string };

/** The connection string of the form, in the canonical order the docs use. Never throws. */
export function buildString(service: ResolvedService, state: BuilderState): Output {
  try {
    return { text: canonicalize(serialize(buildPairs(service, state)), service) };
  } catch (error) {
    // Only a value the driver cannot read (a control character in it) gets here; say which.
    return { text: '', error: (error as Error).message };
  }
}

/** The five output forms of one string (the docs show them all; see `outputOf`). */
export function outputs(text: string): Record<OutputTab, string> {
  return Object.fromEntries(outputTabs.map((tab) => [tab, outputOf(tab, text)])) as Record<OutputTab, string>;
}

/** One output form of a string: the island writes only the format whose tab is shown. */
export function outputOf(tab: OutputTab, text: string): string {
  switch (tab) {
    case 'plain':
      return text;
    case 'jdbc':
      return toJdbcUrl(text);
    case 'csharp':
      return toCSharp(text);
    case 'java':
      return toJava(text);
    case 'python':
      return toPython(text);
  }
}

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

/**
 * Validation of the built string, or of a pasted text in any output form (C#, Java, Python, ODBC, JDBC or
 * plain): findings, pasting damage included, with spans and fixes in the text as given.
 */
export function buildProblems(service: ResolvedService, text: string): Problem[] {
  return checkPasted(text, service, { reportSensitive: false }).problems;
}

/**
 * What a pasted text reads as: its findings, which form was read (for a label such as "Read as: C# snippet") and
 * how many findings "Fix all safe problems" (action `fix-all`) would settle.
 */
export function pastedView(service: ResolvedService, text: string): { form: PastedForm; formLabel: string; problems: Problem[]; safeFixes: number; secrets: Span[] } {
  const { reading, problems, secrets } = checkPasted(text, service, { reportSensitive: false });
  return {
    form: reading.form,
    formLabel: reading.label,
    problems,
    secrets,
    safeFixes: problems.filter((p) => p.fix && p.fix.edits.length > 0 && safeFixCodes.has(p.code)).length,
  };
}

/** The names of the settings a method's form shows (Profile, what it requires, what it allows). */
export function formFieldNames(service: ResolvedService, methodId: string | undefined): Set<string> {
  const { required, optional } = fieldsFor(service, methodId);
  return new Set([...required, ...optional].map((f) => f.property.name));
}

/** Settings that say how the string is built rather than fill a field: the method picks AuthScheme, and ProfileSettings holds fields. */
const STRUCTURAL = new Set(['authscheme', 'profilesettings']);

/**
 * Method and field values read from a pasted string (any output form), for "Load into the builder". `values`
 * holds the settings some method's form of the service shows (another method's stay for when the user switches
 * to it); `names` lists every setting the string sets (names only, documented spelling when known), so the view
 * can say which ones the current form leaves out.
 */
export function fromConnectionString(text: string, service: ResolvedService): { methodId: string; values: Record<string, string>; names: string[] } {
  const parsed = parseAny(readPasted(text).text);
  const pairs = effectivePairs(parsed);
  const shown = new Set(service.authMethods.flatMap((m) => [...formFieldNames(service, m.id)]));
  // A "key" that is the rest of a secret (`Password=ab;cd`) is named as masked.
  const secrets = secretSpans(parsed, [service]);
  const inSecret = (at: number) => {
    // The last secret starting at or before `at` (sorted spans: a binary search, for long pasted strings).
    let lo = 0;
    let hi = secrets.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (secrets[mid]!.start <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && at < secrets[lo - 1]!.end;
  };
  const values: Record<string, string> = {};
  const names: string[] = [];
  const put = (pair: EffectivePair) => {
    const property = lookupProperty(service, pair.key)?.property;
    const name = property?.name ?? (inSecret(pair.entry.keySpan.start) ? MASK : pair.key.trim());
    if (!STRUCTURAL.has(name.toLowerCase()) && !names.includes(name)) names.push(name);
    if (!property || !shown.has(property.name)) return;
    const canonicalValue = property.allowedValues?.find((v) => v.value.toLowerCase() === pair.value.trim().toLowerCase())?.value;
    values[property.name] = canonicalValue ?? pair.value;
  };
  for (const pair of pairs) {
    if (pair.key.toLowerCase() === 'profilesettings') {
      // The nested entries keep their places in the text (for the secret check); a value the parser did not nest is read on its own.
      for (const inner of effectivePairs(pair.entry.nested?.entries ?? parseAny(pair.value))) put(inner);
    } else {
      put(pair);
    }
  }
  // The engine says which method the string selects; one that selects none starts the form on the default.
  return { methodId: methodById(service, selectMethod(service, parsed).method?.id).id, values, names };
}

/** The most loaded settings a notice names one by one; the rest are counted. */
const MOST_NAMED = 8;

/**
 * The settings of the last loaded string that the current form does not show (so the string leaves them out),
 * with a sentence that names them: names only, never values.
 */
export function leftOut(service: ResolvedService, state: BuilderState): { names: string[]; notice: string } | undefined {
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
  method: AuthMethod;
  required: Field[];
  optional: Field[];
  /** What the user typed for this service. */
  typed: Record<string, string>;
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

export function buildView(state: BuilderState, service: ResolvedService): BuildView {
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
 * @param services every service (id, label, profile file), to recognise the pasted Profile on /builder/
 * @param fixed the builder is on a service's page: the service is not read from the Profile.
 */
export function validateView(state: BuilderState, service: ResolvedService, services: readonly { id: string; name?: string; profileFile: string }[], fixed: boolean): ValidateView {
  const text = state.pasted;
  const name = serviceLabel(service);
  const empty = { text, problems: [], safeFixes: 0, secrets: [] };
  if (!text.trim()) return { ...empty, summary: `Checked against ${name} when you paste.` };
  const recognition = fixed ? undefined : recognizeService(text, services);
  const inferredServiceId = recognition?.service?.id;
  let note = '';
  if (recognition?.service && inferredServiceId !== service.id) {
    const named = recognition.service.name ?? recognition.service.id;
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
 * Whether a field's value may go into a share link: the field is on the form of the method shared, its value is
 * not fixed by the method, and it is not a secret (the metadata's `sensitive` flag, or a value that carries a
 * credential by the engine's rule).
 */
function shareable(field: Field, value: string): boolean {
  return field.fixedValue === undefined && !field.property.sensitive && value !== '' && !holdsSecret(field.property.name, value);
}

/**
 * The share link's fragment: service, method and the non-secret fields of that method's form that the user set.
 * Nothing else the state holds (another method's fields, settings loaded from a string that this form does not
 * show), so a link can be pasted anywhere.
 */
export function shareFragment(service: ResolvedService, state: BuilderState): string {
  const params = new URLSearchParams();
  const method = currentMethod(service, state);
  params.set('service', service.id);
  params.set('method', method.id);
  const typed = state.values[service.id] ?? {};
  const { required, optional } = fieldsFor(service, method.id);
  for (const field of [...required, ...optional]) {
    const name = field.property.name;
    const value = typed[name];
    if (value === undefined || !shareable(field, value)) continue;
    if (name === 'Profile' && value === defaultProfilePath(service)) continue;
    params.set(`p.${name}`, value);
  }
  return `#${params.toString()}`;
}

/**
 * Reads a share fragment. A hand-edited link gets no further than a made one: only the non-secret fields of the
 * linked method's form are read (that method's, or the starting method's when the link names none or an unknown
 * one); anything else is ignored.
 */
export function readShareFragment(
  hash: string,
  service: ResolvedService | undefined,
): { serviceId?: string; methodId?: string; values: Record<string, string> } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const values: Record<string, string> = {};
  const linked = params.get('method') ?? undefined;
  const methodId = service?.authMethods.some((m) => m.id === linked) ? linked : undefined;
  if (service) {
    const { required, optional } = fieldsFor(service, methodId);
    const fields = new Map([...required, ...optional].map((f) => [f.property.name, f]));
    for (const [key, value] of params) {
      const field = key.startsWith('p.') ? fields.get(key.slice(2)) : undefined;
      if (field && shareable(field, value)) values[field.property.name] = value;
    }
  }
  return { serviceId: params.get('service') ?? undefined, methodId, values };
}

/** Applies a share fragment to a state (after the fragment's service is loaded). */
export function restoreShared(state: BuilderState, service: ResolvedService, hash: string): BuilderState {
  const shared = readShareFragment(hash, service);
  if (shared.serviceId !== service.id) return state;
  const base = withService(state, service);
  return {
    ...base,
    methods: shared.methodId ? { ...base.methods, [service.id]: shared.methodId } : base.methods,
    values: { ...base.values, [service.id]: { ...base.values[service.id], ...shared.values } },
  };
}

/** Whether the share fragment could carry a service (cheap check before fetching its metadata). */
export function sharedServiceId(hash: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, '')).get('service') ?? undefined;
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

/** What the island needs of a service: the catalog entry without prose it never shows (smaller page). */
export function slimService(service: ResolvedService): ResolvedService {
  return {
    ...service,
    overview: '',
    decisions: [],
    properties: service.properties.map(slimProperty),
    authMethods: service.authMethods.map((m) => ({
      ...m,
      whenToUse: '',
      decisions: [],
      steps: m.steps.map((s) => ({ ...s, text: '' })),
    })),
  };
}

/** A property without the prose the island never shows (remarks, decisions, value summaries). */
export function slimProperty(property: ResolvedProperty): ResolvedProperty {
  return {
    ...property,
    remarks: undefined,
    decisions: [],
    allowedValues: property.allowedValues?.map((v) => ({ value: v.value, summary: '' })),
  };
}
