/**
 * Facts about a service that several layers print: the help pages, their Markdown twins, the builder and the
 * catalog's corrections list. Each has its one definition here. No imports but types, so the builder island can
 * use this file without pulling in the catalog builder or the schema.
 */
import type { ResolvedService } from './resolved.ts';

/** The one name a service goes by in headings, prose and lists (the brand spelling when the vendor's page uses it). */
export function serviceLabel(service: { name: string; brandName?: string | undefined }): string {
  return service.brandName ?? service.name;
}

/** The usual place of a service's profile file: the builder's editable Profile default and the pages' example path. */
export function defaultProfilePath(service: Pick<ResolvedService, 'profileFile'>): string {
  return `C:\\profiles\\${service.profileFile}`;
}
