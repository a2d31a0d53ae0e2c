/**
 * The changes feed: one entry per build of every service, with what that build changed from the one before
 * (`/changes.xml`, Atom 1.0, RFC 4287; `/changes.json`, the same entries as data), so a team can watch the
 * services it uses. Derived from the catalog's build history; every link goes through the site's one URL function.
 */
import type { Catalog, ResolvedService } from '../providers/catalog.ts';
import { describeChange } from '../providers/changes.ts';
import type { BuildChange } from '../providers/schema.ts';
import { serviceLabel } from '../providers/service-facts.ts';
import { href, markdownPath, serviceBuildPath, servicePath, type UrlOf } from './paths.ts';

export type ChangeEntry = {
  /** A stable id, independent of where the site is served: `tag:` URI of the service and build. */
  id: string;
  service: string;
  serviceName: string;
  build: string;
  edition: string;
  /** The build it is compared with; absent for the first build we document. */
  previous?: string;
  /** The start of the help edition's year: the date the vendor's pages give (they carry a year, no day). */
  updated: string;
  /** The build's page (the service page for the newest build). */
  path: string;
  markdownPath: string;
  changes: BuildChange[];
};

const TAG = 'tag:connector-help.local,2026:';

function entriesOf(service: ResolvedService): ChangeEntry[] {
  const newest = service.history.builds[0]?.build ?? service.dataVersion.build;
  const oldest = service.history.builds.at(-1)!;
  const byBuild = new Map(service.history.changes.map((c) => [c.build, c]));
  return service.history.builds.map(({ build, edition }) => {
    const changed = byBuild.get(build);
    const path = build === newest ? servicePath(service.id) : serviceBuildPath(service.id, build);
    return {
      id: `${TAG}${service.id}/${build}`,
      service: service.id,
      serviceName: serviceLabel(service),
      build,
      edition,
      ...(changed ? { previous: changed.previous } : {}),
      updated: `${/^\d{4}$/.test(edition) ? edition : '1970'}-01-01T00:00:00Z`,
      path,
      markdownPath: markdownPath(path),
      changes: build === oldest.build ? [] : (changed?.changes ?? []),
    };
  });
}

/** Every service's builds, newest edition first, then by service and build. */
export function changeEntries(catalog: Catalog): ChangeEntry[] {
  return catalog.services
    .flatMap(entriesOf)
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.serviceName.localeCompare(b.serviceName) || b.build.localeCompare(a.build, undefined, { numeric: true }));
}

/** What an entry says, in our words: the changes, one a line, or why there are none. */
export function entrySummary(entry: ChangeEntry): string[] {
  if (entry.previous === undefined) return [`The first build of ${entry.serviceName} we document.`];
  if (entry.changes.length === 0) return [`No change from ${entry.previous} in the facts we track (methods, properties, allowed values, defaults, examples, steps, menu paths).`];
  return entry.changes.map(describeChange);
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `/changes.xml`: an Atom 1.0 feed, one entry per service build. */
export function atomFeed(catalog: Catalog, url: UrlOf): string {
  const entries = changeEntries(catalog);
  const updated = entries.reduce((max, e) => (e.updated > max ? e.updated : max), '1970-01-01T00:00:00Z');
  const body = entries.map((e) => {
    const title = e.previous === undefined ? `${e.serviceName}: build ${e.build}` : `${e.serviceName}: build ${e.build}, ${e.changes.length} change${e.changes.length === 1 ? '' : 's'} from ${e.previous}`;
    const html = `<ul>${entrySummary(e).map((line) => `<li>${xml(line)}</li>`).join('')}</ul>`;
    return [
      '  <entry>',
      `    <id>${xml(e.id)}</id>`,
      `    <title>${xml(title)}</title>`,
      `    <updated>${e.updated}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xml(url(e.path))}"/>`,
      `    <link rel="alternate" type="text/markdown" href="${xml(url(e.markdownPath))}"/>`,
      `    <category term="${xml(e.service)}" label="${xml(e.serviceName)}"/>`,
      `    <content type="html">${xml(html)}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${TAG}changes</id>`,
    '  <title>Connector Help: changes between driver builds</title>',
    '  <subtitle>Each build of every service we document, with what it changed from the build before (entries are dated by their help edition year).</subtitle>',
    `  <updated>${updated}</updated>`,
    '  <author><name>Connector Help</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${xml(url(href('changes.xml')))}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(url(href()))}"/>`,
    ...body,
    '</feed>',
    '',
  ].join('\n');
}

/** `/changes.json`: the same entries as data. */
export function changesJson(catalog: Catalog, url: UrlOf): string {
  const entries = changeEntries(catalog).map((e) => ({
    id: e.id,
    service: e.service,
    serviceName: e.serviceName,
    build: e.build,
    edition: e.edition,
    previous: e.previous ?? null,
    url: url(e.path),
    markdown: url(e.markdownPath),
    changes: e.changes,
    summary: entrySummary(e),
  }));
  return `${JSON.stringify({ title: 'Connector Help: changes between driver builds', feed: url(href('changes.json')), atom: url(href('changes.xml')), entries }, null, 2)}\n`;
}
