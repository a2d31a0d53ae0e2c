/**
 * Every fact of every seed help text (property names, allowed values, menu paths, example strings, and
 * other names the steps rely on) is present on the built page of its service.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import facts from '../fixtures/seeds/facts.json';
import { assertBuilt, readHtml, textOf } from '../support/dist';

type SeedFacts = {
  build: string;
  properties: string[];
  allowedValues: string[];
  examples: string[];
  menuPaths: string[][];
  otherFacts: string[];
};
const services = Object.entries(facts as unknown as Record<string, SeedFacts>);

beforeAll(assertBuilt);

describe.each(services)('%s page holds every seed fact', (id, seed) => {
  const text = () => textOf(readHtml(`services/${id}/index.html`));

  test('documents the same build', () => {
    expect(text()).toContain(`build ${seed.build}`);
  });
  test.each(seed.properties)('property %s has a deep-linkable row', (name) => {
    const html = readHtml(`services/${id}/index.html`);
    expect(html).toContain(`id="prop-${name}"`);
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
});
