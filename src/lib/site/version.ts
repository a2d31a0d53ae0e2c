/** The footer's statement of which data a page documents. */
import type { Catalog, ResolvedService } from '../providers/catalog.ts';

export function serviceDataVersion(service: ResolvedService): string {
  return `This page documents the ${service.name} profile of the API Data Provider, build ${service.dataVersion.build} (${service.dataVersion.edition} help edition).`;
}

export function catalogDataVersion(catalog: Catalog): string {
  const builds = [...new Set(catalog.services.map((s) => s.dataVersion.build))].sort();
  return `Data documented: API Data Provider builds ${builds.join(', ')}, ${catalog.services.length} services.`;
}
