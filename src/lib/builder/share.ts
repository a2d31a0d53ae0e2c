/**
 * The builder's share link: a URL fragment with the service, the method and every non-secret field the user set.
 * Secrets are left out by the metadata's `sensitive` flag, going out and coming in, so a link can be pasted
 * anywhere and a hand-edited one cannot fill a secret field. DOM-free.
 */
import { defaultProfilePath } from '../providers/service-facts.ts';
import { currentMethod, type FormState } from './form.ts';
import type { BuilderService } from './payload.ts';

/** The share link's fragment (`#service=…&method=…&p.Name=value`) for a service's form. */
export function shareFragment(service: BuilderService, state: FormState): string {
  const params = new URLSearchParams();
  params.set('service', service.id);
  params.set('method', currentMethod(service, state).id);
  const typed = state.values[service.id] ?? {};
  for (const [name, value] of Object.entries(typed)) {
    const property = service.properties.find((p) => p.name === name);
    if (!property || property.sensitive || value === '') continue;
    if (name === 'Profile' && value === defaultProfilePath(service)) continue;
    params.set(`p.${name}`, value);
  }
  return `#${params.toString()}`;
}

/** Reads a share fragment; unknown or secret properties in a hand-edited link are ignored. */
export function readShareFragment(
  hash: string,
  service: BuilderService | undefined,
): { serviceId?: string; methodId?: string; values: Record<string, string> } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const values: Record<string, string> = {};
  const methodId = params.get('method') ?? undefined;
  for (const [key, value] of params) {
    if (!key.startsWith('p.') || !service) continue;
    const property = service.properties.find((p) => p.name === key.slice(2));
    if (property && !property.sensitive) values[property.name] = value;
  }
  return {
    serviceId: params.get('service') ?? undefined,
    methodId: service?.authMethods.some((m) => m.id === methodId) ? methodId : undefined,
    values,
  };
}

/** Whether the share fragment could carry a service (cheap check before fetching its metadata). */
export function sharedServiceId(hash: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, '')).get('service') ?? undefined;
}
