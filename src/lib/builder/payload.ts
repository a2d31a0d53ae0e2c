/**
 * What the builder island is given about a service, as one named type with its schema: the engine's rules
 * (`ServiceRules`: the page title, the profile file, each property's and auth method's checked facts) and what the
 * form shows beside them (a property's summary and placeholder, where a required value comes from, whose data a
 * method reaches, the menu paths that lead to each value), nothing else. `builderService` (data.ts) builds it at
 * build time; the island reads it from its props or fetches it, and the builder's checker (the worker that runs the
 * engine for it, ../../islands/builder/checker.worker.ts) parses both files with `readServicePayload` and
 * `readCommonPayload` before the engine sees them, so a stale or broken file is an error the island reports, never a
 * shape the engine guesses at.
 *
 * The check runs there, not on the page: zod's mini build costs about 6 kB gzip, a quarter of what the builder's
 * page may load before it is used (tests/support/budgets.ts), and the worker loads with the engine when the
 * builder first checks anything.
 */
import * as z from 'zod/mini';
import { placements, propertyKinds } from '../connstr/index.ts';
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
  /** Listed only for old strings: the validator says to remove it. */
  deprecated: z.optional(z.boolean()),
  /** Names people type for it that the driver does not accept (the validator's did-you-mean). */
  misnomers: z.optional(z.array(z.string())),
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
      /** Properties that, set, let another value work (InitiateOAuth=OFF with your own OAuthAccessToken). */
      unlessSet: z.optional(z.array(z.string())),
      /** Where the value comes from, in our words (shown beside the field). */
      source: z.string(),
    }),
  ),
  allows: z.array(z.string()),
  /** Prefixes a value must not start with (Discord's "Bot "). */
  rejectedPrefixes: z.optional(z.array(z.object({ property: z.string(), prefix: z.string() }))),
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
  /** Settings another vendor text gives that the service's page writes as other properties (Aircall's APIKey form). */
  alternateForms: z.optional(z.array(z.object({ name: z.string(), placement: z.enum(placements), separator: z.string(), properties: z.array(z.string()) }))),
  /**
   * The driver build the page documents, when the service has several: what the other builds list and this one
   * does not, so the Validate tab names the build that added or removed a value (the engine's `BuildRule`).
   */
  build: z.optional(
    z.object({
      version: z.string(),
      notInBuild: z.array(z.object({ property: z.string(), value: z.optional(z.string()), addedIn: z.optional(z.string()), removedIn: z.optional(z.string()) })),
    }),
  ),
});

/** The general properties, once for every service (`/builder/data/common.json`). */
export const commonPayloadSchema = z.object({ properties: z.array(builderPropertySchema) });

export type BuilderProperty = z.infer<typeof builderPropertySchema>;
export type BuilderMethod = z.infer<typeof builderMethodSchema>;
export type BuilderService = z.infer<typeof servicePayloadSchema>;
export type CommonPayload = z.infer<typeof commonPayloadSchema>;

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
