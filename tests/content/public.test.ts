/**
 * The public catalog and its JSON Schemas, before any build: the zod-generated schemas accept what `publicCatalog`
 * (the index) and `publicServiceFile` (one service) publish (checked by Ajv, draft 2020-12, strict), each refuses
 * data its own schema would not describe, and a service's file with the index's shared properties gives back every
 * property the service accepts. tests/site/catalog.test.ts checks the built files the same way.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect, test } from 'vitest';
import { getCatalog } from '../../src/lib/providers/load.ts';
import { catalogFormatVersion, publicCatalog, publicCatalogJsonSchema, publicServiceFile, publicServiceJsonSchema, type CatalogUrls } from '../../src/lib/providers/public.ts';

const catalog = getCatalog();
const urls: CatalogUrls = {
  index: 'https://docs.test/catalog.json',
  indexSchema: 'https://docs.test/catalog.schema.json',
  serviceSchema: 'https://docs.test/catalog-service.schema.json',
  service: (id) => `https://docs.test/catalog/${id}.json`,
};

function ajv() {
  const instance = new Ajv2020({ allErrors: true, strict: true });
  addFormats(instance);
  return instance;
}

test('the generated JSON Schema accepts the published index', () => {
  const validate = ajv().compile(publicCatalogJsonSchema(urls.indexSchema));
  const published = publicCatalog(catalog, urls);
  expect(validate(JSON.parse(JSON.stringify(published))), JSON.stringify(validate.errors)).toBe(true);
  expect(published.formatVersion).toBe(catalogFormatVersion);
  expect(published.services.map((s) => s.url)).toEqual(catalog.services.map((s) => `https://docs.test/catalog/${s.id}.json`));
});

test('the generated JSON Schema accepts every service file', () => {
  const validate = ajv().compile(publicServiceJsonSchema(urls.serviceSchema));
  for (const service of catalog.services) {
    const file = publicServiceFile(service, catalog.properties, urls);
    expect(validate(JSON.parse(JSON.stringify(file))), `${service.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
    expect(file.catalog).toBe(urls.index);
  }
});

test('a service file and the index give back every property the service accepts, as it resolves them', () => {
  for (const service of catalog.services) {
    const file = publicServiceFile(service, catalog.properties, urls);
    const accepted = new Map<string, Record<string, unknown>>();
    for (const listed of file.properties) {
      if (listed.origin === 'service') {
        accepted.set(listed.name, listed);
        continue;
      }
      // A shared use carries only what the service changes; the rest is the index's definition.
      const definition = catalog.properties.find((p) => p.name === listed.name)!;
      const { allowedValues, origin, ...changes } = listed;
      accepted.set(listed.name, {
        ...definition,
        ...changes,
        origin,
        allowedValues: allowedValues ? allowedValues.map((value) => definition.allowedValues!.find((v) => v.value === value)) : definition.allowedValues,
        decisions: [...definition.decisions, ...(changes.decisions ?? [])],
      });
    }
    for (const p of catalog.properties) if (p.placement === 'top' && !accepted.has(p.name)) accepted.set(p.name, { ...p, origin: 'shared' });
    const facts = (p: Record<string, any>) => [p.name, p.placement, p.sensitive, p.default ?? null, p.allowedValues?.map((v: { value: string }) => v.value) ?? null, p.summary];
    expect([...accepted.values()].map(facts).sort(), service.id).toEqual(service.properties.map(facts).sort());
  }
});

test('publicCatalog and publicServiceFile refuse data their schema does not describe', () => {
  const service = catalog.services[0]!;
  expect(() => publicCatalog({ ...catalog, services: [{ ...service, profileFile: 'Intercom' }] }, urls)).toThrow(/profile/);
  const own = { ...service, listedProperties: ['Bogus'], properties: [{ ...service.properties[0]!, name: 'Bogus', origin: 'service' as const, placement: 'middle' }] };
  expect(() => publicServiceFile(own as unknown as typeof service, catalog.properties, urls)).toThrow(/placement/);
});

test('each service file carries only its own corrections; the shared property in the index keeps them all', () => {
  let others = 0;
  for (const service of catalog.services) {
    const file = publicServiceFile(service, catalog.properties, urls);
    for (const p of file.properties as { name: string; decisions?: { appliesTo?: string[] }[] }[]) {
      for (const d of p.decisions ?? []) expect(d.appliesTo === undefined || d.appliesTo.includes(service.id), `${service.id} ${p.name}`).toBe(true);
    }
    // What the resolved service holds for other pages (a shared property's corrections for other services).
    others += service.properties.flatMap((p) => p.decisions).filter((d) => d.appliesTo && !d.appliesTo.includes(service.id)).length;
  }
  // Intercom's resolved InitiateOAuth holds LeadDesk's correction: its file does not; the index's shared list does.
  expect(others).toBeGreaterThan(0);
  expect(publicCatalog(catalog, urls).properties.find((p) => p.name === 'InitiateOAuth')!.decisions.some((d) => d.appliesTo?.includes('leaddesk'))).toBe(true);
});
