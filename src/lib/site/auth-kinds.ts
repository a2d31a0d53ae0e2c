/**
 * How a service signs in, derived from its data (each method's AuthScheme values and the properties it requires),
 * never written per service: the home page, the directory, the navigation's service finder and the service page
 * all read it from here, so a new service is classified the moment its file is added.
 */
import type { ResolvedService } from '../providers/catalog.ts';
import type { AuthMethod } from '../providers/schema.ts';
import { serviceLabel } from '../providers/service-facts.ts';
import { authKinds, type AuthKind, type ServiceIndex } from './service-index.ts';

/**
 * The kind of one method, from the most specific evidence down:
 * - `oauth`: an OAuth AuthScheme, or a required OAuth property (client id, InitiateOAuth…), even when the grant also
 *   takes a user name and password (LeadDesk);
 * - `basic`: the BASIC AuthScheme, or a required secret that is a password (User and Password, or a Password profile
 *   setting beside a user name);
 * - `token`: any other required secret (an API key, an access or bot token);
 * - none: the method needs no secret at all.
 */
export function methodAuthKind(service: ResolvedService, method: AuthMethod): AuthKind | undefined {
  const required = method.requires.flatMap((r) => service.properties.filter((p) => p.name === r.property));
  if (method.authSchemes.some((s) => /^oauth/i.test(s)) || required.some((p) => p.category === 'OAuth')) return 'oauth';
  const secrets = required.filter((p) => p.sensitive);
  if (method.authSchemes.some((s) => /^basic$/i.test(s)) || secrets.some((p) => /password/i.test(p.name))) return 'basic';
  return secrets.length > 0 ? 'token' : undefined;
}

/** The kinds of a service's methods, each once, in the fixed order of `authKinds`. */
export function serviceAuthKinds(service: ResolvedService): AuthKind[] {
  const found = new Set(service.authMethods.map((m) => methodAuthKind(service, m)));
  return authKinds.filter((kind) => found.has(kind));
}

/** How many services sign in each way (a service with two kinds counts in both). */
export function authKindCounts(services: readonly ResolvedService[]): Record<AuthKind, number> {
  const counts = Object.fromEntries(authKinds.map((k) => [k, 0])) as Record<AuthKind, number>;
  for (const service of services) for (const kind of serviceAuthKinds(service)) counts[kind] += 1;
  return counts;
}

/**
 * The service finder's index (`service-index.json`, fetched on the finder's first use): each service's id, the name
 * pages show, the driver's spelling when it differs (so "helpscout" finds Help Scout) and its sign-in kinds.
 */
export function serviceIndex(services: readonly ResolvedService[]): ServiceIndex {
  return {
    services: services.map((s) => {
      const name = serviceLabel(s);
      return { id: s.id, name, ...(name !== s.name ? { also: s.name } : {}), kinds: serviceAuthKinds(s) };
    }),
  };
}
