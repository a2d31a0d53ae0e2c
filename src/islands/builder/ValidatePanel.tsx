/** Validate mode: paste a string, read a summary and the findings, apply safe fixes, load it into the form. */
import { useRef } from 'preact/hooks';
import type { BuilderService } from '../../lib/builder/payload.ts';
import type { ValidateView } from '../../lib/builder/views.ts';
import type { Problem } from '../../lib/connstr/index.ts';
import FindingsList from './FindingsList.tsx';
import type { Dispatch } from './shared.ts';

export default function ValidatePanel(props: { service: BuilderService; view: ValidateView; dispatch: Dispatch }) {
  const { service, dispatch, view } = props;
  const area = useRef<HTMLTextAreaElement>(null);
  const { text, problems } = view;
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
      <p id="builder-validate-summary" role="status" class={view.needsService ? 'builder-summary notice' : 'builder-summary'}>
        {view.summary}
      </p>
      {view.formLabel && <p class="builder-form-read">Read as: {view.formLabel}</p>}
      {problems.length > 0 && (
        <FindingsList text={text} problems={problems} secrets={view.secrets} onShow={select} onFix={(problem) => dispatch({ type: 'apply-fix', problem })} />
      )}
      {/* Nothing to fix or load until the string's service is known: both would act on a guessed service. */}
      {text.trim() && !view.needsService && (
        <p class="builder-actions">
          {view.safeFixes > 0 && (
            // Safe fixes change spelling, quoting, separators and placement, never a value or the service (see safeFixCodes).
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
