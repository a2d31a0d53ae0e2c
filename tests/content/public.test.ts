/**
 * The public catalog and its JSON Schema, before any build: the zod-generated schema accepts what
 * `publicCatalog` publishes (checked by Ajv, draft 2020-12, strict), and `publicCatalog` refuses data its
 * own schema would not describe. tests/site/catalog.test.ts checks the built files the same way.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect, test } from 'vitest';
import { getCatalog } from '../../src/lib/providers/load.ts';
import { catalogFormatVersion, publicCatalog, publicCatalogJsonSchema } from '../../src/lib/providers/public.ts';

const catalog = getCatalog();

test('the generated JSON Schema accepts the published catalog', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(publicCatalogJsonSchema('https://docs.test/catalog.schema.json'));
  const published = publicCatalog(catalog, 'https://docs.test/catalog.schema.json');
  expect(validate(JSON.parse(JSON.stringify(published))), JSON.stringify(validate.errors)).toBe(true);
  expect(published.formatVersion).toBe(catalogFormatVersion);
  expect(published.services).toHaveLength(catalog.services.length);
});

test('publicCatalog refuses a catalog its schema does not describe', () => {
  const broken = { ...catalog, services: [{ ...catalog.services[0]!, properties: [{ ...catalog.services[0]!.properties[0]!, placement: 'middle' }] }] };
  expect(() => publicCatalog(broken as unknown as typeof catalog, 'x')).toThrow(/placement/);
});

test('each service record carries only its own corrections; the shared property keeps them all', () => {
  const published = publicCatalog(catalog, 'https://docs.test/catalog.schema.json');
  let dropped = 0;
  for (const service of published.services) {
    for (const p of service.properties) {
      for (const d of p.decisions) expect(d.appliesTo === undefined || d.appliesTo.includes(service.id), `${service.id} ${p.name}`).toBe(true);
      const all = catalog.services.find((s) => s.id === service.id)!.properties.find((q) => q.name === p.name)!.decisions;
      dropped += all.length - p.decisions.length;
    }
  }
  // Intercom's record no longer lists the LeadDesk-only InitiateOAuth correction; the shared list still does.
  expect(dropped).toBeGreaterThan(0);
  expect(published.properties.find((p) => p.name === 'InitiateOAuth')!.decisions.some((d) => d.appliesTo?.includes('leaddesk'))).toBe(true);
});
