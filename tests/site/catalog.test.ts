/**
 * The published catalog (dist/catalog.json) validates against the published JSON Schema
 * (dist/catalog.schema.json) with a real JSON Schema validator (Ajv, draft 2020-12, strict mode), the schema
 * is not so loose that anything passes, and the catalog holds every service, method, property and example.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/lib/providers/load';
import { assertBuilt, distDir } from '../support/dist';

beforeAll(assertBuilt);

const readJson = (file: string) => JSON.parse(readFileSync(join(distDir, file), 'utf8'));

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(readJson('catalog.schema.json'));
}

type Json = Record<string, any>;

test('the schema is draft 2020-12 and names itself where it is published', () => {
  const schema = readJson('catalog.schema.json');
  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  expect(readJson('catalog.json').$schema).toBe(schema.$id);
});

test('catalog.json validates against catalog.schema.json', () => {
  const validate = validator();
  const ok = validate(readJson('catalog.json'));
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
});

describe('the schema rejects a catalog that breaks it', () => {
  const cases: [string, (c: Json) => void, string][] = [
    ['a property without a placement', (c) => delete c.services[0].properties[0].placement, 'placement'],
    ['an unknown placement', (c) => (c.services[0].properties[0].placement = 'middle'), 'placement'],
    ['a sensitive flag that is not a boolean', (c) => (c.properties[0].sensitive = 'yes'), 'sensitive'],
    ['a service without examples', (c) => delete c.services[0].examples, 'examples'],
    ['a data version that is not a build number', (c) => (c.services[0].dataVersion.build = '24'), 'build'],
    ['an auth method with no steps', (c) => (c.services[0].authMethods[0].steps = []), 'steps'],
    ['a field the schema does not know', (c) => (c.services[0].surprise = true), 'surprise'],
  ];
  test.each(cases)('%s', (_, breakIt, mentioned) => {
    const catalog = readJson('catalog.json');
    breakIt(catalog);
    const validate = validator();
    expect(validate(catalog)).toBe(false);
    expect(JSON.stringify(validate.errors)).toContain(mentioned);
  });
});

test('it publishes every service, auth method, property, example and data version of the catalog', () => {
  const published = readJson('catalog.json');
  const catalog = loadCatalog();
  expect(published.services.map((s: Json) => s.id)).toEqual(catalog.services.map((s) => s.id));
  for (const service of catalog.services) {
    const out = published.services.find((s: Json) => s.id === service.id);
    expect(out.authMethods.map((m: Json) => m.id)).toEqual(service.authMethods.map((m) => m.id));
    expect(out.examples.map((e: Json) => e.connectionString)).toEqual(service.examples.map((e) => e.connectionString));
    expect(out.properties.map((p: Json) => [p.name, p.placement, p.sensitive, p.default ?? null])).toEqual(
      service.properties.map((p) => [p.name, p.placement, p.sensitive, p.default ?? null]),
    );
    expect(out.dataVersion).toEqual(service.dataVersion);
  }
  expect(published.properties.map((p: Json) => p.name)).toEqual(catalog.properties.map((p) => p.name));
  expect(published.dataVersions.map((v: Json) => v.build).sort()).toEqual([...new Set(catalog.services.map((s) => s.dataVersion.build))].sort());
});
