/**
 * The connection-string builder's state and its one reducer, without DOM or framework: the island keeps a
 * `BuilderState`, dispatches `Action`s, and renders the views derived from them (views.ts).
 *
 * What the user typed is kept per service and per property, whatever the method, mode or service they switch
 * to; only `reset` clears it. Secrets live in memory only: the share link carries non-secret fields alone, and
 * only those the form shows (share.ts). The service of a pasted string is never guessed: it is the one its Profile
 * names (`recognizeService`), or the one the user picked.
 *
 * What needs the engine (a fix, Fix all, Load into the builder) is computed by the builder's checker (validation.ts,
 * off the page's main thread) and arrives here as an action carrying its result and the text it was computed for:
 * a result for a text the user has since changed is dropped.
 */
import { applyEdits, forms, type FormId, type TextEdit } from '../connstr/index.ts';
import { defaultProfilePath } from '../providers/service-facts.ts';
import { defaultMethod } from './form.ts';
import type { BuilderService } from './payload.ts';
import { readShareFragment, sharedServiceId } from './share.ts';
import type { LoadedString } from './validation.ts';

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
  /**
   * The older driver build chosen per service id on /builder/ (absent: the newest). What was typed is kept per
   * service, whatever the build, so switching builds checks the same settings against another build's rules.
   */
  builds: Record<string, string>;
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
  /** The driver build to build and check for, of the chosen service (`undefined`: its newest). */
  | { type: 'driver-build'; build: string | undefined }
  | { type: 'field'; property: string; value: string }
  | { type: 'paste'; text: string }
  /** A finding's fix (its edits of the pasted text `from`). */
  | { type: 'apply-fix'; from: string; edits: readonly TextEdit[] }
  /** "Fix all safe problems": `from` with every safe fix applied, in one step (`text`, from the checker). */
  | { type: 'fix-all'; from: string; text: string }
  /** "Load into the builder": what the checker read from the pasted text `from`. */
  | { type: 'load-pasted'; service: BuilderService; from: string; loaded: LoadedString }
  | { type: 'tab'; tab: FormId }
  | { type: 'reset'; service: BuilderService }
  /** A service's metadata arrived: give it defaults, and apply a share fragment made for it (if any). */
  | { type: 'service-loaded'; service: BuilderService; shareHash?: string };

/** The older build chosen for a service (undefined: its newest). */
export const chosenBuild = (state: Pick<BuilderState, 'builds'>, serviceId: string): string | undefined => state.builds[serviceId];

/** The state before any service has arrived (/builder/ fetches the one it starts on). */
export function emptyState(serviceId: string): BuilderState {
  return { serviceId, mode: 'build', methods: {}, builds: {}, values: {}, pasted: '', tab: 'plain' };
}

export function initialState(service: BuilderService, mode: Mode = 'build'): BuilderState {
  return {
    serviceId: service.id,
    mode,
    methods: { [service.id]: defaultMethod(service).id },
    builds: {},
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
    case 'driver-build': {
      const { [state.serviceId]: _previous, ...others } = state.builds;
      return { ...state, builds: action.build === undefined ? others : { ...others, [state.serviceId]: action.build } };
    }
    case 'field': {
      const current = state.values[state.serviceId] ?? {};
      return { ...state, values: { ...state.values, [state.serviceId]: { ...current, [action.property]: action.value } } };
    }
    case 'paste':
      return { ...state, pasted: action.text };
    case 'apply-fix':
      return action.from === state.pasted ? { ...state, pasted: applyEdits(state.pasted, action.edits) } : state;
    case 'fix-all':
      return action.from === state.pasted ? { ...state, pasted: action.text } : state;
    case 'load-pasted': {
      if (action.from !== state.pasted) return state;
      const { loaded } = action;
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
      return { ...initialState(action.service, state.mode), builds: state.builds, serviceBy: state.serviceBy, pasted: state.pasted, tab: state.tab };
    case 'service-loaded': {
      if (action.service.id !== state.serviceId) return state;
      const ready = withService(state, action.service);
      return action.shareHash && sharedServiceId(action.shareHash) === action.service.id ? restoreShared(ready, action.service, action.shareHash) : ready;
    }
  }
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
