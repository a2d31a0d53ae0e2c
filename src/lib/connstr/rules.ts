/**
 * What the engine needs to know about a service, and nothing of how the catalog stores it: the name messages
 * give it, the properties a string may set (names, aliases, value kinds, placement, secrets) and the auth
 * methods a string can select. The engine declares these types and imports nothing from outside its folder; the
 * catalog hands a service over through one projection built for it (`serviceRules` in lib/providers/rules.ts).
 * Browser compatible, no side effects.
 */

/**
 * The value shape of a property. `enum` uses `allowedValues`; `path` and `url` are strings with a format;
 * `nested` is a connection string of its own (ProfileSettings). The metadata schema's `type` is this list.
 */
export const propertyKinds = ['string', 'integer', 'boolean', 'enum', 'url', 'path', 'nested'] as const;
export type PropertyKind = (typeof propertyKinds)[number];

/**
 * Where a property is written: at the top level of the string, or inside the nested `ProfileSettings='k=v;…'`
 * value (settings the service's profile reads, such as APIKey). The metadata schema's `placement` is this list.
 */
export const placements = ['top', 'profileSettings'] as const;
export type Placement = (typeof placements)[number];

export interface PropertyRule {
  /** The canonical spelling; keys match it ignoring case. */
  readonly name: string;
  /** Other spellings the driver accepts. */
  readonly aliases: readonly string[];
  readonly type: PropertyKind;
  readonly placement: Placement;
  /** Secrets are reported so the UI can mask them. */
  readonly sensitive: boolean;
  /**
   * `shared`: one of the driver's own properties, the same for every service; `service`: a setting only this
   * service has (SmartHR's UseSandbox is one that its vendor writes at the top level). Absent: shared.
   */
  readonly origin?: 'shared' | 'service' | undefined;
  readonly default?: string | undefined;
  /** The closed list for `enum` properties, canonical casing. */
  readonly allowedValues?: readonly { readonly value: string }[] | undefined;
}

/** What an auth method needs of one property. */
export interface RequirementRule {
  readonly property: string;
  /** The value the method needs (AuthScheme=OAUTH), when it fixes one. */
  readonly value?: string | undefined;
  /** `required`: only that value works; `recommended`: the usual value, another allowed one also works. */
  readonly valueRule: 'required' | 'recommended';
}

export interface MethodRule {
  readonly id: string;
  /** The name messages use ("the OAuth method"). */
  readonly label: string;
  /** AuthScheme values that select the method (canonical casing); empty when chosen by omission. */
  readonly authSchemes: readonly string[];
  /** The method a string without AuthScheme selects (at most one per service). */
  readonly impliedWithoutAuthScheme: boolean;
  /**
   * Credentials that select the method when the string has no AuthScheme: the method whose listed properties are
   * all set (at either level) wins over `impliedWithoutAuthScheme`. Two methods that differ only in the credential
   * (an API key or a password) are told apart this way. Absent or empty: not selected by credential.
   */
  readonly impliedWhenSet?: readonly string[] | undefined;
  readonly requires: readonly RequirementRule[];
  /** Optional properties the method uses; any other method property is reported as ignored. */
  readonly allows: readonly string[];
}

/**
 * A property or allowed value another build of the service lists and the checked build does not, with the build
 * that added it (a later one) or removed it (the first build after the last earlier one that listed it).
 */
export interface BuildFactRule {
  readonly property: string;
  /** Absent: the property itself is not in the checked build. */
  readonly value?: string | undefined;
  readonly addedIn?: string | undefined;
  readonly removedIn?: string | undefined;
}

/** The driver build a string is checked against, when the service documents several. */
export interface BuildRule {
  /** The build checked, e.g. `23.0.8839.0`. */
  readonly version: string;
  /** What other builds list and this one does not. */
  readonly notInBuild: readonly BuildFactRule[];
}

export interface ServiceRules {
  /** The service's display name, as its page title writes it (`Help Scout`): every message names the service so. */
  readonly label: string;
  /** The profile file Profile must point to, e.g. `Intercom.apip`. */
  readonly profileFile: string;
  /** Every property a string for this service may set, at either level. */
  readonly properties: readonly PropertyRule[];
  readonly authMethods: readonly MethodRule[];
  /** The build checked and what other builds differ in; absent when the service documents one build. */
  readonly build?: BuildRule | undefined;
}

/**
 * A Profile value cut into its folder (up to and including the last `\\` or `/`) and its file name, surrounding
 * whitespace ignored: the one reading of "which profile file does this string load".
 */
export function profilePathParts(path: string): { folder: string; file: string } {
  const trimmed = path.trim();
  const cut = Math.max(trimmed.lastIndexOf('\\'), trimmed.lastIndexOf('/')) + 1;
  return { folder: trimmed.slice(0, cut), file: trimmed.slice(cut) };
}

/**
 * The usual place of a service's profile file, `C:\\profiles\\<file>`: the path the validator's fixes and messages
 * suggest, the builder's editable Profile default and the pages' example path (one definition for all of them).
 */
export function defaultProfilePath(service: { readonly profileFile: string }): string {
  return `C:\\profiles\\${service.profileFile}`;
}
