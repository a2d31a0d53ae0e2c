/**
 * A service as the builder holds it: the payload's two files joined, and handed to the engine as its rules. No
 * schema here (payload.ts declares and checks the files, where the engine runs), so the builder's form loads
 * without it. DOM-free.
 */
import type { ServiceRules } from '../connstr/index.ts';
import type { BuilderService, CommonPayload } from './payload.ts';

/** The payload is the engine's rules plus what the form shows: this is where the builder hands it to the engine. */
export function rulesOf(service: BuilderService): ServiceRules {
  return service;
}

/** A service's file joined with the shared file: every property the service accepts, its own first. */
export function joinService(part: BuilderService, common: CommonPayload): BuilderService {
  const own = new Set(part.properties.map((p) => p.name.toLowerCase()));
  return { ...part, properties: [...part.properties, ...common.properties.filter((p) => !own.has(p.name.toLowerCase()))] };
}

/**
 * The key a service's payload is kept under, per driver build: the service id for its newest build, `id@build` for
 * an older one (the builder's loaded payloads, the checker's and the answers it gives are keyed by it).
 */
export const payloadKey = (serviceId: string, build?: string): string => (build === undefined ? serviceId : `${serviceId}@${build}`);
