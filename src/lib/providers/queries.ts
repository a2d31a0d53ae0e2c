/**
 * The questions pages ask of the catalog: in which order categories come, which auth methods use a property, which
 * corrections belong on a service's page. Derived from the resolved catalog (the catalog builder in catalog.ts only
 * builds and checks it); the HTML pages, their Markdown twins and the search records ask the same questions here.
 */
import type { ResolvedService } from './resolved.ts';
import { propertyCategories, type AuthMethod, type Decision, type Property } from './schema.ts';
import { serviceLabel } from './service-facts.ts';

/** Category order index, for stable grouping on the reference page. */
export function categoryRank(category: Property['category']): number {
  return propertyCategories.indexOf(category);
}

/** Auth methods of a service that require or allow a property. */
export function methodsUsing(service: ResolvedService, name: string): { method: AuthMethod; required: boolean }[] {
  return service.authMethods.flatMap((method): { method: AuthMethod; required: boolean }[] => {
    if (method.requires.some((r) => r.property === name)) return [{ method, required: true }];
    if (method.allows.includes(name)) return [{ method, required: false }];
    return [];
  });
}

/** True when a decision belongs on this service's page: it is in the service's file, or its data names the service. */
export function decisionAppliesTo(decision: Decision, service: Pick<ResolvedService, 'id'>): boolean {
  // Shared decisions always carry appliesTo (the catalog enforces it); a decision without one is the service's own.
  return decision.appliesTo === undefined || decision.appliesTo.includes(service.id);
}

/**
 * Every decision shown on a service's page: its own, its auth methods', and its properties' (a shared
 * property's only where the decision names this service, so a correction appears only where its problem does).
 */
export function serviceDecisions(service: ResolvedService): { scope: string; decision: Decision }[] {
  return [
    ...service.decisions.map((decision) => ({ scope: serviceLabel(service), decision })),
    ...service.authMethods.flatMap((m) => m.decisions.map((decision) => ({ scope: m.label, decision }))),
    ...service.properties.flatMap((p) =>
      p.decisions.filter((decision) => decisionAppliesTo(decision, service)).map((decision) => ({ scope: p.name, decision })),
    ),
  ];
}
