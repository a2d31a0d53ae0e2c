/**
 * What pages say about a service's builds: the build picker's entries, the older build a page documents (the
 * service as that build has it, with the history of the whole service), and the "Changes between builds"
 * section, derived from the catalog's history. The HTML page, its Markdown twin, llms.txt and the feeds use it.
 */
import { describeChange } from '../providers/changes.ts';
import type { ResolvedService } from '../providers/catalog.ts';
import { href, servicePath, serviceBuildPath } from './paths.ts';

export type BuildLink = { build: string; edition: string; path: string; newest: boolean; current: boolean };

/** The newest build a service documents. */
export const newestBuild = (service: ResolvedService) => service.history.builds[0]?.build ?? service.dataVersion.build;

/** The page documents an older build than the newest. */
export const isOlderBuild = (service: ResolvedService) => service.dataVersion.build !== newestBuild(service);

/** The path of the page that documents the build a service view holds (the service page for the newest). */
export const buildPagePath = (service: ResolvedService) => (isOlderBuild(service) ? serviceBuildPath(service.id, service.dataVersion.build) : servicePath(service.id));

/** The builder page opened on a service at the build a page documents (`/builder/?service=humanity&build=23.0.8839.0`). */
export const builderPagePath = (service: ResolvedService) =>
  `${href('builder/')}?service=${service.id}${isOlderBuild(service) ? `&build=${service.dataVersion.build}` : ''}`;

/** The build picker's entries, newest first: each build's page, the one shown marked current. */
export function buildLinks(service: ResolvedService): BuildLink[] {
  const newest = newestBuild(service);
  return service.history.builds.map(({ build, edition }) => ({
    build,
    edition,
    path: build === newest ? servicePath(service.id) : serviceBuildPath(service.id, build),
    newest: build === newest,
    current: build === service.dataVersion.build,
  }));
}

/** Each older build of a service as a page documents it: the build's facts, the service's history. */
export function olderBuildViews(service: ResolvedService): ResolvedService[] {
  return service.history.older.map((older) => ({ ...older, history: service.history }));
}

export type BuildChangeList = { build: string; edition: string; previous: string; items: string[] };

/** The "Changes between builds" section: each build, newest first, with what it changed from the one before. */
export function changeLists(service: ResolvedService): BuildChangeList[] {
  return service.history.changes.map((c) => ({
    build: c.build,
    edition: c.edition,
    previous: c.previous,
    items: c.changes.length > 0 ? c.changes.map(describeChange) : ['No change in the facts we track (methods, properties, allowed values, defaults, examples, steps, menu paths).'],
  }));
}
