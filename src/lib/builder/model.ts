/**
 * The connection-string builder's state and its one reducer, without DOM or framework: the island keeps a
 * `BuilderState`, dispatches `Action`s, and renders the views derived from them (views.ts).
 *
 * What the user typed is kept per service and per property, whatever the method, mode or service they switch
 * to; only `reset` clears it. Secrets live in memory only: the share link carries non-secret fields alone, and
 * only those the form shows (share.ts). The service of a pasted string is never guessed: it is the one its Profile
 * names (`recognizeService`), or the one the user picked.
 */
import {
  MASK,
  applyEdits,
  effectivePairs,
  fixAll,
  forms,
  lookupProperty,
  parseAny,
  readPasted,
  secretSpans,
  selectMethod,
  type EffectivePair,
  type FormId,
  type Problem,
} from '../connstr/index.ts';
import { defaultProfilePath } from '../providers/service-facts.ts';
import { defaultMethod, formFieldNames, methodById } from './form.ts';
import { rulesOf, type BuilderService } from './payload.ts';
import { readShareFragment, sharedServiceId } from './share.ts';

export const modes = ['build', 'validate'] as const;
export type Mode = (typeof modes)[number];

/** The forms the builder writes, one output tab each (the engine's table says which). */
export const outputTabs: readonly FormId[] = forms.filter((form) => form.builderTab).map((form) => form.id);

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
  /** The output tab shown. */
  tab: FormId;
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
  | { type: 'fix-all'; service: BuilderService }
  | { type: 'load-pasted'; service: BuilderService }
  | { type: 'tab'; tab: FormId }
  | { type: 'reset'; service: BuilderService }
  /** A service's metadata arrived: give it defaults, and apply a share fragment made for it (if any). */
  | { type: 'service-loaded'; service: BuilderService; shareHash?: string };

/** The state before any service has arrived (/builder/ fetches the one it starts on). */
export function emptyState(serviceId: string): BuilderState {
  return { serviceId, mode: 'build', methods: {}, values: {}, pasted: '', tab: 'plain' };
}

export function initialState(service: BuilderService, mode: Mode = 'build'): BuilderState {
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
export function withService(state: BuilderState, service: BuilderService): BuilderState {
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
      return { ...state, pasted: fixAll(state.pasted, rulesOf(action.service), { reportSensitive: false }).text };
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

/** Settings that say how the string is built rather than fill a field: the method picks AuthScheme, and ProfileSettings holds fields. */
const STRUCTURAL = new Set(['authscheme', 'profilesettings']);

/**
 * Method and field values read from a pasted string (any output form), for "Load into the builder". `values`
 * holds the settings some method's form of the service shows (another method's stay for when the user switches
 * to it); `names` lists every setting the string sets (names only, documented spelling when known), so the view
 * can say which ones the current form leaves out.
 */
export function fromConnectionString(text: string, service: BuilderService): { methodId: string; values: Record<string, string>; names: string[] } {
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
  return { methodId: methodById(service, selectMethod(rulesOf(service), parsed).method?.id).id, values, names };
}

/** Applies a share fragment to a state (after the fragment's service is loaded). */
export function restoreShared(state: BuilderState, service: BuilderService, hash: string): BuilderState {
  const shared = readShareFragment(hash, service);
  if (shared.serviceId !== service.id) return state;
  const base = withService(state, service);
  return {
    ...base,
    methods: shared.methodId ? { ...base.methods, [service.id]: shared.methodId } : base.methods,
    values: { ...base.values, [service.id]: { ...base.values[service.id], ...shared.values } },
  };
}
