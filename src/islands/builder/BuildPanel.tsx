/** Build mode: method, settings, the string they make (with its status), copy, share link and reset. */
import { useMemo } from 'preact/hooks';
import type { BuilderState } from '../../lib/builder/model.ts';
import type { BuilderService } from '../../lib/builder/payload.ts';
import { buildView, type BuildCheck } from '../../lib/builder/views.ts';
import CopyButton from './CopyButton.tsx';
import FieldList from './FieldList.tsx';
import MethodPicker from './MethodPicker.tsx';
import OutputPanel from './OutputPanel.tsx';
import type { Dispatch } from './shared.ts';

export default function BuildPanel(props: {
  state: BuilderState;
  service: BuilderService;
  /** The checker's problems of the string the form built (the last answer; see `buildView`). */
  checked: BuildCheck | undefined;
  dispatch: Dispatch;
  referenceUrl: string;
  headingLevel: 2 | 3;
}) {
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  const { state, service, dispatch } = props;
  const view = useMemo(() => buildView(state, service, props.checked), [state, service, props.checked]);
  const { method, output } = view;
  const share = typeof location === 'undefined' ? '' : `${location.origin}${location.pathname}${view.share}`;

  return (
    <div class="builder-build">
      {view.leftOut && (
        <p class="notice builder-left-out" role="status">
          {view.leftOut}
        </p>
      )}
      <MethodPicker service={service} selected={method.id} onSelect={(id) => dispatch({ type: 'method', methodId: id })} />
      <FieldList
        service={service}
        required={view.required}
        optional={view.optional}
        typed={view.typed}
        byField={view.byField}
        referenceUrl={props.referenceUrl}
        onInput={(property, value) => dispatch({ type: 'field', property, value })}
      />

      <Heading class="builder-heading" id="builder-output-heading">
        Your connection string
      </Heading>
      <p role="status" class="builder-summary">
        {view.summary}
      </p>
      {output.text && <OutputPanel text={output.text} masked={output.masked} tab={state.tab} onTab={(tab) => dispatch({ type: 'tab', tab })} />}

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
