/**
 * The builder's share link: a URL fragment with the service, the driver build when it is not the newest, the method
 * and the non-secret fields of that method's form that the user set. Secrets are left out by the engine's one rule (the metadata's `sensitive` flag, or a
 * value that carries a credential), going out and coming in, so a link can be pasted anywhere and a hand-edited one
 * cannot fill a secret field or a field the form does not show. DOM-free.
 */
import { holdsSecret } from '../connstr/index.ts';
import { defaultProfilePath } from '../providers/service-facts.ts';
import { currentMethod, fieldsFor, type Field, type FormState } from './form.ts';
import type { BuilderService } from './payload.ts';

/**
 * Whether a field's value may go into a share link: the field is on the form of the method shared, its value is
 * not fixed by the method, and it is not a secret (the metadata's `sensitive` flag, or a value that carries a
 * credential by the engine's rule).
 */
function shareable(field: Field, value: string): boolean {
  return field.fixedValue === undefined && !field.property.sensitive && value !== '' && !holdsSecret(field.property.name, value);
}

/**
 * The share link's fragment: service, method and the non-secret fields of that method's form that the user set.
 * Nothing else the state holds (another method's fields, settings loaded from a string that this form does not
 * show), so a link can be pasted anywhere.
 */
export function shareFragment(service: BuilderService, state: FormState & { builds?: Readonly<Record<string, string>> }): string {
  const params = new URLSearchParams();
  const method = currentMethod(service, state);
  params.set('service', service.id);
  const build = state.builds?.[service.id];
  if (build !== undefined) params.set('build', build);
  params.set('method', method.id);
  const typed = state.values[service.id] ?? {};
  const { required, optional } = fieldsFor(service, method.id);
  for (const field of [...required, ...optional]) {
    const name = field.property.name;
    const value = typed[name];
    if (value === undefined || !shareable(field, value)) continue;
    if (name === 'Profile' && value === defaultProfilePath(service)) continue;
    params.set(`p.${name}`, value);
  }
  return `#${params.toString()}`;
}

/**
 * Reads a share fragment. A hand-edited link gets no further than a made one: only the non-secret fields of the
 * linked method's form are read (that method's, or the starting method's when the link names none or an unknown
 * one); anything else is ignored.
 */
export function readShareFragment(
  hash: string,
  service: BuilderService | undefined,
): { serviceId?: string; methodId?: string; values: Record<string, string> } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const values: Record<string, string> = {};
  const linked = params.get('method') ?? undefined;
  const methodId = service?.authMethods.some((m) => m.id === linked) ? linked : undefined;
  if (service) {
    const { required, optional } = fieldsFor(service, methodId);
    const fields = new Map([...required, ...optional].map((f) => [f.property.name, f]));
    for (const [key, value] of params) {
      const field = key.startsWith('p.') ? fields.get(key.slice(2)) : undefined;
      if (field && shareable(field, value)) values[field.property.name] = value;
    }
  }
  return { serviceId: params.get('service') ?? undefined, methodId, values };
}

/** Whether the share fragment could carry a service (cheap check before fetching its metadata). */
export function sharedServiceId(hash: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, '')).get('service') ?? undefined;
}

/**
 * The driver build a link asks for (the share fragment's, else the query's `?build=`), checked against the builds the
 * service documents: `build` is the older build to load (undefined: the newest), `unknown` a build the link names
 * that the service does not document (the builder says so and shows the newest).
 */
export function linkedBuild(
  hash: string,
  search: string,
  service: { builds?: readonly string[] },
): { build?: string; unknown?: string } {
  const named = new URLSearchParams(hash.replace(/^#/, '')).get('build') ?? new URLSearchParams(search).get('build') ?? undefined;
  if (named === undefined || named === '') return {};
  const builds = service.builds ?? [];
  if (!builds.includes(named)) return { unknown: named };
  return named === builds[0] ? {} : { build: named };
}

/** What the builder says of a link naming a build the service does not document (it shows the newest instead). */
export function unknownBuildNotice(service: { label: string; builds?: readonly string[] }, build: string): string {
  const builds = service.builds ?? [];
  const documented = builds.length === 1 ? `only build ${builds[0]}` : `builds ${builds.join(', ')}`;
  // A hand-made link can carry anything: a long value is cut, so the notice stays a line.
  const shown = build.length > 40 ? `${build.slice(0, 40)}…` : build;
  return `The link asks for build ${shown} of ${service.label}, which this site does not document (it documents ${documented}). Showing the newest build.`;
}
