/**
 * The built site documents every build a service holds: each older build's page and Markdown twin hold every fact
 * of that build's vendor page (tests/fixtures/family/build-facts.json) and list no value a later build added; the
 * newest page links them with a build picker and lists the changes; the older pages point their canonical link and
 * their notice at the newest; the changes feed is Atom 1.0 (checked against RFC 4287's required elements, parsed by
 * fast-xml-parser) and its JSON twin holds the same entries; the catalog carries the builds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import buildFacts from '../fixtures/family/build-facts.json';
import { assertBuilt, distDir, readHtml, textOf } from '../support/dist';

beforeAll(assertBuilt);

type BuildFacts = {
  service: string;
  build: string;
  properties: string[];
  allowedValues: string[];
  notListed: Record<string, string[]>;
  examples: string[];
  menuPaths: string[][];
  otherFacts: string[];
};
const builds = Object.entries(buildFacts as unknown as Record<string, BuildFacts | string>).filter((e): e is [string, BuildFacts] => typeof e[1] !== 'string');
const read = (path: string) => readFileSync(join(distDir, path), 'utf8');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const forms = [
  { form: 'HTML page', text: (f: BuildFacts) => textOf(readHtml(`services/${f.service}/${f.build}/index.html`)) },
  { form: 'Markdown page', text: (f: BuildFacts) => read(`services/${f.service}/${f.build}.md`) },
] as const;

describe.each(forms.flatMap(({ form, text }) => builds.map(([key, facts]) => ({ form, key, facts, text: () => text(facts) }))))(
  '$key $form holds every fact of its vendor page',
  ({ form, facts, text }) => {
    test('documents that build', () => {
      expect(text()).toContain(`build ${facts.build}`);
    });
    test.each(facts.properties)('property %s has a row', (name) => {
      if (form === 'HTML page') expect(readHtml(`services/${facts.service}/${facts.build}/index.html`)).toContain(`id="prop-${name}"`);
      else expect(text()).toMatch(new RegExp(`^\\| \\[\`${name}\`\\]\\([^)]*/services/${facts.service}/${escape(facts.build)}/#prop-${name}\\)`, 'm'));
    });
    test.each(facts.allowedValues)('allowed value %s is listed', (value) => {
      expect(text()).toMatch(new RegExp(`\\b${value}\\b`));
    });
    test.each(facts.examples)('vendor example %s is shown verbatim', (example) => {
      expect(text()).toContain(example);
    });
    test.each(facts.menuPaths.map((p) => [p.join(' > '), p] as const))('menu path %s is shown in order', (_, path) => {
      expect(text()).toMatch(new RegExp(path.map(escape).join('.{0,40}?')));
    });
    test.each(facts.otherFacts)('mentions %s', (fact) => {
      expect(text()).toContain(fact);
    });
  },
);

/** The allowed values an HTML page's property entry lists (its "Allowed values" cell). */
function listedValues(html: string, property: string): string[] {
  const start = html.indexOf(`id="prop-${property}"`);
  expect(start).toBeGreaterThan(0);
  const entry = textOf(html.slice(start, html.indexOf('id="prop-', start + 10)));
  const m = /Allowed values (.*?) (?:Used by|$)/.exec(entry);
  return m ? m[1]!.trim().split(/\s+/) : [];
}

describe('Humanity across builds', () => {
  test('the newest page lists the AuthScheme values 24.x added, and the changes say which build brought each', () => {
    const html = readHtml('services/humanity/index.html');
    expect(listedValues(html, 'AuthScheme')).toEqual(expect.arrayContaining(['BASIC', 'NTLM', 'OAUTH_CLIENT', 'APIKEY', 'NONE', 'OAUTH']));
    const changes = textOf(html.slice(html.indexOf('id="changes"')));
    expect(changes).toMatch(/Build 24\.0\.9300\.0 .*from 24\.0\.9060\.0 AuthScheme: value APIKEY added\./);
    expect(changes).toMatch(/Build 24\.0\.9060\.0 .*from 23\.0\.8839\.0 AuthScheme: value BASIC added\. AuthScheme: value NTLM added\. AuthScheme: value OAUTH_CLIENT added\./);
  });

  test('each older page lists only its build’s values', () => {
    for (const [, facts] of builds) {
      const html = readHtml(`services/${facts.service}/${facts.build}/index.html`);
      for (const [property, values] of Object.entries(facts.notListed)) {
        const listed = listedValues(html, property);
        expect(listed.length).toBeGreaterThan(0);
        for (const value of values) expect(listed).not.toContain(value);
      }
    }
    expect(listedValues(readHtml('services/humanity/23.0.8839.0/index.html'), 'AuthScheme')).toEqual(['NONE', 'OAUTH']);
  });

  test('a build picker on every build’s page links all of them, the shown one marked current', () => {
    for (const path of ['services/humanity/index.html', 'services/humanity/24.0.9060.0/index.html', 'services/humanity/23.0.8839.0/index.html']) {
      const html = readHtml(path);
      const nav = html.slice(html.indexOf('<nav class="build-picker"'), html.indexOf('</nav>', html.indexOf('<nav class="build-picker"')));
      expect(nav).toContain('aria-label="Driver builds"');
      for (const href of ['/services/humanity/"', '/services/humanity/24.0.9060.0/"', '/services/humanity/23.0.8839.0/"']) expect(nav).toContain(`href="${href}`);
      expect(nav.match(/aria-current="page"/g)).toHaveLength(1);
    }
  });

  test('an older page says it is older, links the newest, and its twin says so too', () => {
    const text = textOf(readHtml('services/humanity/23.0.8839.0/index.html'));
    expect(text).toContain('This page documents build 23.0.8839.0, an older build of the driver. The newest build we document is 24.0.9300.0');
    expect(read('services/humanity/23.0.8839.0.md')).toMatch(/^# Connect to Humanity, build 23\.0\.8839\.0$/m);
    expect(read('services/humanity.md')).toContain('## Changes between builds');
    expect(read('services/humanity.md')).toMatch(/- Builds: \[24\.0\.9300\.0\]\([^)]*services\/humanity\.md\) \(newest\) \(this page\), \[24\.0\.9060\.0\]/);
  });

  test('each older build has its builder data file, and the older page’s builder link opens the builder on that build', async () => {
    const { readServicePayload } = await import('../../src/lib/builder/payload.ts');
    for (const build of ['24.0.9060.0', '23.0.8839.0']) {
      const payload = readServicePayload(JSON.parse(read(`builder/data/humanity/${build}.json`)));
      expect(payload.build?.version).toBe(build);
      expect(payload.build?.notInBuild.length).toBeGreaterThan(0);
      expect(readHtml(`services/humanity/${build}/index.html`)).toContain(`href="/builder/?service=humanity&amp;build=${build}"`);
      expect(read(`services/humanity/${build}.md`)).toContain(`/builder/?service=humanity&build=${build})`);
    }
    // The 23.0.8839.0 file does not list BASIC, which 24.0.9060.0 added; the newest does.
    const older = readServicePayload(JSON.parse(read('builder/data/humanity/23.0.8839.0.json')));
    expect(older.build?.notInBuild).toContainEqual({ property: 'AuthScheme', value: 'BASIC', addedIn: '24.0.9060.0' });
    expect(readHtml('services/humanity/index.html')).toContain('href="/builder/?service=humanity"');
  });

  test('the builder page lists each service’s builds for its build picker', () => {
    const html = readHtml('builder/index.html');
    // Astro writes the island's props as JSON in an attribute; the builds are in it, newest first.
    expect(html).toMatch(/humanity.{0,400}24\.0\.9300\.0.{0,80}24\.0\.9060\.0.{0,80}23\.0\.8839\.0/s);
  });

  test('a service with one build has no picker and no changes section', () => {
    const html = readHtml('services/intercom/index.html');
    expect(html).not.toContain('build-picker');
    expect(html).not.toContain('id="changes"');
  });
});

describe('llms.txt', () => {
  test('lists each older build’s Markdown, marked with its build, and links the changes feed', () => {
    const llms = read('llms.txt');
    expect(llms).toMatch(/- \[Humanity, build 23\.0\.8839\.0\]\([^)]*services\/humanity\/23\.0\.8839\.0\.md\)/);
    expect(llms).toMatch(/- \[Zoom, build 24\.0\.9060\.0\]\(/);
    expect(llms).toContain('changes.xml');
    expect(llms).toContain('changes.json');
    expect(read('llms-full.txt')).toContain('# Connect to Humanity, build 23.0.8839.0');
  });
});

describe('changes feed', () => {
  const xml = () => read('changes.xml');
  const feed = () => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'category'].includes(name) }).parse(xml()).feed;
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
  const absoluteIri = /^[a-z][a-z0-9+.-]*:\S+$/i;

  test('is well-formed XML in the Atom namespace', () => {
    expect(XMLValidator.validate(xml())).toBe(true);
    expect(feed()['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  });

  test('the feed has RFC 4287’s required elements: one id (an absolute IRI), title, updated, author, and a self link', () => {
    const f = feed();
    expect(f.id).toMatch(absoluteIri);
    expect(typeof f.title).toBe('string');
    expect(f.updated).toMatch(rfc3339);
    expect(f.author.name).toBeTruthy();
    expect(f.link.some((l: Record<string, string>) => l['@rel'] === 'self' && l['@href'].endsWith('/changes.xml'))).toBe(true);
  });

  test('one entry per service build, each with a unique id, title, updated, an alternate link and content', () => {
    const entries = feed().entry as Record<string, any>[];
    const catalog = JSON.parse(read('catalog.json')) as { services: { builds: unknown[] }[] };
    expect(entries).toHaveLength(catalog.services.reduce((n, s) => n + s.builds.length, 0));
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const e of entries) {
      expect(e.id).toMatch(absoluteIri);
      expect(typeof e.title).toBe('string');
      expect(e.updated).toMatch(rfc3339);
      expect(e.link.some((l: Record<string, string>) => (l['@rel'] ?? 'alternate') === 'alternate' && l['@type'] === 'text/html')).toBe(true);
      expect(e.content['@type']).toBe('html');
    }
    const humanity = entries.find((e) => e.id.endsWith('humanity/24.0.9060.0'))!;
    expect(humanity.title).toBe('Humanity: build 24.0.9060.0, 3 changes from 23.0.8839.0');
    expect(humanity.content['#text']).toContain('AuthScheme: value BASIC added.');
  });

  test('changes.json holds the same entries, with the changes as data', () => {
    const json = JSON.parse(read('changes.json')) as { entries: { id: string; build: string; service: string; previous: string | null; changes: { kind: string; property: string | null; before: string | null; after: string | null }[] }[] };
    expect(json.entries.map((e) => e.id)).toEqual((feed().entry as { id: string }[]).map((e) => e.id));
    const to9060 = json.entries.find((e) => e.service === 'humanity' && e.build === '24.0.9060.0')!;
    expect(to9060.previous).toBe('23.0.8839.0');
    expect(to9060.changes).toEqual(['BASIC', 'NTLM', 'OAUTH_CLIENT'].map((after) => ({ kind: 'value-added', property: 'AuthScheme', before: null, after })));
  });

  test('each service page with several builds links the feed', () => {
    const html = readHtml('services/zoom/index.html');
    expect(html).toMatch(/href="\/changes\.xml"/);
    expect(html).toMatch(/href="\/changes\.json"/);
  });
});

describe('the catalog', () => {
  test('the index names every build; a service’s file carries them and the changes of each', () => {
    const index = JSON.parse(read('catalog.json')) as { services: { id: string; builds: { build: string }[] }[] };
    expect(index.services.find((s) => s.id === 'humanity')!.builds.map((b) => b.build)).toEqual(['24.0.9300.0', '24.0.9060.0', '23.0.8839.0']);
    const humanity = JSON.parse(read('catalog/humanity.json')) as { builds: { build: string }[]; buildChanges: { build: string; previous: string; changes: unknown[] }[]; olderBuilds: unknown[] };
    expect(humanity.builds.map((b) => b.build)).toEqual(['24.0.9300.0', '24.0.9060.0', '23.0.8839.0']);
    expect(humanity.buildChanges.map((c) => [c.build, c.previous, c.changes.length])).toEqual([
      ['24.0.9300.0', '24.0.9060.0', 1],
      ['24.0.9060.0', '23.0.8839.0', 3],
    ]);
    expect(humanity.olderBuilds).toHaveLength(2);
    const schema = JSON.parse(read('catalog-service.schema.json')) as Record<string, any>;
    expect(JSON.stringify(schema)).toContain('"buildChanges"');
    expect(JSON.stringify(schema)).toContain('"value-added"');
  });
});
