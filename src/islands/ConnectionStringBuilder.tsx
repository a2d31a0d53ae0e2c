/**
 * The connection-string builder and validator. All logic lives in src/lib/builder/ and the engine; the parts
 * are in src/islands/builder/ (mode tabs, method picker, field list, output panel, findings list). This file
 * holds the state and the loading: the service's payload (props on a service page, fetched on /builder/) joined
 * with the general properties every service shares (common-data.ts), and the checker (checker-client.ts), the
 * worker that runs the engine for the builder so that no check, however long the pasted text, blocks the page.
 * The form renders from the payload alone; the checker loads when something needs the engine (a field changed, a
 * link's or a loaded string's values, the Validate tab) and checks the payload against its schema first. Nothing
 * typed leaves the page: no request carries it, no storage holds it, and the share link is built from non-secret
 * fields only.
 */
import { useEffect, useErrorBoundary, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { CheckAnswer } from '../lib/builder/checker.ts';
import { buildString, currentMethod } from '../lib/builder/form.ts';
import { chosenBuild, emptyState, initialState, reduce, type BuilderState } from '../lib/builder/model.ts';
import type { BuilderService } from '../lib/builder/payload.ts';
import { joinService, payloadKey } from '../lib/builder/service.ts';
import { linkedBuild, sharedServiceId, unknownBuildNotice } from '../lib/builder/share.ts';
import type { ValidateView } from '../lib/builder/validation.ts';
import { emptyRequired, pasteHint, type BuildCheck } from '../lib/builder/views.ts';
import BuildPanel from './builder/BuildPanel.tsx';
import BuildPicker from './builder/BuildPicker.tsx';
import { CheckerClient, type JobRequest } from './builder/checker-client.ts';
import { common } from './builder/common-data.ts';
import { builderBuildDataPath, builderDataPath } from '../lib/site/paths.ts';
import ModeTabs from './builder/ModeTabs.tsx';
import ServicePicker from './builder/ServicePicker.tsx';
import type { ServiceSummary } from './builder/shared.ts';
import ValidatePanel, { type Validation } from './builder/ValidatePanel.tsx';
import './builder.css';

export type Props = {
  /** The service of the page (service pages), without the general properties; absent on /builder/. */
  service?: BuilderService;
  /** Every service, for the picker and for recognising a pasted Profile. */
  services: ServiceSummary[];
  /** URL of the properties reference page. */
  referenceUrl: string;
  /** Service to start with on /builder/. */
  initialServiceId?: string;
  /** Level of the island's own headings, to fit the page's outline (2 under the page's h1, 3 under an h2). */
  headingLevel?: 2 | 3;
};

export default function ConnectionStringBuilder(props: Props) {
  const fixed = props.service !== undefined;
  // Each service build's own file as the page has it (props or fetched), joined with the shared file for the form,
  // both keyed by `payloadKey` (a service page's own build is its key: the page fixes it); the checker gets the two
  // files as they are and checks them.
  const parts = useRef<Record<string, { serviceId: string; build?: string; part: unknown }>>(
    props.service ? { [props.service.id]: { serviceId: props.service.id, part: props.service } } : {},
  );
  const [loaded, setLoaded] = useState<Record<string, BuilderService>>(() =>
    props.service && common.data ? { [props.service.id]: joinService(props.service, common.data) } : {},
  );
  const [loadError, setLoadError] = useState('');
  const startId = props.service?.id ?? props.initialServiceId ?? props.services[0]!.id;
  const [state, dispatch] = useReducer(reduce, props.service, (service): BuilderState =>
    service ? initialState(service) : emptyState(startId),
  );
  // A payload that reaches the form in a shape it cannot render is said so, not a blank island.
  const [renderError] = useErrorBoundary();
  // The server render (and its first client render, which hydration matches) is the mode tabs over an empty
  // panel, with a notice for browsers without JavaScript; the form appears once the island runs.
  const [mounted, setMounted] = useState(false);
  // The older driver build picked on /builder/ (undefined: the newest), and the key its payload is kept under.
  const build = fixed ? undefined : chosenBuild(state, state.serviceId);
  const key = payloadKey(state.serviceId, build);
  const summary = props.services.find((s) => s.id === state.serviceId);
  // A link that names a build this site does not document for its service: said, and the newest shown instead.
  const [unknownBuild, setUnknownBuild] = useState<{ serviceId: string; build: string }>();
  const service = mounted ? loaded[key] : undefined;
  const ready = service !== undefined && state.methods[service.id] !== undefined;
  const error = loadError || (mounted ? (common.error ?? '') : '') || (renderError ? `The builder could not show these settings (${String((renderError as Error).message ?? renderError)}). Reload the page to try again.` : '');

  // The checker starts on first use; until then no engine code is loaded.
  const checkerRef = useRef<CheckerClient>();
  const checker = (): CheckerClient => {
    if (!checkerRef.current) {
      const client = new CheckerClient((message) => setLoadError(message));
      client.send({ kind: 'services', services: props.services });
      for (const { serviceId, build, part } of Object.values(parts.current)) client.send({ kind: 'payload', serviceId, ...(build ? { build } : {}), part, common: common.data });
      checkerRef.current = client;
    }
    return checkerRef.current;
  };
  const ask = (request: JobRequest): Promise<CheckAnswer | undefined> =>
    checker()
      .ask(request)
      .then((answer) => {
        if (answer?.kind === 'error') setLoadError(`The builder could not check this string (${answer.message}). Reload the page to try again.`);
        return answer;
      });
  useEffect(() => () => checkerRef.current?.stop(), []);

  // Before the first paint after hydration: a frame of the server render would let a Tab pressed then skip the form.
  useLayoutEffect(() => {
    setMounted(true);
    if (fixed) return;
    const wanted = sharedServiceId(location.hash) ?? new URLSearchParams(location.search).get('service');
    const linked = props.services.find((s) => s.id === wanted);
    if (!linked) return;
    // A link that names a service is the user's choice, even when it names the one selected first; the build it
    // names, if the service documents it, is chosen before the service's settings are fetched.
    dispatch({ type: 'service', serviceId: linked.id });
    const asked = linkedBuild(location.hash, location.search, linked);
    if (asked.build) dispatch({ type: 'driver-build', build: asked.build });
    if (asked.unknown) setUnknownBuild({ serviceId: linked.id, build: asked.unknown });
  }, []);

  // /builder/: fetch the chosen service's metadata (one small file per service, same origin).
  useEffect(() => {
    const shared = common.data;
    if (!mounted || !shared || loaded[key]) return;
    let cancelled = false;
    setLoadError('');
    const serviceId = state.serviceId;
    const wantedKey = key;
    const wantedBuild = build;
    fetch(wantedBuild === undefined ? builderDataPath(serviceId) : builderBuildDataPath(serviceId, wantedBuild))
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      })
      .then((json: BuilderService) => {
        if (cancelled) return;
        parts.current[wantedKey] = { serviceId, ...(wantedBuild ? { build: wantedBuild } : {}), part: json };
        checkerRef.current?.send({ kind: 'payload', serviceId, ...(wantedBuild ? { build: wantedBuild } : {}), part: json, common: shared });
        setLoaded((all) => ({ ...all, [wantedKey]: joinService(json, shared) }));
      })
      .catch((error: Error) => {
        if (!cancelled) setLoadError(`The metadata for this service could not be loaded (${error.message}). Reload the page to try again.`);
      });
    return () => {
      cancelled = true;
    };
  }, [mounted, key, loaded]);

  // Once a service is there, give it its defaults; the first time, apply a share link made for it.
  const shareUsed = useRef(false);
  useEffect(() => {
    if (!service) return;
    const shareHash = shareUsed.current ? undefined : location.hash;
    if (shareHash && sharedServiceId(shareHash) === service.id) shareUsed.current = true;
    dispatch({ type: 'service-loaded', service, shareHash });
  }, [service]);

  // Build mode: the engine's problems of the string the form builds. The form's first string needs none while the
  // form itself can say which required settings are still empty (views.ts `emptyRequired`); anything else is checked.
  const [buildCheck, setBuildCheck] = useState<BuildCheck & { key: string }>();
  const [engaged, setEngaged] = useState(false);
  const built = ready ? buildString(service, state).text : '';
  const untouched = useMemo(() => (ready ? built === buildString(service, initialState(service)).text && emptyRequired(service, state).length > 0 : false), [ready, service, built]);
  useEffect(() => {
    if (!ready || (untouched && !engaged)) return;
    const serviceId = service.id;
    const checkedKey = key;
    const methodId = currentMethod(service, state).id;
    void ask({ kind: 'build', serviceId, ...(build ? { build } : {}), text: built, methodId }).then((answer) => {
      if (answer?.kind === 'build') setBuildCheck({ key: checkedKey, text: built, problems: answer.problems, methodId });
    });
  }, [ready, service, built, untouched, engaged, state.methods]);

  // Validate mode: the checker's view of the pasted text, for the service and the way it was chosen.
  const [validation, setValidation] = useState<Validation>();
  const validating = state.mode === 'validate' && ready;
  useEffect(() => {
    if (!validating) return;
    const serviceId = service.id;
    const checkedKey = key;
    const text = state.pasted;
    const serviceBy = state.serviceBy;
    const done = (view: ValidateView) => setValidation({ serviceId, key: checkedKey, text, serviceBy, view });
    // Nothing pasted: nothing to check, but the checker starts, to be ready for the paste.
    if (!text.trim()) {
      checker().warm();
      return done({ summary: pasteHint(service), total: 0, findings: [], notShown: 0, safeFixes: 0 });
    }
    void ask({ kind: 'validate', serviceId, ...(build ? { build } : {}), text, serviceBy, fixed }).then((answer) => {
      if (answer?.kind === 'validate') done(answer.view);
    });
  }, [validating, service, state.pasted, state.serviceBy]);
  const current = validation?.key === key && validation.text === state.pasted && validation.serviceBy === state.serviceBy;
  const inferred = validation?.view.inferredServiceId;
  // On /builder/, a Profile the pasted text newly names picks the service, whatever was picked before; a service the
  // user picks afterwards stays (the view then says which profile the string names) until the text names another
  // (`followed`: the Profile's service last switched to). Until the Profile's service is here, the view's actions
  // would act on the old one.
  const followed = useRef<string>();
  const switching = current && inferred !== undefined && inferred !== state.serviceId && inferred !== followed.current;
  useEffect(() => {
    if (current && inferred === undefined) followed.current = undefined;
    if (!switching || !inferred) return;
    followed.current = inferred;
    dispatch({ type: 'service', serviceId: inferred, by: 'profile' });
  }, [switching, inferred, current]);
  const asking = state.mode === 'validate' && validation?.view.needsService !== undefined && validation.text === state.pasted;

  // The Validate tab's actions. For a short text the view brought both answers (applied at once); for a long one
  // each is asked of the checker when clicked, and applied to the text it was computed for.
  const [acting, setActing] = useState<'' | 'fix-all' | 'load'>('');
  const act = (kind: 'fix-all' | 'load') => {
    if (!service || acting || !validation || !current || switching) return;
    const from = state.pasted;
    const actingService = service;
    const actingBuild = build;
    const ready = validation.view.ready;
    if (kind === 'fix-all' && ready?.fixed !== undefined) return dispatch({ type: 'fix-all', from, text: ready.fixed });
    if (kind === 'load' && ready) return dispatch({ type: 'load-pasted', service: actingService, from, loaded: ready.loaded });
    setActing(kind);
    void ask({ kind, serviceId: actingService.id, ...(actingBuild ? { build: actingBuild } : {}), text: from })
      .then((answer) => {
        if (answer?.kind === 'fix-all') dispatch({ type: 'fix-all', from, text: answer.text });
        if (answer?.kind === 'load') dispatch({ type: 'load-pasted', service: actingService, from, loaded: answer.loaded });
      })
      .finally(() => setActing(''));
  };

  return (
    // data-markdown-ignore: an interactive tool, left out of the comparison of a page with its Markdown twin (the twin
    // says what the builder does instead).
    <section class={ready ? 'builder' : 'builder builder-pending'} aria-label="Connection-string builder" data-pagefind-ignore data-markdown-ignore>
      {!mounted && <p class="notice builder-nojs">The connection-string builder needs JavaScript. Everything else on this page works without it.</p>}
      <ModeTabs selected={state.mode} onSelect={(mode) => dispatch({ type: 'mode', mode })} />
      {!fixed && mounted && (
        <ServicePicker services={props.services} selected={asking ? '' : state.serviceId} onSelect={(serviceId) => dispatch({ type: 'service', serviceId })} />
      )}
      {!fixed && mounted && !asking && summary?.builds && summary.builds.length > 1 && (
        <BuildPicker
          builds={summary.builds}
          selected={build}
          onSelect={(picked) => {
            setUnknownBuild(undefined);
            dispatch({ type: 'driver-build', build: picked });
          }}
        />
      )}
      {unknownBuild && unknownBuild.serviceId === state.serviceId && summary && (
        <p class="notice" role="status">
          {unknownBuildNotice(summary, unknownBuild.build)}
        </p>
      )}
      {error && <p class="builder-problem builder-error" role="alert">{error}</p>}
      {!ready && !error && <p role="status">{mounted ? 'Loading the service’s settings…' : 'Starting the builder…'}</p>}
      {/* The panels exist while a service loads too: the mode tabs' aria-controls must always point at them. */}
      <div
        role="tabpanel"
        id="builder-mode-panel-build"
        aria-labelledby="builder-mode-tab-build"
        hidden={state.mode !== 'build'}
        onFocusIn={() => engaged || setEngaged(true)}
      >
        {ready && !renderError && (
          <BuildPanel
            state={state}
            service={service}
            checked={buildCheck?.key === key ? buildCheck : undefined}
            dispatch={dispatch}
            referenceUrl={props.referenceUrl}
            headingLevel={props.headingLevel ?? 3}
          />
        )}
      </div>
      <div role="tabpanel" id="builder-mode-panel-validate" aria-labelledby="builder-mode-tab-validate" hidden={state.mode !== 'validate'}>
        {ready && !renderError && (
          <ValidatePanel
            text={state.pasted}
            validation={validation?.key === key || asking ? validation : undefined}
            current={current && !switching}
            acting={acting}
            onPaste={(text) => dispatch({ type: 'paste', text })}
            onFix={(edits) => validation && dispatch({ type: 'apply-fix', from: validation.text, edits })}
            onFixAll={() => act('fix-all')}
            onLoad={() => act('load')}
          />
        )}
      </div>
    </section>
  );
}
