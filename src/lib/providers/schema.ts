/**
 * The provider metadata schema: the single source of truth for services, their auth methods and their
 * connection properties. Every type the site, the engine and the builder use is inferred from here.
 *
 * Data lives in `content/properties/*.json` (properties shared by every service, defined once) and
 * `content/services/<id>.json` (one file per service, which references shared properties and may narrow
 * them or add its own). Cross-file rules (unknown references, duplicates) are checked in `catalog.ts`.
 */
import { z } from 'astro/zod';
import { placements, propertyKinds } from '../connstr/index.ts';
import { audiences } from './service-facts.ts';
import { changeKinds } from './change-kinds.ts';

/** Categories in the order the reference page lists them. */
export const propertyCategories = [
  'Connection',
  'Authentication',
  'OAuth',
  'SSL',
  'Firewall',
  'Proxy',
  'Logging',
  'Schema',
  'Miscellaneous',
] as const;
export const categorySchema = z.enum(propertyCategories);

/** The value shape of a property: the kinds the engine checks (see `propertyKinds` in the engine's rules). */
export const propertyTypeSchema = z.enum(propertyKinds);

/** Top level, or inside the nested `ProfileSettings='k=v;…'` string: the engine's `placements`. */
export const placementSchema = z.enum(placements);

/** How sure we are of a fact: seen on this provider's page, the vendor's usual convention, or inferred. */
export const confidenceSchema = z.enum(['observed', 'convention', 'inferred']);

const propertyName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a property name is letters and digits, starting with a letter');

export const allowedValueSchema = z.object({
  /** The canonical spelling (the driver matches values case-insensitively). */
  value: z.string().min(1),
  /** What choosing this value does, in our words. */
  summary: z.string().min(1),
});

const serviceId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a service id is lower-case letters, digits and dashes');

/** A correction or judgement call about the vendor's text, kept next to the data it changed. */
export const decisionSchema = z.object({
  /** What the vendor's page says (paraphrased or quoted as a fact, never its prose). */
  issue: z.string().min(1),
  /** What we publish instead, and why. */
  decision: z.string().min(1),
  /**
   * Ids of the services whose vendor page has this problem. Required on a decision of a shared property
   * (the catalog rejects one without it), because a shared property appears on every page; a decision in a
   * service's own file applies to that service only and leaves this out. Only the named pages show it.
   */
  appliesTo: z.array(serviceId).min(1).optional(),
});

export const propertySchema = z.object({
  name: propertyName,
  category: categorySchema,
  type: propertyTypeSchema,
  /** The default as the driver applies it; omitted when no source gives one. `""` is an empty string. */
  default: z.string().optional(),
  /**
   * How sure we are of the default alone, when that is less than `confidence` (e.g. InitiateOAuth is
   * documented for this driver, but its default OFF was seen only on the vendor's other drivers).
   */
  defaultConfidence: confidenceSchema.optional(),
  /** Closed list of accepted values, canonical casing; required when `type` is `enum`. */
  allowedValues: z.array(allowedValueSchema).min(1).optional(),
  /** One sentence: what the property is for. */
  summary: z.string().min(1),
  /** Longer notes: when to set it, interactions, pitfalls. Paragraphs separated by blank lines. */
  remarks: z.string().optional(),
  /** Secrets (passwords, client secrets, tokens, keys): masked in the builder, never put in share links. */
  sensitive: z.boolean().default(false),
  placement: placementSchema.default('top'),
  confidence: confidenceSchema.default('observed'),
  /** Other spellings the driver accepts (old docs used spaced names such as "Auth Scheme"). */
  aliases: z.array(z.string()).default([]),
  deprecated: z.boolean().default(false),
  /**
   * Names people type for this property that the driver does not accept (RedirectURL for CallbackURL): the
   * validator still reports them as unknown, with this property as the did-you-mean.
   */
  misnomers: z.array(z.string().min(1)).default([]),
  /** A sample value for docs and the builder's placeholder. */
  example: z.string().optional(),
  decisions: z.array(decisionSchema).default([]),
});

/** The shared property file: a list of properties every service inherits. */
export const propertyFileSchema = z.object({
  properties: z.array(propertySchema).min(1),
});

/**
 * A service's use of a property: either a reference to a shared one (optionally narrowed), or a
 * property of the service's own (`define`). Narrowing may only restrict: a subset of allowed values,
 * a different default, and text specific to the service.
 */
export const servicePropertySchema = z.object({
  /** Name of a shared property, or of the property defined here. */
  name: propertyName,
  /** A property this service alone has (its full definition). */
  define: propertySchema.omit({ name: true }).optional(),
  /** Subset of the shared property's allowed values that this service's build lists. */
  allowedValues: z.array(z.string()).optional(),
  /**
   * Where this service writes a shared property, when the vendor's page puts it elsewhere than the driver does
   * (iContact's Password goes inside ProfileSettings, beside its Username; elsewhere Password is a top-level
   * driver property). The validator and the builder follow it for this service only.
   */
  placement: placementSchema.optional(),
  default: z.string().optional(),
  /** Service-specific summary, replacing the shared one on this service's page. */
  summary: z.string().optional(),
  remarks: z.string().optional(),
  /** Names people type for it on this service (Aircall's APIToken for Password), added to the shared ones. */
  misnomers: z.array(z.string().min(1)).default([]),
  decisions: z.array(decisionSchema).default([]),
});

/** A menu path in the service's console, e.g. ['Configure', 'Authentication', 'Your workspace']. */
export const menuPathSchema = z.array(z.string().min(1)).min(1);

export const stepSchema = z.object({
  /** What to do, in our words. May mention properties by name. */
  text: z.string().min(1),
  /** Where to click, as structured data so the builder can show it beside the field. */
  menuPath: menuPathSchema.optional(),
  /** The console this menu path is in, when it differs from the service's default console. */
  console: z.string().optional(),
  /** A page to open (registration form, developer portal). */
  link: z.url().optional(),
  /** Properties whose values come out of this step. */
  yields: z.array(propertyName).default([]),
});

export const requirementSchema = z.object({
  property: propertyName,
  /** The value to set, when the method fixes one (AuthScheme=OAUTH). */
  value: z.string().optional(),
  /**
   * `required`: must be this value for the method to work; `recommended`: the usual value, another
   * allowed value also works (InitiateOAuth=OFF when you manage tokens yourself).
   */
  valueRule: z.enum(['required', 'recommended']).default('required'),
  /**
   * Properties that, set, let another value work after all: InitiateOAuth=GETANDREFRESH is required unless the
   * string brings its own OAuthAccessToken (then OFF or REFRESH works).
   */
  unlessSet: z.array(propertyName).default([]),
  /** Where the value comes from, in our words (shown beside the builder field). */
  source: z.string().min(1),
});

/**
 * A mistake the vendor's page warns about for a method (a token pasted with its "Bot " prefix), kept as data so the
 * page's troubleshooting section and the validator can name it.
 */
export const pitfallSchema = z.object({
  /** The property the mistake is made in. */
  property: propertyName.optional(),
  /** What goes wrong and how to avoid it, in our words. */
  text: z.string().min(1),
  /** A prefix the value must not start with (`Bot `, `Bearer `): what a user copies along with the token. */
  rejectedPrefix: z.string().min(1).optional(),
  confidence: confidenceSchema.default('observed'),
});

export const authMethodSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'an auth method id is lower-case letters, digits and dashes'),
  label: z.string().min(1),
  /** Whose data this method reaches, as the vendor's page states it; omitted when the page does not say. */
  audience: z.enum(audiences).optional(),
  /** When to pick it, in our words. */
  whenToUse: z.string().min(1),
  /** AuthScheme values that select this method (canonical casing); empty when it is chosen by omission. */
  authSchemes: z.array(z.string()).default([]),
  /** The method the driver uses when the string has no AuthScheme. At most one per service. */
  impliedWithoutAuthScheme: z.boolean().default(false),
  /**
   * Credentials that select this method when the string has no AuthScheme (Kairos3: APIKey picks the API key
   * method, Password the password method). A method whose properties are all set wins over the implied one.
   */
  impliedWhenSet: z.array(propertyName).default([]),
  steps: z.array(stepSchema).min(1),
  requires: z.array(requirementSchema).min(1),
  /** Optional properties that matter for this method (shown under the builder's disclosure). */
  allows: z.array(propertyName).default([]),
  /** Id of this method's example in the service's `examples`. */
  example: z.string(),
  /** Mistakes the vendor's page warns about for this method. */
  pitfalls: z.array(pitfallSchema).default([]),
  confidence: confidenceSchema.default('observed'),
  decisions: z.array(decisionSchema).default([]),
});

export const exampleSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string().min(1),
  authMethod: z.string(),
  /** The connection string we publish (canonical spelling). It must validate cleanly. */
  connectionString: z.string().min(1),
  /** The string exactly as the vendor's help printed it, kept to show it means the same. */
  vendorText: z.string().optional(),
});

/**
 * What a connection string shown in prose (the guide, remarks) is meant to show: `valid` strings must pass the
 * validator with no error or warning; `warning` and `error` strings are labelled as such on the page and must
 * draw at least one problem of that severity, so a label can never claim a problem the validator does not see.
 */
export const exampleVerdictSchema = z.enum(['valid', 'warning', 'error']);

/** A driver build number, as the vendor's pages print it (also what the CLI's --build and the MCP tools' build take). */
export const buildNumber = z.string().regex(/^\d+\.\d+\.\d+\.\d+$/, 'a build number is four dotted numbers, e.g. 24.0.9300.0');

/** What the vendor's page of a build lacks or where it came from (the service's, and each older build's). */
export const vendorPageSchema = z.object({
  /** The page's address. */
  url: z.url().optional(),
  /** What the saved page lacks (it breaks off early), in our words; shown on the service page. */
  incomplete: z.string().min(1).optional(),
});

/**
 * An older build of a service, written as what differs from the newest build the service file documents, so
 * shared wording stays written once. A property, method or example it does not name is as the newest has it;
 * corrections (`decisions`) are the build's own: the service's and a named property's or method's replace the
 * newest's when given, since most corrections concern one page.
 */
export const olderBuildSchema = z.object({
  build: buildNumber,
  /** The year of the help edition. */
  edition: z.string().min(1),
  vendorPage: vendorPageSchema.optional(),
  /** Properties of the newest build whose facts differ in this one. */
  properties: z
    .array(
      z.object({
        name: propertyName,
        /** The build's page does not list the property (it came later). */
        absent: z.literal(true).optional(),
        /** The build's list of allowed values (a subset of the shared property's). */
        allowedValues: z.array(z.string()).optional(),
        default: z.string().optional(),
        /** This build's corrections for the property, replacing the newest's (`[]`: none). */
        decisions: z.array(decisionSchema).optional(),
      }),
    )
    .default([]),
  /** Properties this build lists that the newest no longer does, written in full. */
  removedLater: z.array(servicePropertySchema).default([]),
  /** Auth methods whose facts differ in this build. */
  authMethods: z
    .array(
      z.object({
        id: z.string(),
        /** The build's page does not document the method (it came later). */
        absent: z.literal(true).optional(),
        /** The build's steps, in our words, replacing the newest's. */
        steps: z.array(stepSchema).min(1).optional(),
        /** This build's corrections for the method, replacing the newest's (`[]`: none). */
        decisions: z.array(decisionSchema).optional(),
      }),
    )
    .default([]),
  /** Examples whose string differs in this build. */
  examples: z.array(z.object({ id: z.string(), connectionString: z.string().min(1).optional(), vendorText: z.string().optional() })).default([]),
  /** The corrections of this build's page as a whole (the newest's are not inherited). */
  decisions: z.array(decisionSchema).default([]),
});

/** One change: its kind, the property (or for a method's steps, menu paths and example, the method) it is about, the fact before and after (null: none). */
export const buildChangeSchema = z.object({
  kind: z.enum(changeKinds),
  property: z.string().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

/** What one build changed from the build before it. */
export const buildChangesSchema = z.object({
  build: buildNumber,
  edition: z.string(),
  /** The build it is compared with. */
  previous: buildNumber,
  changes: z.array(buildChangeSchema),
});

export const serviceSchema = z.object({
  id: serviceId,
  /**
   * Written by the importer and not finished: fields holding a `[to write]` hint still need our words. The dev
   * server shows a draft with those fields flagged; a production build refuses it. Remove it once written.
   */
  draft: z.boolean().optional(),
  /** The name the driver uses (profile file name, ids, validator messages). */
  name: z.string().min(1),
  /**
   * The service's own spelling, when the vendor's page also uses it (Help Scout, Aircall). Pages use one
   * name per service in headings and prose: this one when set, else `name`.
   */
  brandName: z.string().optional(),
  /** Where its values are found, as the vendor's page names it (e.g. "Intercom Developer Hub"). */
  consoleName: z.string().min(1),
  /** The profile file the driver loads, e.g. "Intercom.apip". */
  profileFile: z.string().regex(/^[^\\/]+\.apip$/i, 'a profile file name ends in .apip'),
  dataVersion: z.object({
    /** The driver build the facts come from (the newest documented), e.g. "24.0.9300.0". */
    build: buildNumber,
    /** The year of the help edition. */
    edition: z.string().min(1),
  }),
  /** What we know of the vendor's page this service was imported from. */
  vendorPage: vendorPageSchema.optional(),
  /** Earlier builds the vendor documented, newest first, each as what differs from `dataVersion.build`. */
  olderBuilds: z.array(olderBuildSchema).default([]),
  overview: z.string().min(1),
  properties: z.array(servicePropertySchema).min(1),
  authMethods: z.array(authMethodSchema).min(1),
  examples: z.array(exampleSchema).min(1),
  /**
   * Settings another vendor text gives for this service that its page writes as other properties (Aircall's
   * knowledge base: an APIKey profile setting holding the API ID and token joined by a colon, where the help page has
   * User and Password). Not properties of the service (its page does not list them): the validator recognizes the
   * form, says where it comes from and rewrites the value, cut at the first `separator`, as `properties` in order.
   * Record why in the service's `decisions`.
   */
  alternateForms: z
    .array(
      z.object({
        name: propertyName,
        placement: placementSchema,
        separator: z.string().min(1),
        properties: z.array(propertyName).min(2),
      }),
    )
    .default([]),
  decisions: z.array(decisionSchema).default([]),
});

export type PropertyCategory = z.infer<typeof categorySchema>;
export type Confidence = z.infer<typeof confidenceSchema>;
export type Decision = z.infer<typeof decisionSchema>;
export type Property = z.infer<typeof propertySchema>;
export type Requirement = z.infer<typeof requirementSchema>;
export type Pitfall = z.infer<typeof pitfallSchema>;
export type AuthMethod = z.infer<typeof authMethodSchema>;
export type Example = z.infer<typeof exampleSchema>;
export type ExampleVerdict = z.infer<typeof exampleVerdictSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type OlderBuild = z.infer<typeof olderBuildSchema>;
export type ChangeKind = z.infer<typeof buildChangeSchema>['kind'];
export type BuildChange = z.infer<typeof buildChangeSchema>;
export type BuildChanges = z.infer<typeof buildChangesSchema>;
/** A service file as written (defaults not yet applied): the shape the importer drafts. */
export type ServiceInput = z.input<typeof serviceSchema>;
