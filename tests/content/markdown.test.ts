/** Every page as Markdown, on the real services: the service pages, the guide's components, llms.txt. */
import { describe, expect, test } from 'vitest';
import { getCatalog } from '../../src/lib/providers/load.ts';
import { guideMarkdown, llmsTxt, serviceMarkdown, sitePages } from '../../src/lib/site/markdown.ts';
import { placementLabel, typeLabel } from '../../src/lib/site/format.ts';
import { serviceTables } from '../../src/lib/site/service-page.ts';

const catalog = getCatalog();
const url = (path: string) => `https://docs.test${path}`;

describe.each(catalog.services.map((s) => [s.id, s] as const))('serviceMarkdown(%s)', (_, service) => {
  const md = serviceMarkdown(service, url);

  test('sections in the HTML page’s order', () => {
    const headings = md.match(/^## .+$/gm)!;
    expect(headings.slice(0, 6)).toEqual(['## Overview', '## Authentication', '## If it does not connect', '## Build a connection string', '## Connection properties', '## General properties']);
  });

  test('every auth method with its steps, menu paths and example string', () => {
    for (const method of service.authMethods) {
      expect(md).toContain(`### ${method.label}\n`);
      for (const step of method.steps) if (step.menuPath) expect(md).toContain(step.menuPath.join(' › '));
      const example = service.examples.find((e) => e.id === method.example)!;
      expect(md).toContain(`\n${example.connectionString}\n`);
    }
  });

  test('one table row per property, with its placement and type as the page shows them', () => {
    const { main, general } = serviceTables(service);
    for (const p of [...main, ...general]) {
      const row = md.split('\n').find((line) => line.startsWith(`| [\`${p.name}\`](https://docs.test/services/${service.id}/#prop-${p.name})`));
      expect(row, p.name).toBeDefined();
      expect(row).toContain(`| ${placementLabel[p.placement]} · ${typeLabel(p.type)} |`);
      expect(row!.includes(') secret |')).toBe(p.sensitive);
    }
  });
});

describe('guideMarkdown', () => {
  const guide = (body: string) => guideMarkdown({ title: 'T', description: 'D.', body, htmlPath: '/guides/t/' }, catalog, url);

  test('imports go; SyntaxExample becomes the string and what the driver reads', () => {
    const text = String.raw`Profile=C:\profiles\Intercom.apip;ProfileSettings='APIKey=it''s';Timeout=30;Timeout=90`;
    const md = guide(`import X from 'y';\n\n## H\n\n<SyntaxExample service="intercom" verdict="warning" text={String.raw\`${text}\`} />\n`);
    expect(md).not.toContain('import');
    expect(md).toContain('Works, but the validator warns (Intercom):');
    expect(md).toContain(`\`\`\`text\n${text}\n\`\`\``);
    expect(md).toContain("| ↳ `APIKey` (inside ProfileSettings) | `it's` |");
    expect(md).toContain('| `Timeout` | `90` (the last value written; earlier ones are replaced) |');
  });

  test('the catalog the guide page passes (catalog={props.catalog}) is read past, not printed', () => {
    const md = guide('Before.\n\n<SyntaxExample catalog={props.catalog} service="intercom" text="Profile=C:\\profiles\\Intercom.apip;ProfileSettings=\'APIKey=k\'" />\n\nAfter.');
    expect(md).toContain('| ↳ `APIKey` (inside ProfileSettings) | `k` |');
    expect(md).not.toContain('props');
    expect(md).not.toContain('<SyntaxExample');
  });

  test('a mislabelled SyntaxExample fails, as on the HTML page', () => {
    expect(() => guide('<SyntaxExample service="intercom" verdict="error" text="Profile=C:\\profiles\\Intercom.apip;ProfileSettings=\'APIKey=k\'" />')).toThrow(
      'is labelled error for intercom, but the validator finds valid',
    );
  });

  test('OutputForms becomes a heading and code block per form', () => {
    const service = catalog.services.find((s) => s.id === 'intercom')!;
    const md = guide(`<OutputForms service="intercom" example="${service.examples[0]!.id}" />`);
    expect(md.match(/^### .+$/gm)).toEqual(['### Connection string', '### JDBC URL', '### ODBC (DSN)', '### ODBC (DSN-less, our inference)', '### C#', '### Java', '### Python', '### .env', '### appsettings.json']);
    expect(md).toContain('The vendor documents no DSN-less form');
  });

  test('a component it cannot render is an error, not a silent gap', () => {
    expect(() => guide('<Callout kind="note" />')).toThrow('no Markdown form for the <Callout> component');
    expect(() => guide('<SyntaxExample text={`${x}`} />')).toThrow('cannot read the "text" attribute');
  });
});

test('llms.txt lists every service under Services, as absolute Markdown links', () => {
  const text = llmsTxt(sitePages(catalog, [{ id: 'g', title: 'G', description: 'About g.' }]), catalog, url);
  const services = text.split('## Services\n')[1]!.split('\n## ')[0]!.trim().split('\n');
  // Each service's page, then each older build's page, marked with its build.
  expect(services.map((line) => /\]\(([^)]+)\)/.exec(line)![1])).toEqual(
    catalog.services.flatMap((s) => [`https://docs.test/services/${s.id}.md`, ...s.history.older.map((o) => `https://docs.test/services/${s.id}/${o.dataVersion.build}.md`)]),
  );
  expect(services).toContain('- [Humanity, build 23.0.8839.0](https://docs.test/services/humanity/23.0.8839.0.md): the older build 23.0.8839.0 (2024 help edition): its methods, properties and allowed values as that build lists them.');
  expect(text).toContain('- [G](https://docs.test/guides/g.md): About g.');
});
