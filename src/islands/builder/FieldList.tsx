/**
 * The method's settings: the required ones in a fieldset, the optional ones behind a disclosure with a count. A
 * warning on an optional setting (a network path from a share link, say) opens the disclosure and is counted in
 * its summary, so it is never hidden.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Problem } from '../../lib/connstr/index.ts';
import type { Field } from '../../lib/builder/form.ts';
import type { BuilderService } from '../../lib/builder/payload.ts';
import FieldControl from './FieldControl.tsx';

export default function FieldList(props: {
  service: BuilderService;
  required: Field[];
  optional: Field[];
  typed: Record<string, string>;
  byField: Map<string, Problem[]>;
  referenceUrl: string;
  onInput: (property: string, value: string) => void;
}) {
  const { service, typed } = props;
  // "Missing" shows on a field only once the user has left it; before that the summary counts it.
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const optionalSet = props.optional.filter((f) => (typed[f.property.name] ?? '') !== '').length;
  const flagged = props.optional.filter((f) => (props.byField.get(f.property.name) ?? []).some((p) => p.severity !== 'info' && p.code !== 'missing-required')).length;
  const disclosure = useRef<HTMLDetailsElement>(null);
  // Opened when a warning appears on a hidden setting (before the paint: never a count over a closed section);
  // closing it again is the user's choice.
  useLayoutEffect(() => {
    if (flagged > 0 && disclosure.current) disclosure.current.open = true;
  }, [flagged]);
  const control = (field: Field) => {
    const name = field.property.name;
    return (
      <FieldControl
        key={`${service.id}-${name}`}
        field={field}
        value={typed[name]}
        problems={(props.byField.get(name) ?? []).filter((p) => p.code !== 'missing-required' || touched[name])}
        serviceId={service.id}
        consoleName={service.consoleName}
        referenceUrl={props.referenceUrl}
        onInput={(value) => props.onInput(name, value)}
        onBlur={() => setTouched((t) => (t[name] ? t : { ...t, [name]: true }))}
      />
    );
  };
  return (
    <>
      <fieldset class="builder-fields">
        <legend>Required settings</legend>
        {props.required.map(control)}
      </fieldset>
      {props.optional.length > 0 && (
        <details class="builder-optional" ref={disclosure}>
          <summary>
            Optional settings ({props.optional.length}
            {optionalSet > 0 ? `, ${optionalSet} set` : ''}
            {flagged > 0 ? `, ${flagged} to check` : ''})
          </summary>
          {props.optional.map(control)}
        </details>
      )}
    </>
  );
}
