/**
 * One setting of the form: its control (text, secret with Show/Hide, select, checkbox, or a fixed value), where
 * its value comes from, a link to its reference entry, and the problems the built string has with it.
 */
import { useState } from 'preact/hooks';
import type { Problem } from '../../lib/connstr/index.ts';
import type { Field } from '../../lib/builder/form.ts';
import { lowerFirst, placementLabel } from '../../lib/site/format.ts';
import { referenceSlug } from '../../lib/site/paths.ts';
import { severityLabels } from './shared.ts';

export type FieldControlProps = {
  field: Field;
  value: string | undefined;
  problems: Problem[];
  serviceId: string;
  consoleName: string;
  referenceUrl: string;
  onInput: (value: string) => void;
  onBlur: () => void;
};

export default function FieldControl(props: FieldControlProps) {
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
        {field.property.placement === 'profileSettings' && <span class="builder-hint"> {lowerFirst(placementLabel.profileSettings)}</span>}
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
          <a href={`${props.referenceUrl}${referenceSlug(name)}/`}>
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
