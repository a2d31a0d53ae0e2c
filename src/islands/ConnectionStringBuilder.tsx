/**
 * The connection-string builder and validator. All logic lives in src/lib/builder/ and the engine; the parts
 * are in src/islands/builder/ (mode tabs, method picker, field list, output panel, findings list). This file
 * holds the state and the loading: the service's payload (props on a service page, fetched and checked on
 * /builder/) joined with the general properties every service shares (common-data.ts). Nothing typed leaves the page:
 * no request carries it, no storage holds it, and the share link is built from non-secret fields only.
 */
import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { emptyState, initialState, reduce, type BuilderState } from '../lib/builder/model.ts';
import { joinService, readServicePayload, type BuilderService } from '../lib/builder/payload.ts';
import { sharedServiceId } from '../lib/builder/share.ts';
import { validateView } from '../lib/builder/views.ts';
import BuildPanel from './builder/BuildPanel.tsx';
import { common } from './builder/common-data.ts';
import { builderDataPath } from '../lib/site/paths.ts';
import ModeTabs from './builder/ModeTabs.tsx';
import ServicePicker from './builder/ServicePicker.tsx';
import type { ServiceSummary } from './builder/shared.ts';
import ValidatePanel from './builder/ValidatePanel.tsx';
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
  const [loaded, setLoaded] = useState<Record<string, BuilderService>>(() =>
    props.service && common.data ? { [props.service.id]: joinService(props.service, common.data) } : {},
  );
  const [loadError, setLoadError] = useState('');
  const startId = props.service?.id ?? props.initialServiceId ?? props.services[0]!.id;
  const [state, dispatch] = useReducer(reduce, props.service, (service): BuilderState =>
    service ? initialState(service) : emptyState(startId),
  );
  // The server render (and its first client render, which hydration matches) is the mode tabs over an empty
  // panel, with a notice for browsers without JavaScript; the form appears once the island runs.
  const [mounted, setMounted] = useState(false);
  const service = mounted ? loaded[state.serviceId] : undefined;
  const ready = service !== undefined && state.methods[service.id] !== undefined;
  const error = loadError || (mounted ? (common.error ?? '') : '');
  useEffect(() => {
    setMounted(true);
    if (fixed) return;
    const wanted = sharedServiceId(location.hash) ?? new URLSearchParams(location.search).get('service');
    // A link that names a service is the user's choice, even when it names the one selected first.
    if (wanted && props.services.some((s) => s.id === wanted)) dispatch({ type: 'service', serviceId: wanted });
  }, []);

  // /builder/: fetch the chosen service's metadata (one small file per service, same origin).
  useEffect(() => {
    const shared = common.data;
    if (!mounted || !shared || loaded[state.serviceId]) return;
    let cancelled = false;
    setLoadError('');
    fetch(builderDataPath(state.serviceId))
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      })
      .then((json: unknown) => {
        const data = readServicePayload(json);
        if (!cancelled) setLoaded((all) => ({ ...all, [data.id]: joinService(data, shared) }));
      })
      .catch((error: Error) => {
        if (!cancelled) setLoadError(`The metadata for this service could not be loaded (${error.message}). Reload the page to try again.`);
      });
    return () => {
      cancelled = true;
    };
  }, [mounted, state.serviceId, loaded]);

  // Once a service is there, give it its defaults; the first time, apply a share link made for it.
  const shareUsed = useRef(false);
  useEffect(() => {
    if (!service) return;
    const shareHash = shareUsed.current ? undefined : location.hash;
    if (shareHash && sharedServiceId(shareHash) === service.id) shareUsed.current = true;
    dispatch({ type: 'service-loaded', service, shareHash });
  }, [service]);

  // What the Validate tab shows, computed here because the service picker needs it too: a pasted string whose
  // Profile names no service leaves the picker on "Choose the service…" until the user picks one.
  const validation = useMemo(
    () => (ready ? validateView(state, service, props.services, fixed) : undefined),
    [ready, service, state.pasted, state.serviceBy, props.services, fixed],
  );
  const inferred = validation?.inferredServiceId;
  // On /builder/, a pasted Profile picks the service (the picker still overrides it afterwards).
  useEffect(() => {
    if (inferred && inferred !== state.serviceId) dispatch({ type: 'service', serviceId: inferred, by: 'profile' });
  }, [inferred]);
  const asking = state.mode === 'validate' && validation?.needsService !== undefined;

  return (
    // data-markdown-ignore: an interactive tool, left out of the comparison of a page with its Markdown twin (the twin
    // says what the builder does instead).
    <section class={ready ? 'builder' : 'builder builder-pending'} aria-label="Connection-string builder" data-pagefind-ignore data-markdown-ignore>
      {!mounted && <p class="notice builder-nojs">The connection-string builder needs JavaScript. Everything else on this page works without it.</p>}
      <ModeTabs selected={state.mode} onSelect={(mode) => dispatch({ type: 'mode', mode })} />
      {!fixed && mounted && (
        <ServicePicker services={props.services} selected={asking ? '' : state.serviceId} onSelect={(serviceId) => dispatch({ type: 'service', serviceId })} />
      )}
      {error && <p class="builder-problem builder-error" role="alert">{error}</p>}
      {!ready && !error && <p role="status">{mounted ? 'Loading the service’s settings…' : 'Starting the builder…'}</p>}
      {/* The panels exist while a service loads too: the mode tabs' aria-controls must always point at them. */}
      <div role="tabpanel" id="builder-mode-panel-build" aria-labelledby="builder-mode-tab-build" hidden={state.mode !== 'build'}>
        {ready && <BuildPanel state={state} service={service} dispatch={dispatch} referenceUrl={props.referenceUrl} headingLevel={props.headingLevel ?? 3} />}
      </div>
      <div role="tabpanel" id="builder-mode-panel-validate" aria-labelledby="builder-mode-tab-validate" hidden={state.mode !== 'validate'}>
        {ready && validation && <ValidatePanel service={service} view={validation} dispatch={dispatch} />}
      </div>
    </section>
  );
}
