/**
 * The connection-string builder's state and everything it derives, without DOM or framework: the island
 * renders `buildView(state, service)` or `validateView(state, service, services)` and dispatches actions.
 * Unit-tested in Node.
 *
 * What the user typed is kept per service and per property, whatever the method, mode or service they switch
 * to; only `reset` clears it. Secrets live in memory only: the share link carries non-secret fields alone.
 */
import type { ResolvedProperty, ResolvedService } from '../providers/catalog.ts';
import { defaultProfilePath, serviceLabel } from '../providers/service-facts.ts';
import { serviceRules } from '../providers/rules.ts';
import type { AuthMethod, Requirement } from '../providers/schema.ts';
import {
  applyEdits,
  canonicalize,
  checkPasted,
  fixAll,
  readPasted,
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
  type Pair,
  type PastedForm,
  type Problem,
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
  mode: Mode;
  /** Chosen auth method per service id. */
  methods: Record<string, string>;
  /** What the user typed, per service id then property name. `''` means "not set". */
  values: Record<string, Record<string, string>>;
  /** The validate-mode text. */
  pasted: string;
  tab: OutputTab;
};

export type Action =
  | { type: 'mode'; mode: Mode }
  | { type: 'service'; serviceId: string }
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
      return { ...state, serviceId: action.serviceId };
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
      return { ...state, pasted: fixAll(state.pasted, serviceRules(action.service), { reportSensitive: false }).text };
    case 'load-pasted': {
      const loaded = fromConnectionString(state.pasted, action.service);
      const current = state.values[action.service.id] ?? {};
      return {
        ...state,
        mode: 'build',
        serviceId: action.service.id,
        methods: { ...state.methods, [action.service.id]: loaded.methodId },
        values: { ...state.values, [action.service.id]: { ...current, ...loaded.values } },
      };
    }
    case 'tab':
      return { ...state, tab: action.tab };
    case 'reset':
      return { ...initialState(action.service, state.mode), pasted: state.pasted, tab: state.tab };
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
    return { text: canonicalize(serialize(buildPairs(service, state)), serviceRules(service)) };
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
  return checkPasted(text, serviceRules(service), { reportSensitive: false }).problems;
}

/**
 * What a pasted text reads as: its findings, which form was read (for a label such as "Read as: C# snippet") and
 * how many findings "Fix all safe problems" (action `fix-all`) would settle.
 */
export function pastedView(service: ResolvedService, text: string): { form: PastedForm; formLabel: string; problems: Problem[]; safeFixes: number } {
  const { reading, problems } = checkPasted(text, serviceRules(service), { reportSensitive: false });
  return {
    form: reading.form,
    formLabel: reading.label,
    problems,
    safeFixes: problems.filter((p) => p.fix && p.fix.edits.length > 0 && safeFixCodes.has(p.code)).length,
  };
}

/** Method and field values read from a pasted string (any output form), for "Load into the builder". */
export function fromConnectionString(text: string, service: ResolvedService): { methodId: string; values: Record<string, string> } {
  const parsed = parseAny(readPasted(text).text);
  const pairs = effectivePairs(parsed);
  const values: Record<string, string> = {};
  const put = (key: string, value: string) => {
    const property = lookupProperty(service, key)?.property;
    if (!property || property.name === 'ProfileSettings') return;
    const canonicalValue = property.allowedValues?.find((v) => v.value.toLowerCase() === value.trim().toLowerCase())?.value;
    values[property.name] = canonicalValue ?? value;
  };
  for (const pair of pairs) {
    if (pair.value === null) continue;
    if (pair.key.toLowerCase() === 'profilesettings') {
      for (const inner of effectivePairs(parseAny(pair.value))) if (inner.value !== null) put(inner.key, inner.value);
    } else {
      put(pair.key, pair.value);
    }
  }
  // The engine says which method the string selects; one that selects none starts the form on the default.
  return { methodId: methodById(service, selectMethod(serviceRules(service), parsed).method?.id).id, values };
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
  /** `#service=…`: the share link's fragment (non-secret fields only). */
  share: string;
};

export function buildView(state: BuilderState, service: ResolvedService): BuildView {
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
export function validateView(state: BuilderState, service: ResolvedService, services: readonly { id: string; profileFile: string }[], fixed: boolean): ValidateView {
  const text = state.pasted;
  const inferredServiceId = text && !fixed ? inferServiceId(text, services) : undefined;
  const pasted = text.trim() ? pastedView(service, text) : undefined;
  const problems = pasted?.problems ?? [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity]++;
  const name = serviceLabel(service);
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
  const file = profile.trim().split(/[\\/]/).pop()?.toLowerCase();
  return services.find((s) => s.profileFile.toLowerCase() === file)?.id;
}

/**
 * The share link's fragment: service, method and every non-secret field the user set. Secrets are left out
 * by the metadata's `sensitive` flag, so a link can be pasted anywhere.
 */
export function shareFragment(service: ResolvedService, state: BuilderState): string {
  const params = new URLSearchParams();
  params.set('service', service.id);
  params.set('method', currentMethod(service, state).id);
  const typed = state.values[service.id] ?? {};
  for (const [name, value] of Object.entries(typed)) {
    const property = service.properties.find((p) => p.name === name);
    if (!property || property.sensitive || value === '') continue;
    if (name === 'Profile' && value === defaultProfilePath(service)) continue;
    params.set(`p.${name}`, value);
  }
  return `#${params.toString()}`;
}

/** Reads a share fragment; unknown or secret properties in a hand-edited link are ignored. */
export function readShareFragment(
  hash: string,
  service: ResolvedService | undefined,
): { serviceId?: string; methodId?: string; values: Record<string, string> } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const values: Record<string, string> = {};
  const methodId = params.get('method') ?? undefined;
  for (const [key, value] of params) {
    if (!key.startsWith('p.') || !service) continue;
    const property = service.properties.find((p) => p.name === key.slice(2));
    if (property && !property.sensitive) values[property.name] = value;
  }
  return {
    serviceId: params.get('service') ?? undefined,
    methodId: service?.authMethods.some((m) => m.id === methodId) ? methodId : undefined,
    values,
  };
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
