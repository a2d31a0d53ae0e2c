/**
 * What the builder island is given about a service, as one named type with its schema: the engine's rules
 * (`ServiceRules`: the page title, the profile file, each property's and auth method's checked facts) and what the
 * form shows beside them (a property's summary and placeholder, where a required value comes from, whose data a
 * method reaches, the menu paths that lead to each value), nothing else. `builderService` (data.ts) builds it at
 * build time; the island reads it from its props or parses a fetched file with `readServicePayload`, so a stale or
 * broken file is an error the island reports, never a shape it guesses at.
 *
 * zod's mini build (tree-shakable functions) keeps the check small in the island's bundle (about 6 kB gzip).
 */
import * as z from 'zod/mini';
import { placements, propertyKinds, type ServiceRules } from '../connstr/index.ts';
import { audiences } from '../providers/service-facts.ts';

// No code generation: the site's CSP forbids eval, and zod's probe for it would be reported as a violation. Set
// before the schemas below are made, which read it.
z.config({ jitless: true });

const builderPropertySchema = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  type: z.enum(propertyKinds),
  placement: z.enum(placements),
  sensitive: z.boolean(),
  /** `service`: a setting only this service has (absent: one of the driver's shared properties). */
  origin: z.optional(z.enum(['shared', 'service'])),
  default: z.optional(z.string()),
  allowedValues: z.optional(z.array(z.object({ value: z.string() }))),
  /** One sentence under the field, when no requirement says where the value comes from. */
  summary: z.string(),
  /** The field's placeholder. */
  example: z.optional(z.string()),
});

const builderMethodSchema = z.object({
  id: z.string(),
  label: z.string(),
  audience: z.optional(z.enum(audiences)),
  authSchemes: z.array(z.string()),
  impliedWithoutAuthScheme: z.boolean(),
  /** Credentials that select the method when the string has no AuthScheme (an API key or a password). */
  impliedWhenSet: z.optional(z.array(z.string())),
  requires: z.array(
    z.object({
      property: z.string(),
      value: z.optional(z.string()),
      valueRule: z.enum(['required', 'recommended']),
      /** Where the value comes from, in our words (shown beside the field). */
      source: z.string(),
    }),
  ),
  allows: z.array(z.string()),
  /** Property name → the menu paths in the service's console that lead to its value. */
  menuPaths: z.record(z.string(), z.array(z.array(z.string()))),
});

export const servicePayloadSchema = z.object({
  id: z.string(),
  /** The page title's name for the service (the engine's messages use it too). */
  label: z.string(),
  /** Where its values are found ("Intercom Developer Hub"). */
  consoleName: z.string(),
  profileFile: z.string(),
  properties: z.array(builderPropertySchema),
  authMethods: z.array(builderMethodSchema),
});

/** The general properties, once for every service (`/builder/data/common.json`). */
export const commonPayloadSchema = z.object({ properties: z.array(builderPropertySchema) });

export type BuilderProperty = z.infer<typeof builderPropertySchema>;
export type BuilderMethod = z.infer<typeof builderMethodSchema>;
export type BuilderService = z.infer<typeof servicePayloadSchema>;
export type CommonPayload = z.infer<typeof commonPayloadSchema>;

/** The payload is the engine's rules plus what the form shows: this is where the builder hands it to the engine. */
export function rulesOf(service: BuilderService): ServiceRules {
  return service;
}

/** A fetched file, checked: the payload, or an error that says where the file differs from the format. */
function check<T>(schema: z.ZodMiniType<T>, json: unknown, what: string): T {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const at = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new Error(`${what} is not in the builder's format${at}`);
}

/** A service's file (`/builder/data/<id>.json`), checked. @throws Error naming where it is wrong */
export const readServicePayload = (json: unknown): BuilderService => check(servicePayloadSchema, json, 'the service file');

/** The shared file (`/builder/data/common.json`), checked. @throws Error naming where it is wrong */
export const readCommonPayload = (json: unknown): CommonPayload => check(commonPayloadSchema, json, 'the shared file');

/** A service's file joined with the shared file: every property the service accepts, its own first. */
export function joinService(part: BuilderService, common: CommonPayload): BuilderService {
  const own = new Set(part.properties.map((p) => p.name.toLowerCase()));
  return { ...part, properties: [...part.properties, ...common.properties.filter((p) => !own.has(p.name.toLowerCase()))] };
}
