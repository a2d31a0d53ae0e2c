/** The auth method radio group (arrows change the choice, as radios do). */
import type { BuilderService } from '../../lib/builder/payload.ts';
import { audienceLabel, lowerFirst } from '../../lib/site/format.ts';

export default function MethodPicker(props: { service: BuilderService; selected: string; onSelect: (methodId: string) => void }) {
  const { service } = props;
  return (
    <fieldset class="builder-methods">
      <legend>Authentication method</legend>
      {service.authMethods.map((m) => (
        <label class="builder-choice">
          <input
            type="radio"
            name={`builder-method-${service.id}`}
            value={m.id}
            checked={m.id === props.selected}
            onChange={() => props.onSelect(m.id)}
          />{' '}
          {m.label}
          {m.audience && <span class="builder-hint"> ({lowerFirst(audienceLabel[m.audience])})</span>}
        </label>
      ))}
    </fieldset>
  );
}
