/** Build mode: method, settings, the string they make (with its status), copy, share link and reset. */
import { useMemo } from 'preact/hooks';
import { buildProblems, buildString, fieldsFor, problemsByField, shareFragment, type BuilderState } from '../../lib/builder/model.ts';
import type { ResolvedService } from '../../lib/providers/catalog.ts';
import CopyButton from './CopyButton.tsx';
import FieldList from './FieldList.tsx';
import MethodPicker from './MethodPicker.tsx';
import OutputPanel from './OutputPanel.tsx';
import type { Dispatch } from './shared.ts';

export default function BuildPanel(props: { state: BuilderState; service: ResolvedService; dispatch: Dispatch; referenceUrl: string; headingLevel: 2 | 3 }) {
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  const { state, service, dispatch } = props;
  const methodId = state.methods[service.id]!;
  const method = service.authMethods.find((m) => m.id === methodId) ?? service.authMethods[0]!;
  const { required, optional } = fieldsFor(service, method.id);
  const output = buildString(service, state);
  const problems = useMemo(() => (output.text ? buildProblems(service, output.text) : []), [output.text, service]);
  const missing = problems.filter((p) => p.code === 'missing-required').length;
  const share = typeof location === 'undefined' ? '' : `${location.origin}${location.pathname}${shareFragment(service, state)}`;

  return (
    <div class="builder-build">
      <MethodPicker service={service} selected={method.id} onSelect={(id) => dispatch({ type: 'method', methodId: id })} />
      <FieldList
        service={service}
        required={required}
        optional={optional}
        typed={state.values[service.id] ?? {}}
        byField={problemsByField(problems)}
        referenceUrl={props.referenceUrl}
        onInput={(property, value) => dispatch({ type: 'field', property, value })}
      />

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
      {output.text && <OutputPanel text={output.text} tab={state.tab} onTab={(tab) => dispatch({ type: 'tab', tab })} />}

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
