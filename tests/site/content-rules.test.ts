/**
 * The content rules of the built site (issue 14: every statement sourced or marked):
 * - every connection string shown anywhere (service examples, vendor text, the guide, the reference, every
 *   output form) validates for its service, or is labelled as an example of a warning or an error and draws one;
 * - every menu path on a page is verbatim in the vendor's page (the project's seed fixture), in the › notation;
 * - the corrections on a service page are exactly those whose data names that service, one row each;
 * - headings use one name per service (no "AirCall (Aircall)" or "(X (Y))").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import seedFacts from '../fixtures/seeds/facts.json';
import familyFacts from '../fixtures/family/facts.json';
import { validate } from '../../src/lib/connstr/index.ts';
import { fragmentServices } from '../../src/lib/providers/examples.ts';
import { loadCatalog } from '../../src/lib/providers/load.ts';
import { serviceRules, serviceRulesAt } from '../../src/lib/providers/rules.ts';
import { assertBuilt, decodeEntities, htmlFiles, readHtml, textOf } from '../support/dist';

beforeAll(assertBuilt);

const root = join(import.meta.dirname, '..', '..');
const catalog = loadCatalog(join(root, 'content'));
const serviceById = new Map(catalog.services.map((s) => [s.id, serviceRules(s)]));
type SeedFacts = { menuPaths: string[][]; menuItems: string[] };
/** The vendor facts every service was written from: the seed help texts and the family's imported pages. */
const seeds = { ...seedFacts, ...familyFacts } as unknown as Record<string, SeedFacts>;

/** `name="value"` attributes of a start tag's attribute text (valueless attributes map to ''). */
function attributes(text: string): Map<string, string> {
  return new Map([...text.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map((m) => [m[1]!, decodeEntities(m[2] ?? '')]));
}

/** Every `<pre>` with its attributes and text. */
function preBlocks(html: string): { attrs: Map<string, string>; text: string }[] {
  return [...html.matchAll(/<pre\b([^>]*)>([\s\S]*?)<\/pre>/g)].map((m) => ({
    attrs: attributes(m[1]!),
    text: decodeEntities(m[2]!.replace(/<[^>]+>/g, '')),
  }));
}

/** The connection string inside an output form, read back the way its language reads the literal. */
function unwrap(form: string, text: string): string {
  const literal = (pattern: RegExp) => {
    const match = text.match(pattern);
    if (!match) throw new Error(`no string literal in the ${form} sample: ${text}`);
    return match;
  };
  switch (form) {
    case 'plain':
    case 'jdbc':
      return text;
    case 'csharp': {
      const verbatim = text.match(/@"((?:[^"]|"")*)"/);
      return verbatim ? verbatim[1]!.replaceAll('""', '"') : JSON.parse(`"${literal(/"((?:[^"\\]|\\.)*)"/)[1]}"`);
    }
    case 'java':
    case 'python':
      // Both escape only \\ and \" in these samples (no control characters), which JSON reads the same way.
      return JSON.parse(`"${literal(/"((?:[^"\\]|\\.)*)"/)[1]}"`);
    case 'odbc': {
      // The DSN or Driver keyword is read by the ODBC driver manager; the rest is the plain string.
      const lead = literal(/^(?:DSN|Driver)=(?:\{(?:[^}]|\}\})*\}|[^;{]*)(?:;|$)/);
      return text.slice(lead[0].length);
    }
    case 'env': {
      // Single-quoted variables (literal), then the double-quoted line that assembles them with ${NAME}.
      const values = new Map([...text.matchAll(/^([A-Z_][A-Z0-9_]*)='([^'\n]*)'$/gm)].map((m) => [m[1]!, m[2]!]));
      const assembled = literal(/^[A-Z_][A-Z0-9_]*="((?:[^"\\]|\\.)*)"$/m)[1]!.replace(/\\(.)/g, '$1');
      return assembled.replace(/\$\{([A-Z_][A-Z0-9_]*)\}/g, (_, name: string) => values.get(name) ?? `\${${name}}`);
    }
    case 'appsettings':
      return Object.values((JSON.parse(text) as { ConnectionStrings: Record<string, string> }).ConnectionStrings)[0]!;
    default:
      throw new Error(`unknown connection-string form "${form}"`);
  }
}

/** The worst severity of a sample, checked against the build it is marked with (`data-connstr-build`; else the newest). */
const worstOf = (text: string, serviceId: string, build: string | undefined) => {
  const resolved = catalog.services.find((s) => s.id === serviceId)!;
  const rules = build === undefined ? serviceById.get(serviceId)! : serviceRulesAt(resolved, build);
  expect(rules, `${serviceId} documents no build ${build}`).toBeDefined();
  const problems = validate(text, rules!, { reportSensitive: false });
  return problems.some((p) => p.severity === 'error') ? 'error' : problems.some((p) => p.severity === 'warning') ? 'warning' : 'valid';
};

/** A `Name=value` in text: what a connection string (or a fragment of one) looks like. */
const PAIR = /\b[A-Za-z][A-Za-z0-9]*=(?!=)\S/;

describe('every connection string shown on the site', () => {
  const pages = htmlFiles();

  test.each(pages)('%s: each marked sample validates for its service as labelled', (page) => {
    const wrong: string[] = [];
    for (const { attrs, text } of preBlocks(readHtml(page))) {
      const serviceId = attrs.get('data-connstr');
      if (serviceId === undefined) continue;
      expect(serviceById.has(serviceId), `${page}: unknown service "${serviceId}"`).toBe(true);
      const form = attrs.get('data-connstr-form') ?? 'plain';
      const verdict = attrs.get('data-connstr-verdict') ?? 'valid';
      const found = worstOf(unwrap(form, text.trim()), serviceId, attrs.get('data-connstr-build'));
      if (found !== verdict) wrong.push(`${form} sample labelled ${verdict}, validator finds ${found}: ${text.trim()}`);
      // A sample that shows a problem says so where the reader sees it, not only in an attribute.
      if (verdict === 'error') expect(attrs.get('aria-label')).toMatch(/^Error example/);
      if (verdict === 'warning') expect(attrs.get('aria-label')).toMatch(/warns/);
    }
    expect(wrong).toEqual([]);
  });

  test.each(pages)('%s: no connection string is shown without being checked', (page) => {
    // A syntax example's own table and messages describe its checked string (validated by the test above).
    const html = readHtml(page).replace(/<figure\b[^>]*data-connstr-example[\s\S]*?<\/figure>/g, (figure) => {
      expect(figure).toMatch(/<pre\b[^>]*data-connstr=/);
      return '';
    });
    const unmarked = preBlocks(html)
      .filter(({ attrs, text }) => !attrs.has('data-connstr') && PAIR.test(text))
      .map(({ text }) => text);
    for (const match of html.matchAll(/<code\b([^>]*)>([\s\S]*?)<\/code>/g)) {
      const text = decodeEntities(match[2]!.replace(/<[^>]+>/g, ''));
      const attrs = attributes(match[1]!);
      if (attrs.has('data-connstr-fragment')) {
        // A fragment (a setting or two, shown in prose) must read cleanly for a service that could use it.
        expect(fragmentServices(text, catalog.services).map((s) => s.id), `fragment ${text}`).not.toEqual([]);
      } else if (PAIR.test(text) && !html.slice(0, match.index).match(/<pre\b[^>]*>(?![\s\S]*<\/pre>)/)) {
        unmarked.push(text);
      }
    }
    // Running text outside code may not carry a connection string either (no check would see it).
    const prose = textOf(html.replace(/<pre\b[\s\S]*?<\/pre>/g, ' ').replace(/<code\b[\s\S]*?<\/code>/g, ' '));
    unmarked.push(...(prose.match(new RegExp(PAIR.source, 'g')) ?? []).map((m) => `in prose: ${m}`));
    expect(unmarked).toEqual([]);
  });

  test('the checks see the guide’s labelled examples and all eight output forms', () => {
    const blocks = preBlocks(readHtml('guides/connection-strings/index.html')).filter((b) => b.attrs.has('data-connstr'));
    const verdicts = blocks.map((b) => b.attrs.get('data-connstr-verdict'));
    expect(verdicts).toContain('error');
    expect(verdicts).toContain('warning');
    expect(new Set(blocks.map((b) => b.attrs.get('data-connstr-form')))).toEqual(new Set(['plain', 'jdbc', 'csharp', 'java', 'python', 'odbc', 'env', 'appsettings']));
  });

  test('the ODBC forms: the documented DSN form, and the DSN-less form marked as our inference', () => {
    const html = readHtml('guides/connection-strings/index.html');
    const odbc = preBlocks(html).filter((b) => b.attrs.get('data-connstr-form') === 'odbc').map((b) => b.text.trim());
    expect(odbc[0]).toMatch(/^DSN=CData ODBC API Source;Profile=/);
    expect(odbc[1]).toMatch(/^Driver=\{CData ODBC Driver for API\};Profile=/);
    expect(textOf(html)).toMatch(/ODBC \(DSN-less, our inference\)/);
  });

  test('one input, one quoting: ProfileSettings is single-quoted in every form of the guide', () => {
    const forms = preBlocks(readHtml('guides/connection-strings/index.html')).filter((b) => b.attrs.has('data-connstr-form') && b.text.includes('ProfileSettings'));
    expect(forms.length).toBeGreaterThanOrEqual(7);
    for (const { attrs, text } of forms) {
      const form = attrs.get('data-connstr-form')!;
      if (form === 'plain') continue;
      // The configuration files hold the string in their own notation: compared once unwrapped.
      const shown = form === 'env' || form === 'appsettings' ? unwrap(form, text.trim()) : text;
      expect(shown, attrs.get('aria-label')).toContain("ProfileSettings='APIKey=my_api_key'");
    }
  });
});

/** A page's text with the menu-path separators' hidden ", then " removed, so paths read `A › B`. */
const pageText = (page: string) => textOf(readHtml(page).replace(/<span class="visually-hidden"[^>]*>, then <\/span>/g, ''));

describe('menu paths', () => {
  test.each(catalog.services.map((s) => s.id))('%s: every menu path shown is verbatim in the vendor’s page', (id) => {
    const seed = seeds[id]!;
    const html = readHtml(`services/${id}/index.html`);
    const shown = [...html.matchAll(/<span class="menu-path">([\s\S]*?)<\/span>(?=\s*<\/p>)/g)].map((m) =>
      [...m[1]!.matchAll(/<span class="menu-item">([^<]*)<\/span>/g)].map((i) => decodeEntities(i[1]!)),
    );
    const runs = [...seed.menuPaths, ...seed.menuItems.map((item) => [item])];
    // A page shows menu paths exactly when its vendor page gives some (SmartHR's names none).
    expect(shown.length > 0, 'menu paths on the page').toBe(runs.length > 0);
    const verbatim = (path: string[]) => runs.some((run) => run.some((_, start) => path.every((item, i) => run[start + i] === item)));
    expect(shown.filter((path) => !verbatim(path))).toEqual([]);
  });

  test.each(catalog.services.map((s) => s.id))('%s: every "A › B" in the text is a step of a seed path', (id) => {
    const seed = seeds[id]!;
    const text = pageText(`services/${id}/index.html`);
    const steps = seed.menuPaths.flatMap((run) => run.slice(1).map((item, i) => [run[i]!, item] as const));
    const bad: string[] = [];
    for (const match of text.matchAll(/ › /g)) {
      const before = text.slice(0, match.index);
      const after = text.slice(match.index + match[0].length);
      if (!steps.some(([a, b]) => before.endsWith(a) && after.startsWith(b))) bad.push(`${before.slice(-30)} › ${after.slice(0, 30)}`);
    }
    expect(bad).toEqual([]);
  });

  test.each(htmlFiles())('%s: one menu-path notation (›), never ">"', (page) => {
    expect(pageText(page)).not.toMatch(/\w > \w/);
  });
});

describe('corrections', () => {
  const read = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));
  const shared = ['content/properties/common.json', 'content/properties/profile-settings.json'].flatMap(
    (file) => read(file).properties as { name: string; decisions?: { issue: string; appliesTo?: string[] }[] }[],
  );

  test.each(catalog.services.map((s) => s.id))('%s: the page shows exactly the corrections whose data names it, once each', (id) => {
    // Read from the data files, not from the code under test: the service's own file, plus the shared ones naming it.
    const own = read(`content/services/${id}.json`);
    const expected = [
      ...(own.decisions ?? []),
      ...own.authMethods.flatMap((m: { decisions?: unknown[] }) => m.decisions ?? []),
      ...own.properties.flatMap((p: { decisions?: unknown[] }) => p.decisions ?? []),
      ...shared.flatMap((p) => (p.decisions ?? []).filter((d) => d.appliesTo?.includes(id))),
    ].map((d: { issue: string }) => d.issue);
    const html = readHtml(`services/${id}/index.html`);
    const rows = [...html.matchAll(/<tr data-correction[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => textOf(m[1]!.split('</td>')[1]!).trim());
    expect(rows.sort()).toEqual(expected.map((issue) => textOf(issue).trim()).sort());
    expect(new Set(rows).size).toBe(rows.length);
  });

  test('every shared correction names at least one page, and is shown on none it does not name', () => {
    for (const property of shared) {
      for (const decision of property.decisions ?? []) {
        expect(decision.appliesTo?.length, decision.issue).toBeGreaterThan(0);
        for (const service of catalog.services) {
          const shown = textOf(readHtml(`services/${service.id}/index.html`)).includes(textOf(decision.issue).trim());
          expect(shown, `${service.id}: ${decision.issue}`).toBe(decision.appliesTo!.includes(service.id));
        }
      }
    }
  });
});

describe('names and wording', () => {
  const headings = (html: string) => [...html.replace(/<nav\b[\s\S]*?<\/nav>/g, '').matchAll(/<h([1-4])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => textOf(m[2]!).replace(/#\s*Link to this section/, '').trim());

  test.each(htmlFiles())('%s: no heading nests parentheses', (page) => {
    expect(headings(readHtml(page)).filter((h) => /\([^()]*\(/.test(h))).toEqual([]);
  });

  test.each(catalog.services.map((s) => [s.id, s] as const))('%s: one name per service in the title and headings', (id, service) => {
    const html = readHtml(`services/${id}/index.html`);
    const name = service.brandName ?? service.name;
    expect(headings(html).filter((h) => h.startsWith('Connect to'))).toEqual([`Connect to ${name}`]);
    expect(html).toContain(`<title>Connect to ${name}`);
    if (service.brandName) {
      // The driver spelling appears only where the driver needs it (the profile file), never in a heading.
      expect(headings(html).filter((h) => new RegExp(`\\b${service.name}\\b`).test(h))).toEqual([]);
    }
  });

  test.each(htmlFiles())('%s: user-facing text says "the vendor’s page", never "the seed"; American spelling', (page) => {
    const text = pageText(page);
    expect(text).not.toMatch(/\bseeds?\b/i);
    expect(text).not.toMatch(/\b(?:recognis|authoris|customis|organis|initialis|serialis|normalis|prioritis|minimis|maximis|summaris)\w*/i);
    expect(text).not.toMatch(/\b(?:licence|centre|behaviour|colour|favour|catalogue|analyse)\b/i);
  });
});
