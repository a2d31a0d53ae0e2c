/**
 * What a service page shows, derived once from the catalog so the HTML page and its Markdown twin
 * (`markdown.ts`) list the same properties in the same order and say the same things.
 */
import { categoryRank, type ResolvedProperty, type ResolvedService } from '../providers/catalog';
import type { AuthMethod, Example, Placement, Requirement } from '../providers/schema';

const byCategoryThenName = (a: ResolvedProperty, b: ResolvedProperty) =>
  categoryRank(a.category) - categoryRank(b.category) || a.name.localeCompare(b.name);

export type ServiceTables = {
  /** Profile and ProfileSettings, then the properties the service's own file lists, by category. */
  main: ResolvedProperty[];
  /** The driver's general properties every service accepts (deprecated ones left out), by category. */
  general: ResolvedProperty[];
  /** Some property of the main table goes inside ProfileSettings. */
  usesProfileSettings: boolean;
};

export function serviceTables(service: ResolvedService): ServiceTables {
  const connection = service.properties.filter((p) => p.name === 'Profile' || p.name === 'ProfileSettings');
  const listed = service.listedProperties.map((name) => service.properties.find((p) => p.name === name)!);
  const main = [...connection, ...listed.sort(byCategoryThenName)];
  const inMain = new Set(main.map((p) => p.name));
  const general = service.properties.filter((p) => !inMain.has(p.name) && !p.deprecated).sort(byCategoryThenName);
  return { main, general, usesProfileSettings: main.some((p) => p.placement === 'profileSettings') };
}

/** The sentence that opens the Authentication section. */
export function authenticationIntro(service: ResolvedService, usesProfileSettings: boolean): string {
  const display = service.brandName ?? service.name;
  const count =
    service.authMethods.length === 1
      ? `${display} documents one method.`
      : `${display} documents ${service.authMethods.length} methods. Choose by whose data you need.`;
  const placement = usesProfileSettings
    ? ' Settings marked “Inside ProfileSettings” go in the nested ProfileSettings string; the rest go at the top level.'
    : ' Every setting goes at the top level of the connection string.';
  return count + placement;
}

export type RequirementRow = Requirement & { placement: Placement; sensitive: boolean };

/** The "What to set" rows of a method: each requirement with where it goes and whether it is a secret. */
export function requirementRows(service: ResolvedService, method: AuthMethod): RequirementRow[] {
  return method.requires.map((req) => {
    const property = service.properties.find((p) => p.name === req.property);
    return { ...req, placement: property?.placement ?? 'top', sensitive: property?.sensitive ?? false };
  });
}

/** The method's example (the catalog checks that it exists). */
export function methodExample(service: ResolvedService, method: AuthMethod): Example {
  return service.examples.find((e) => e.id === method.example)!;
}

/** The vendor's printed spelling, when it differs from the published string. */
export function vendorVariant(example: Example): string | undefined {
  return example.vendorText !== undefined && example.vendorText !== example.connectionString ? example.vendorText : undefined;
}
