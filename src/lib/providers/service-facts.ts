/**
 * Facts about a service that several layers print: the help pages, their Markdown twins, the builder and the
 * catalog's corrections list. The label and the audiences are defined here; the Profile path is the engine's (the
 * validator suggests it too) and handed on. Nothing heavy is imported (the engine's rules are a leaf module), so the
 * builder island can use this file without pulling in the catalog builder or the schema.
 */
export { defaultProfilePath } from '../connstr/rules.ts';

/** The one name a service goes by in headings, prose and lists (the brand spelling when the vendor's page uses it). */
export function serviceLabel(service: { name: string; brandName?: string | undefined }): string {
  return service.brandName ?? service.name;
}

/** Whose data an auth method reaches, as the vendor's page states it (the schema's `audience`). */
export const audiences = ['own-data', 'other-users', 'both'] as const;
