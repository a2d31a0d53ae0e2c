/**
 * The importer on its fixture pages (tests/fixtures/import/pages: the vendor's layout, our sentences), against the
 * facts written down for them (tests/fixtures/import/facts.json): every fact read with its line, every review
 * finding drawn (and no other), and every fact in the draft service file, which the catalog then loads as a draft.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import facts from '../../fixtures/import/facts.json';
import { importPages, sharedFrom, type ImportedService } from '../../../src/lib/import/index.ts';
import { buildCatalog } from '../../../src/lib/providers/catalog.ts';
import { fieldsToWrite, isToWrite } from '../../../src/lib/providers/drafts.ts';
import { acmeCatalog, acmeContentDir } from '../../support/acme.ts';

type PageFacts = {
  id: string;
  name: string;
  build: string;
  edition: string | null;
  profileFile: string;
  olderPages: string[];
  methods: { heading: string; kind: string; bullets: [string, string | null][]; menuPaths: string[][]; urls: string[]; examples: string[] }[];
  properties: ([string] | [string, string[]])[];
  truncations: number[];
  unplaced: number[];
  findings: [number, string][];
};

const pagesDir = fileURLToPath(new URL('../../fixtures/import/pages', import.meta.url));
const expected = Object.entries(facts as unknown as Record<string, PageFacts>).filter(([key]) => key.endsWith('.txt'));
const context = sharedFrom(acmeCatalog().properties);
const imported = importPages(
  readdirSync(pagesDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(pagesDir, file), 'utf8') })),
  context,
);
const byPage = new Map(imported.map((s) => [s.page.file, s]));
const service = (file: string): ImportedService => {
  const found = byPage.get(file);
  if (!found) throw new Error(`no service imported from ${file}`);
  return found;
};

describe.each(expected)('%s', (file, page) => {
  const s = () => service(file);

  test('title, build, year and profile file', () => {
    expect([s().id, s().name, s().build, s().page.copyright ? String(s().page.copyright!.year) : null]).toEqual([page.id, page.name, page.build, page.edition]);
    expect(s().service.profileFile).toBe(page.profileFile);
    expect(s().older.map((o) => o.file)).toEqual(page.olderPages);
  });

  test('every section with its bullets, menu paths, addresses and example strings as printed', () => {
    const sections = s().page.sections.filter((x) => x.kind !== 'intro');
    expect(
      sections.map((x) => ({
        heading: x.heading,
        kind: x.kind,
        bullets: x.bullets.map((b) => [b.name, b.value ?? null]),
        menuPaths: x.menuPaths.map((m) => m.items),
        urls: x.urls.map((u) => u.url),
        examples: x.examples.map((e) => e.text),
      })),
    ).toEqual(page.methods);
  });

  test('the property table with its allowed values', () => {
    expect((s().page.table?.rows ?? []).map((r) => (r.allowedValues ? [r.name, r.allowedValues] : [r.name]))).toEqual(page.properties);
  });

  test('cut-off points and lines it could not place are kept, with their lines', () => {
    expect(s().page.truncations.map((t) => t.line)).toEqual(page.truncations);
    expect(s().page.unplaced.map((u) => u.line)).toEqual(page.unplaced);
  });

  test('the review draws exactly the expected findings, each at its line', () => {
    expect(s().findings.map((f) => [f.line, f.code])).toEqual(page.findings);
  });

  test('the draft holds every fact: example strings as printed, menu paths, addresses, allowed values, build and year', () => {
    const draft = s().service;
    expect(draft.draft).toBe(true);
    expect(draft.dataVersion).toEqual({ build: page.build, edition: page.edition });
    const vendorTexts = draft.examples.map((e) => e.vendorText);
    for (const example of page.methods.flatMap((m) => m.examples)) {
      // A string cut off on the page is replaced by the older build's whole string (reported as filled-from-build).
      if (s().page.sections.some((x) => x.examples.some((e) => e.text === example && e.truncated))) continue;
      expect(vendorTexts).toContain(example);
    }
    const paths = draft.authMethods.flatMap((m) => m.steps.flatMap((st) => (st.menuPath ? [st.menuPath] : [])));
    for (const path of page.methods.flatMap((m) => m.menuPaths)) expect(paths).toContainEqual(path);
    const addresses = draft.authMethods.flatMap((m) => m.steps.flatMap((st) => [st.link, st.text]));
    for (const url of page.methods.flatMap((m) => m.urls)) expect(addresses.some((a) => a !== undefined && a.includes(url))).toBe(true);
    for (const [name, values] of page.properties) {
      const entry = draft.properties.find((p) => p.name.toLowerCase() === name.toLowerCase());
      expect(entry, name).toBeDefined();
      if (values) {
        const listed = entry!.allowedValues ?? entry!.define?.allowedValues?.map((v) => v.value);
        expect(listed?.map((v) => v.toLowerCase())).toEqual(values.map((v) => v.toLowerCase()));
      }
    }
  });

  test('fields that need our words are marked; each warning, cut-off and borrowed fact has a decision to write', () => {
    const draft = s().service;
    expect(isToWrite(draft.overview)).toBe(true);
    expect(isToWrite(draft.consoleName)).toBe(true);
    for (const method of draft.authMethods) {
      expect(isToWrite(method.whenToUse)).toBe(true);
      for (const step of method.steps) expect(isToWrite(step.text)).toBe(true);
      for (const req of method.requires) expect(isToWrite(req.source)).toBe(true);
    }
    const decisions = [...(draft.decisions ?? []), ...draft.authMethods.flatMap((m) => m.decisions ?? []), ...draft.properties.flatMap((p) => p.decisions ?? [])];
    const warnings = s().findings.filter((f) => f.severity === 'warning' || f.code === 'truncated' || f.code === 'filled-from-build');
    expect(decisions.map((d) => d.issue).sort()).toEqual([...new Set(warnings.map((f) => f.message))].sort());
    for (const d of decisions) expect(isToWrite(d.decision)).toBe(true);
  });

  test('the draft loads as a draft: every example checks out against it, and its fields to write are listed', () => {
    const drafted = s().service;
    const files = { ...acmeService(), [`${drafted.id}.json`]: drafted };
    const catalog = buildCatalog(properties(), files, { drafts: 'allow' });
    expect(catalog.services.map((x) => x.id)).toContain(drafted.id);
    expect(catalog.drafts?.map((d) => [d.service, d.fields])).toEqual([[drafted.id, fieldsToWrite(drafted)]]);
    expect(() => buildCatalog(properties(), files)).toThrow(/still to write/);
  });
});

/** The acme fixture's service file (the shared properties' examples name its profile). */
function acmeService(): Record<string, unknown> {
  return { 'acme.json': JSON.parse(readFileSync(join(acmeContentDir, 'services', 'acme.json'), 'utf8')) };
}

/** The acme fixture's shared property files, as the catalog reads them. */
function properties(): Record<string, unknown> {
  const dir = join(acmeContentDir, 'properties');
  return Object.fromEntries(readdirSync(dir).map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))]));
}

describe('the shapes of the family, as data', () => {
  test('a credential nested where other services write it at the top level gets a per-service placement', () => {
    const password = service('sandboxhr-23.0.8839.0.txt').service.properties.find((p) => p.name === 'Password');
    expect(password).toMatchObject({ placement: 'profileSettings' });
    expect(password?.define).toBeUndefined();
  });

  test('a profile setting the example writes at the top level is defined there, typed from its value', () => {
    const sandbox = service('sandboxhr-23.0.8839.0.txt').service.properties.find((p) => p.name === 'UseSandbox');
    expect(sandbox?.define).toMatchObject({ placement: 'top', type: 'boolean' });
    const tenant = service('sandboxhr-23.0.8839.0.txt').service.properties.find((p) => p.name === 'TenantId');
    expect(tenant?.define).toMatchObject({ placement: 'profileSettings', type: 'string', example: '12345' });
  });

  test('a setting with a stated default is optional and keeps the default; the APIKey scheme and the prefix pitfall are data', () => {
    const botly = service('botly-25.0.9539.0.txt').service;
    const oauth = botly.authMethods.find((m) => m.id === 'oauth')!;
    expect(oauth.allows).toEqual(['Scope']);
    expect(oauth.requires.map((r) => [r.property, r.value ?? null])).toEqual([
      ['AuthScheme', 'OAUTH'],
      ['InitiateOAuth', 'GETANDREFRESH'],
      ['OAuthClientId', null],
      ['OAuthClientSecret', null],
      ['CallbackURL', null],
    ]);
    expect(botly.properties.find((p) => p.name === 'Scope')?.define).toMatchObject({ placement: 'profileSettings', default: 'read write profile' });
    const bot = botly.authMethods.find((m) => m.id === 'bot-token')!;
    expect(bot.authSchemes).toEqual(['APIKEY']);
    expect(bot.pitfalls).toEqual([expect.objectContaining({ property: 'APIKey', rejectedPrefix: 'Bot ' })]);
    expect(botly.vendorPage?.incomplete).toMatch(/^\[to write\]/);
  });

  test('two methods without AuthScheme are told apart by the credential each sets', () => {
    const methods = service('pairpoint-23.0.8839.0.txt').service.authMethods;
    expect(methods.map((m) => [m.id, m.authSchemes, m.impliedWithoutAuthScheme, m.impliedWhenSet])).toEqual([
      ['apikey', [], true, ['APIKey']],
      ['password', [], false, ['Password']],
    ]);
  });

  test('examples get a canonical string beside the vendor text: documented spellings and values, same pairs', () => {
    const oauth = service('tallyhub-23.0.8839.0.txt').service.examples.find((e) => e.authMethod === 'oauth')!;
    expect(oauth.connectionString).toBe(
      'Profile=C:\\profiles\\TallyHub.apip;AuthScheme=OAUTH;InitiateOAuth=GETANDREFRESH;OAuthClientId=your_client_id;OAuthClientSecret=your_client_secret;CallbackURL=your_callback_url',
    );
  });

  test('a non-method heading files its example under the method before it', () => {
    const pipeline = service('pipeline-24.0.9060.0.txt').service;
    expect(pipeline.authMethods.map((m) => m.id)).toEqual(['api-key']);
    expect(pipeline.examples.map((e) => e.authMethod)).toEqual(['api-key']);
  });

  test('a review finding names the facts it is about', () => {
    const messages = service('tallyhub-23.0.8839.0.txt').findings.map((f) => f.message).join('\n');
    for (const fact of ['GetInvoice', 'Talyhub', 'Authscheme', 'CallbackUrl', 'GetAndRefresh', 'OAuthClientID', 'Region', 'Tokns', 'https://app.tally hub.example/apps']) {
      expect(messages).toContain(fact);
    }
  });
});
