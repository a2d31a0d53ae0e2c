/**
 * The service select of /builder/ (service pages have their service fixed). `selected` empty: a pasted string
 * does not say which service it is for, and the select asks for one (any choice, the first service included,
 * then counts as the user's pick).
 */
import type { ServiceSummary } from './shared.ts';

export default function ServicePicker(props: { services: ServiceSummary[]; selected: string; onSelect: (serviceId: string) => void }) {
  return (
    <p class="builder-row">
      <label for="builder-service">Service</label>{' '}
      <select
        id="builder-service"
        value={props.selected}
        aria-invalid={props.selected === '' ? 'true' : undefined}
        onChange={(e) => e.currentTarget.value && props.onSelect(e.currentTarget.value)}
      >
        {props.selected === '' && (
          <option value="" disabled>
            Choose the service…
          </option>
        )}
        {props.services.map((s) => (
          <option value={s.id}>{s.label}</option>
        ))}
      </select>
    </p>
  );
}
