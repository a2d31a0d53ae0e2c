/** Validate mode: paste a string, read a summary and the findings, apply safe fixes, load it into the form. */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { inferServiceId, validateView, type BuilderState } from '../../lib/builder/model.ts';
import type { Problem } from '../../lib/connstr/index.ts';
import type { ResolvedService } from '../../lib/providers/catalog.ts';
import FindingsList from './FindingsList.tsx';
import type { Dispatch, ServiceSummary } from './shared.ts';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default function ValidatePanel(props: { state: BuilderState; service: ResolvedService; fixed: boolean; services: ServiceSummary[]; dispatch: Dispatch }) {
  const { state, service, dispatch } = props;
  const area = useRef<HTMLTextAreaElement>(null);
  const text = state.pasted;
  const inferred = text ? inferServiceId(text, props.services) : undefined;
  // On /builder/, a pasted Profile picks the service (the picker still overrides it afterwards).
  useEffect(() => {
    if (!props.fixed && inferred && inferred !== state.serviceId) dispatch({ type: 'service', serviceId: inferred });
  }, [inferred]);
  const view = useMemo(() => (text.trim() ? validateView(service, text) : undefined), [text, service]);
  const problems = view?.problems ?? [];
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
            : `${count(problems.length, 'finding', 'findings')} for ${service.name}: ${count(counts.error, 'error', 'errors')}, ${count(counts.warning, 'warning', 'warnings')}, ${count(counts.info, 'note', 'notes')}.`}
        {!props.fixed && inferred && ` Service recognized from the Profile file name.`}
      </p>
      {view && <p class="builder-form-read">Read as: {view.formLabel}</p>}
      {problems.length > 0 && <FindingsList text={text} problems={problems} onShow={select} onFix={(problem) => dispatch({ type: 'apply-fix', problem })} />}
      {text.trim() && (
        <p class="builder-actions">
          {view && view.safeFixes > 0 && (
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
