/**
 * Every fact of every vendor page a service was written from (property names, allowed values, menu paths,
 * example strings, and other names the steps rely on) is present on the built page of its service, and on its
 * Markdown twin: the seed help texts (tests/fixtures/seeds) and the family's imported pages (tests/fixtures/family).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import seedFacts from '../fixtures/seeds/facts.json';
import familyFacts from '../fixtures/family/facts.json';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertBuilt, distDir, readHtml, textOf } from '../support/dist';

type SeedFacts = {
  build: string;
  properties: string[];
  allowedValues: string[];
  examples: string[];
  menuPaths: string[][];
  otherFacts: string[];
};
const services = [
  ...Object.entries(seedFacts as unknown as Record<string, SeedFacts>),
  ...Object.entries(familyFacts as unknown as Record<string, SeedFacts>),
];

beforeAll(assertBuilt);

/** The two forms of each service page: the HTML page's visible text, and its Markdown twin as published. */
const forms = [
  { form: 'HTML page', text: (id: string) => textOf(readHtml(`services/${id}/index.html`)) },
  { form: 'Markdown page', text: (id: string) => readFileSync(join(distDir, 'services', `${id}.md`), 'utf8') },
] as const;

describe.each(forms.flatMap(({ form, text }) => services.map(([id, seed]) => ({ form, id, seed, text: () => text(id) }))))(
  '$id $form holds every vendor fact',
  ({ form, id, seed, text }) => {
    test('documents the same build', () => {
      expect(text()).toContain(`build ${seed.build}`);
    });
    test.each(seed.properties)('property %s has a deep-linkable row', (name) => {
      if (form === 'HTML page') expect(readHtml(`services/${id}/index.html`)).toContain(`id="prop-${name}"`);
      // In Markdown, the property's table row links to that deep link on the HTML page.
      else expect(text()).toMatch(new RegExp(`^\\| \\[\`${name}\`\\]\\([^)]*/services/${id}/#prop-${name}\\)`, 'm'));
    });
    test.each(seed.allowedValues)('allowed value %s is listed', (value) => {
      expect(text()).toMatch(new RegExp(`\\b${value}\\b`));
    });
    test.each(seed.examples)('vendor example %s is shown verbatim', (example) => {
      expect(text()).toContain(example);
    });
    test.each(seed.menuPaths.map((p) => [p.join(' > '), p] as const))('menu path %s is shown in order', (_, path) => {
      const pattern = new RegExp(path.map((item) => item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.{0,40}?'));
      expect(text()).toMatch(pattern);
    });
    test.each(seed.otherFacts)('mentions %s', (fact) => {
      expect(text()).toContain(fact);
    });
  },
);
