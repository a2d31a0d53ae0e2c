/**
 * What a service page shows, derived once from the catalog so the HTML page and its Markdown twin
 * (`markdown.ts`) list the same properties in the same order and say the same things.
 */
import type { ResolvedProperty, ResolvedService } from '../providers/catalog.ts';
import { categoryRank, methodsUsing } from '../providers/queries.ts';
import { defaultProfilePath, serviceLabel } from '../providers/service-facts.ts';
import type { Placement } from '../connstr/index.ts';
import type { AuthMethod, Example, Requirement } from '../providers/schema.ts';

const byCategoryThenName = (a: ResolvedProperty, b: ResolvedProperty) =>
  categoryRank(a.category) - categoryRank(b.category) || a.name.localeCompare(b.name);

/** The page's description (meta tag, and the Markdown twin's summary line). */
export function serviceDescription(service: ResolvedService): string {
  return `How to authenticate to ${serviceLabel(service)} with the API data provider, example connection strings, and every connection property.`;
}

export type ServiceTables = {
  /**
   * Profile and ProfileSettings, then every property the service's own file lists or one of its methods requires
   * or allows, by category: what a reader of this service needs, shown in full.
   */
  main: ResolvedProperty[];
  /**
   * The driver's general properties every service accepts and none of this service's methods uses (deprecated ones
   * left out), by category: the page folds them away, the reference explains them.
   */
  general: ResolvedProperty[];
  /** Some property of the main table goes inside ProfileSettings. */
  usesProfileSettings: boolean;
};

export function serviceTables(service: ResolvedService): ServiceTables {
  const connection = service.properties.filter((p) => p.name === 'Profile' || p.name === 'ProfileSettings');
  const used = new Set([...service.listedProperties, ...service.authMethods.flatMap((m) => [...m.requires.map((r) => r.property), ...m.allows])]);
  const own = service.properties.filter((p) => used.has(p.name) && !connection.includes(p));
  const main = [...connection, ...own.sort(byCategoryThenName)];
  const inMain = new Set(main.map((p) => p.name));
  const general = service.properties.filter((p) => !inMain.has(p.name) && !p.deprecated).sort(byCategoryThenName);
  return { main, general, usesProfileSettings: main.some((p) => p.placement === 'profileSettings') };
}

/** Properties in runs of one category, in the order given (the page folds each run under its category's name). */
export function byCategory(properties: readonly ResolvedProperty[]): { category: ResolvedProperty['category']; properties: ResolvedProperty[] }[] {
  const groups: { category: ResolvedProperty['category']; properties: ResolvedProperty[] }[] = [];
  for (const p of properties) {
    const last = groups.at(-1);
    if (last?.category === p.category) last.properties.push(p);
    else groups.push({ category: p.category, properties: [p] });
  }
  return groups;
}

/** The sentence that opens the Authentication section. */
export function authenticationIntro(service: ResolvedService, usesProfileSettings: boolean): string {
  const display = serviceLabel(service);
  const count =
    service.authMethods.length === 1
      ? `${display} documents one method.`
      : `${display} documents ${service.authMethods.length} methods; each one says when to pick it.`;
  const placement = usesProfileSettings
    ? ' Settings marked “Inside ProfileSettings” go in the nested ProfileSettings string; the rest go at the top level.'
    : ' Every setting goes at the top level of the connection string.';
  return count + placement;
}

export type RequirementRow = Requirement & {
  placement: Placement;
  sensitive: boolean;
  /** Words before the value (`the path of` Intercom.apip), when the value is not set literally. */
  valuePrefix?: string;
};

/**
 * The "What to set" rows of a method: Profile first (every string needs it, though no method lists it), then
 * each requirement with where it goes and whether it is a secret.
 */
export function requirementRows(service: ResolvedService, method: AuthMethod): RequirementRow[] {
  const profile: RequirementRow = {
    property: 'Profile',
    value: service.profileFile,
    valuePrefix: 'the path of ',
    valueRule: 'required',
    source: `Where you saved the ${serviceLabel(service)} profile file, for example ${defaultProfilePath(service)}.`,
    placement: 'top',
    sensitive: false,
  };
  return [
    profile,
    ...method.requires.map((req) => {
      const property = service.properties.find((p) => p.name === req.property);
      return { ...req, placement: property?.placement ?? 'top', sensitive: property?.sensitive ?? false };
    }),
  ];
}

/** The method's example (the catalog checks that it exists). */
export function methodExample(service: ResolvedService, method: AuthMethod): Example {
  return service.examples.find((e) => e.id === method.example)!;
}

/** The vendor's printed spelling, when it differs from the published string. */
export function vendorVariant(example: Example): string | undefined {
  return example.vendorText !== undefined && example.vendorText !== example.connectionString ? example.vendorText : undefined;
}

export type UsedBy = { methods: { method: AuthMethod; required: boolean }[]; label?: string };

/**
 * The "Used by" cell of a property: the methods that require or allow it, or a sentence when none does.
 * ProfileSettings counts as used by the methods that write something inside it.
 */
export function usedBy(service: ResolvedService, property: ResolvedProperty): UsedBy {
  const uses = methodsUsing(service, property.name);
  if (uses.length > 0) return { methods: uses };
  if (property.name === 'ProfileSettings') {
    const nested = service.authMethods.filter((m) =>
      [...m.requires.map((r) => r.property), ...m.allows].some((n) => service.properties.find((p) => p.name === n)?.placement === 'profileSettings'),
    );
    if (nested.length > 0) return { methods: nested.map((method) => ({ method, required: true })) };
    return { methods: [], label: 'No method: this service has no ProfileSettings entries' };
  }
  if (property.name === 'Profile') return { methods: [], label: 'Every method (required)' };
  // Sign-in settings no documented method of this service needs; the driver accepts them all the same.
  if (property.category === 'Authentication' || property.category === 'OAuth') return { methods: [], label: 'No documented method' };
  return { methods: [], label: 'Any method (a general setting)' };
}

/** The last step of every method: write the string (the steps before it say where each value comes from). */
export function closingStep(service: ResolvedService): string {
  return `Write the connection string from the table below, starting with Profile (the path where you saved ${service.profileFile}), or let the builder further down write it.`;
}

/** The caption of a method's "What to set" table. */
export const requirementsCaption = (method: AuthMethod) => `Properties the ${method.label} method needs`;

/** Under an example that the vendor printed differently. */
export const vendorTextNote = 'The vendor’s string differs only in case, order or separators; it means the same settings.';

/** The "Build a connection string" section's text; `link` is the words that link to the builder page. */
export function builderIntro(service: ResolvedService): { before: string; link: string; after: string } {
  return {
    before: `Pick a method and fill in its fields to get a correctly quoted string for ${serviceLabel(service)}, or switch to Validate and paste a string you already have. Nothing you type leaves the page. The `,
    link: 'builder page',
    after: ' offers every service.',
  };
}

/** The sentence that opens the General properties section (the page adds how to open its folded groups). */
export function generalIntro(service: ResolvedService, count: number): string {
  return `The driver also accepts ${count} general properties on every service; ${serviceLabel(service)}’s methods need none of them.`;
}
