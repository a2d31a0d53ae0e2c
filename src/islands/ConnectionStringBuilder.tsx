/**
 * The connection-string builder and validator. All logic lives in src/lib/builder/model.ts and the engine;
 * this component binds it to accessible controls. Nothing typed leaves the page: no request carries it, no
 * storage holds it, and the share link is built from non-secret fields only.
 */
import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { ResolvedService } from '../lib/providers/catalog.ts';
import type { Problem } from '../lib/connstr/index.ts';
import {
  buildProblems,
  buildString,
  excerpt,
  fieldsFor,
  inferServiceId,
  initialState,
  modes,
  outputLabels,
  outputTabs,
  outputs,
  problemsByField,
  reduce,
  shareFragment,
  sharedServiceId,
  type Action,
  type BuilderState,
  type Field,
  type Mode,
  type OutputTab,
} from '../lib/builder/model.ts';
import './builder.css';

type ServiceSummary = { id: string; name: string; profileFile: string };

export type Props = {
  /** The service of the page (service pages); absent on /builder/, where the user picks one. */
  service?: ResolvedService;
  /** Every service, for the picker and for recognising a pasted Profile. */
  services: ServiceSummary[];
  /** URL prefix of the per-service metadata files (`/builder/data/`). */
  dataBase: string;
  /** URL of the properties reference page. */
  referenceUrl: string;
  /** Service to start with on /builder/. */
  initialServiceId?: string;
  /** Level of the island's own headings, to fit the page's outline (2 under the page's h1, 3 under an h2). */
  headingLevel?: 2 | 3;
};

const modeLabels: Record<Mode, string> = { build: 'Build', validate: 'Validate' };
const severityLabels = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

export default function ConnectionStringBuilder(props: Props) {
  const fixed = props.service !== undefined;
  const [loaded, setLoaded] = useState<Record<string, ResolvedService>>(props.service ? { [props.service.id]: props.service } : {});
  const [loadError, setLoadError] = useState('');
  const startId = props.service?.id ?? props.initialServiceId ?? props.services[0]!.id;
  const [state, dispatch] = useReducer(reduce, props.service, (service): BuilderState =>
    service ? initialState(service) : { serviceId: startId, mode: 'build', methods: {}, values: {}, pasted: '', tab: 'plain' },
  );
  const service = loaded[state.serviceId];
  const ready = service !== undefined && state.methods[service.id] !== undefined;
  // The server-rendered HTML (and a browser without JavaScript) gets only a notice; the form appears once
  // the island runs, so no dead controls are ever shown.
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    setMounted(true);
    if (fixed) return;
    const wanted = sharedServiceId(location.hash) ?? new URLSearchParams(location.search).get('service');
    if (wanted && wanted !== state.serviceId && props.services.some((s) => s.id === wanted)) dispatch({ type: 'service', serviceId: wanted });
  }, []);

  // /builder/: fetch the chosen service's metadata (one small file per service, same origin).
  useEffect(() => {
    if (!mounted || loaded[state.serviceId]) return;
    let cancelled = false;
    setLoadError('');
    fetch(`${props.dataBase}${state.serviceId}.json`)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json() as Promise<ResolvedService>;
      })
      .then((data) => {
        if (!cancelled) setLoaded((all) => ({ ...all, [data.id]: data }));
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

  if (!mounted) {
    return (
      <section class="builder builder-pending" aria-label="Connection-string builder" data-pagefind-ignore>
        <p class="notice">The connection-string builder needs JavaScript. Everything else on this page works without it.</p>
      </section>
    );
  }

  return (
    <section class={ready ? 'builder' : 'builder builder-pending'} aria-label="Connection-string builder" data-pagefind-ignore>
      <Tabs
        label="Mode"
        idPrefix="builder-mode"
        items={modes}
        labels={modeLabels}
        selected={state.mode}
        onSelect={(mode) => dispatch({ type: 'mode', mode })}
      />
      {!fixed && (
        <p class="builder-row">
          <label for="builder-service">Service</label>{' '}
          <select id="builder-service" value={state.serviceId} onChange={(e) => dispatch({ type: 'service', serviceId: e.currentTarget.value })}>
            {props.services.map((s) => (
              <option value={s.id}>{s.name}</option>
            ))}
          </select>
        </p>
      )}
      {loadError && <p class="builder-problem builder-error" role="alert">{loadError}</p>}
      {!ready && !loadError && <p role="status">Loading the service’s settings…</p>}
      {/* The panels exist while a service loads too: the mode tabs' aria-controls must always point at them. */}
      <div role="tabpanel" id="builder-mode-panel-build" aria-labelledby="builder-mode-tab-build" hidden={state.mode !== 'build'}>
        {ready && <BuildPanel state={state} service={service} dispatch={dispatch} referenceUrl={props.referenceUrl} headingLevel={props.headingLevel ?? 3} />}
      </div>
      <div role="tabpanel" id="builder-mode-panel-validate" aria-labelledby="builder-mode-tab-validate" hidden={state.mode !== 'validate'}>
        {ready && <ValidatePanel state={state} service={service} fixed={fixed} services={props.services} dispatch={dispatch} />}
      </div>
    </section>
  );
}

/** Tabs with the ARIA pattern: arrows move between tabs, only the selected one is in the Tab order. */
function Tabs<T extends string>(props: {
  label: string;
  idPrefix: string;
  items: readonly T[];
  labels: Record<T, string>;
  selected: T;
  onSelect: (item: T) => void;
}) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const move = (event: KeyboardEvent, index: number) => {
    const last = props.items.length - 1;
    const next =
      event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : undefined;
    if (next === undefined) return;
    event.preventDefault();
    const item = props.items[next]!;
    props.onSelect(item);
    refs.current[item]?.focus();
  };
  return (
    <div role="tablist" aria-label={props.label} class="builder-tabs">
      {props.items.map((item, index) => (
        <button
          type="button"
          role="tab"
          id={`${props.idPrefix}-tab-${item}`}
          aria-controls={`${props.idPrefix}-panel-${item}`}
          aria-selected={item === props.selected}
          tabIndex={item === props.selected ? 0 : -1}
          ref={(el) => {
            refs.current[item] = el;
          }}
          onClick={() => props.onSelect(item)}
          onKeyDown={(event) => move(event, index)}
        >
          {props.labels[item]}
        </button>
      ))}
    </div>
  );
}

type Dispatch = (action: Action) => void;

function BuildPanel(props: { state: BuilderState; service: ResolvedService; dispatch: Dispatch; referenceUrl: string; headingLevel: 2 | 3 }) {
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  const { state, service, dispatch } = props;
  const methodId = state.methods[service.id]!;
  const method = service.authMethods.find((m) => m.id === methodId) ?? service.authMethods[0]!;
  const { required, optional } = fieldsFor(service, method.id);
  const output = buildString(service, state);
  const problems = useMemo(() => (output.text ? buildProblems(service, output.text) : []), [output.text, service]);
  const byField = problemsByField(problems);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const forms = output.text ? outputs(output.text) : undefined;
  const missing = problems.filter((p) => p.code === 'missing-required').length;
  const share = typeof location === 'undefined' ? '' : `${location.origin}${location.pathname}${shareFragment(service, state)}`;
  const typed = state.values[service.id] ?? {};
  const optionalSet = optional.filter((f) => (typed[f.property.name] ?? '') !== '').length;

  const fieldProps = (field: Field) => ({
    field,
    value: typed[field.property.name],
    problems: (byField.get(field.property.name) ?? []).filter((p) => p.code !== 'missing-required' || touched[field.property.name]),
    serviceId: service.id,
    consoleName: service.consoleName,
    referenceUrl: props.referenceUrl,
    onInput: (value: string) => dispatch({ type: 'field', property: field.property.name, value }),
    onBlur: () => setTouched((t) => (t[field.property.name] ? t : { ...t, [field.property.name]: true })),
  });

  return (
    <div class="builder-build">
      <fieldset class="builder-methods">
        <legend>Authentication method</legend>
        {service.authMethods.map((m) => (
          <label class="builder-choice">
            <input
              type="radio"
              name={`builder-method-${service.id}`}
              value={m.id}
              checked={m.id === method.id}
              onChange={() => dispatch({ type: 'method', methodId: m.id })}
            />{' '}
            {m.label}
            {m.audience && <span class="builder-hint"> ({m.audience === 'own-data' ? 'your own data' : m.audience === 'other-users' ? 'other users’ data' : 'your own or other users’ data'})</span>}
          </label>
        ))}
      </fieldset>

      <fieldset class="builder-fields">
        <legend>Required settings</legend>
        {required.map((field) => (
          <FieldControl key={`${service.id}-${field.property.name}`} {...fieldProps(field)} />
        ))}
      </fieldset>
      {optional.length > 0 && (
        <details class="builder-optional">
          <summary>
            Optional settings ({optional.length}
            {optionalSet > 0 ? `, ${optionalSet} set` : ''})
          </summary>
          {optional.map((field) => (
            <FieldControl key={`${service.id}-${field.property.name}`} {...fieldProps(field)} />
          ))}
        </details>
      )}

      <Heading class="builder-heading" id="builder-output-heading">
        Your connection string
      </Heading>
      <p role="status" class="builder-summary">
        {output.error
          ? `Cannot write this string: ${output.error}`
          : missing > 0
            ? `${missing} required ${missing === 1 ? 'setting is' : 'settings are'} still empty.`
            : problems.some((p) => p.severity === 'error')
              ? 'Fix the settings marked above.'
              : 'Ready to use.'}
      </p>
      {forms && <OutputTabs forms={forms} tab={state.tab} onTab={(tab) => dispatch({ type: 'tab', tab })} />}

      <div class="builder-actions">
        <CopyButton text={share} label="Copy share link" done="Share link copied (secrets are never included)" />
        <button type="button" onClick={() => dispatch({ type: 'reset', service })}>
          Reset the form
        </button>
      </div>
      <p class="builder-row">
        <label for="builder-share">Share link (without secrets)</label>
        <input id="builder-share" type="text" readOnly value={share} class="builder-share" />
      </p>
    </div>
  );
}

function FieldControl(props: {
  field: Field;
  value: string | undefined;
  problems: Problem[];
  serviceId: string;
  consoleName: string;
  referenceUrl: string;
  onInput: (value: string) => void;
  onBlur: () => void;
}) {
  const { field, problems } = props;
  const name = field.property.name;
  const id = `builder-${props.serviceId}-${name}`;
  const [shown, setShown] = useState(false);
  const invalid = problems.some((p) => p.severity === 'error' || p.severity === 'warning');
  const describedBy = [`${id}-desc`, problems.length ? `${id}-problems` : ''].filter(Boolean).join(' ');
  const value = props.value ?? field.recommendedValue ?? '';
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-required': field.required && field.fixedValue === undefined ? ('true' as const) : undefined,
    onBlur: props.onBlur,
  };

  let control;
  if (field.fixedValue !== undefined) {
    control = <input {...common} type="text" readOnly value={field.fixedValue} class="builder-fixed" />;
  } else if (field.input === 'select') {
    const defaultValue = field.property.default;
    control = (
      <select {...common} value={value} onChange={(e) => props.onInput(e.currentTarget.value)}>
        <option value="">{defaultValue ? `Not set (driver default: ${defaultValue})` : 'Not set'}</option>
        {(field.property.allowedValues ?? []).map((v) => (
          <option value={v.value}>{v.value}</option>
        ))}
      </select>
    );
  } else if (field.input === 'checkbox') {
    const checked = value === '' ? field.property.default?.toLowerCase() === 'true' : value.toLowerCase() === 'true';
    control = <input {...common} type="checkbox" checked={checked} onChange={(e) => props.onInput(e.currentTarget.checked ? 'true' : 'false')} />;
  } else {
    const type = field.input === 'password' ? (shown ? 'text' : 'password') : field.input === 'number' ? 'number' : field.input === 'url' ? 'url' : 'text';
    control = (
      <span class="builder-input">
        <input
          {...common}
          type={type}
          value={value}
          autocomplete="off"
          spellcheck={false}
          placeholder={field.property.example ?? ''}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
        {field.input === 'password' && (
          <button type="button" aria-pressed={shown} aria-controls={id} onClick={() => setShown(!shown)}>
            {shown ? 'Hide' : 'Show'}
            <span class="visually-hidden"> {name}</span>
          </button>
        )}
      </span>
    );
  }

  return (
    <div class={`builder-field${invalid ? ' builder-field-invalid' : ''}`}>
      <label for={id} class="builder-label">
        <code>{name}</code>
        {field.required && field.fixedValue === undefined && <span class="builder-required"> (required)</span>}
        {field.property.placement === 'profileSettings' && <span class="builder-hint"> inside ProfileSettings</span>}
        {field.property.sensitive && <span class="badge badge-secret">secret</span>}
      </label>
      {control}
      <div id={`${id}-desc`} class="builder-desc">
        <p>{field.source ?? field.property.summary}</p>
        {field.menuPaths.map((path) => (
          <p class="builder-where">
            In {props.consoleName}: {path.join(' › ')}
          </p>
        ))}
        <p>
          <a href={`${props.referenceUrl}#prop-${name}`}>
            {name} in the reference
          </a>
        </p>
      </div>
      {problems.length > 0 && (
        <ul id={`${id}-problems`} class="builder-field-problems">
          {problems.map((p) => (
            <li class={`builder-problem builder-${p.severity}`}>
              <strong>{severityLabels[p.severity]}:</strong> {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function OutputTabs(props: { forms: Record<OutputTab, string>; tab: OutputTab; onTab: (tab: OutputTab) => void }) {
  return (
    <div class="builder-output">
      <Tabs label="Output format" idPrefix="builder-output" items={outputTabs} labels={outputLabels} selected={props.tab} onSelect={props.onTab} />
      {outputTabs.map((tab) => (
        <div role="tabpanel" id={`builder-output-panel-${tab}`} aria-labelledby={`builder-output-tab-${tab}`} hidden={tab !== props.tab}>
          <pre tabIndex={0} aria-label={outputLabels[tab]}>
            <code>{props.forms[tab]}</code>
          </pre>
          <CopyButton text={props.forms[tab]} label={`Copy ${outputLabels[tab]}`} done={`${outputLabels[tab]} copied`} />
        </div>
      ))}
    </div>
  );
}

function CopyButton(props: { text: string; label: string; done: string }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
      setStatus(props.done);
    } catch {
      setStatus('Copy failed: select the text and copy it by hand.');
    }
    setTimeout(() => setStatus(''), 4000);
  };
  return (
    <span class="builder-copy">
      <button type="button" onClick={copy}>
        {props.label}
      </button>
      <span role="status" class="builder-copy-status">
        {status}
      </span>
    </span>
  );
}

function ValidatePanel(props: { state: BuilderState; service: ResolvedService; fixed: boolean; services: ServiceSummary[]; dispatch: Dispatch }) {
  const { state, service, dispatch } = props;
  const area = useRef<HTMLTextAreaElement>(null);
  const text = state.pasted;
  const inferred = text ? inferServiceId(text, props.services) : undefined;
  // On /builder/, a pasted Profile picks the service (the picker still overrides it afterwards).
  useEffect(() => {
    if (!props.fixed && inferred && inferred !== state.serviceId) dispatch({ type: 'service', serviceId: inferred });
  }, [inferred]);
  const problems = useMemo(() => (text.trim() ? buildProblems(service, text) : []), [text, service]);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity]++;
  const select = (problem: Problem) => {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(problem.span.start, Math.max(problem.span.end, problem.span.start));
  };

  return (
    <div class="builder-validate">
      <p class="builder-row">
        <label for="builder-paste">Paste a connection string</label>
      </p>
      <textarea
        id="builder-paste"
        ref={area}
        rows={4}
        spellcheck={false}
        autocomplete="off"
        value={text}
        aria-describedby="builder-validate-summary"
        onInput={(e) => dispatch({ type: 'paste', text: e.currentTarget.value })}
      />
      <p id="builder-validate-summary" role="status" class="builder-summary">
        {!text.trim()
          ? `Checked against ${service.name} when you paste.`
          : problems.length === 0
            ? `No problems: this string is valid for ${service.name}.`
            : `${problems.length} ${problems.length === 1 ? 'finding' : 'findings'} for ${service.name}: ${counts.error} ${counts.error === 1 ? 'error' : 'errors'}, ${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'}, ${counts.info} ${counts.info === 1 ? 'note' : 'notes'}.`}
        {!props.fixed && inferred && ` Service recognised from the Profile file name.`}
      </p>
      {problems.length > 0 && (
        <ol class="builder-problems" aria-label="Problems found">
          {problems.map((problem) => {
            const cut = excerpt(text, problem.span);
            return (
              <li class={`builder-problem builder-${problem.severity}`}>
                <p>
                  <strong>{severityLabels[problem.severity]}</strong> at position {problem.span.start + 1}: {problem.message}
                </p>
                <p class="builder-excerpt">
                  <code>
                    {cut.before}
                    <mark>{cut.marked || '▏'}</mark>
                    {cut.after}
                  </code>
                </p>
                <p class="builder-actions">
                  <button type="button" onClick={() => select(problem)}>
                    Show in the text<span class="visually-hidden"> (position {problem.span.start + 1})</span>
                  </button>
                  {problem.fix && (
                    <button type="button" onClick={() => dispatch({ type: 'apply-fix', problem })}>
                      Fix: {problem.fix.description}
                    </button>
                  )}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      {text.trim() && (
        <p class="builder-actions">
          <button type="button" onClick={() => dispatch({ type: 'load-pasted', service })}>
            Load into the builder
          </button>
        </p>
      )}
    </div>
  );
}
