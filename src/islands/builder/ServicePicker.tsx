/** The service select of /builder/ (service pages have their service fixed). */
import type { ServiceSummary } from './shared.ts';

export default function ServicePicker(props: { services: ServiceSummary[]; selected: string; onSelect: (serviceId: string) => void }) {
  return (
    <p class="builder-row">
      <label for="builder-service">Service</label>{' '}
      <select id="builder-service" value={props.selected} onChange={(e) => props.onSelect(e.currentTarget.value)}>
        {props.services.map((s) => (
          <option value={s.id}>{s.label}</option>
        ))}
      </select>
    </p>
  );
}
