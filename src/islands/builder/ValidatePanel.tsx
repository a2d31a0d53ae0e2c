/** Validate mode: paste a string, read a summary and the findings, apply safe fixes, load it into the form. */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { BuilderState } from '../../lib/builder/model.ts';
import type { BuilderService } from '../../lib/builder/payload.ts';
import { validateView } from '../../lib/builder/views.ts';
import type { Problem } from '../../lib/connstr/index.ts';
import FindingsList from './FindingsList.tsx';
import type { Dispatch, ServiceSummary } from './shared.ts';

export default function ValidatePanel(props: { state: BuilderState; service: BuilderService; fixed: boolean; services: ServiceSummary[]; dispatch: Dispatch }) {
  const { state, service, dispatch } = props;
  const area = useRef<HTMLTextAreaElement>(null);
  const view = useMemo(() => validateView(state, service, props.services, props.fixed), [state.pasted, service, props.services, props.fixed]);
  const { text, problems } = view;
  const inferred = view.inferredServiceId;
  // On /builder/, a pasted Profile picks the service (the picker still overrides it afterwards).
  useEffect(() => {
    if (inferred && inferred !== state.serviceId) dispatch({ type: 'service', serviceId: inferred });
  }, [inferred]);
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
        {view.summary}
      </p>
      {view.formLabel && <p class="builder-form-read">Read as: {view.formLabel}</p>}
      {problems.length > 0 && <FindingsList text={text} problems={problems} onShow={select} onFix={(problem) => dispatch({ type: 'apply-fix', problem })} />}
      {text.trim() && (
        <p class="builder-actions">
          {view.safeFixes > 0 && (
            // Safe fixes change spelling, quoting, separators and placement, never a value (see safeFixCodes).
            <button type="button" onClick={() => dispatch({ type: 'fix-all', service })}>
              Fix all safe problems ({view.safeFixes})
            </button>
          )}
          <button type="button" onClick={() => dispatch({ type: 'load-pasted', service })}>
            Load into the builder
          </button>
        </p>
      )}
    </div>
  );
}
