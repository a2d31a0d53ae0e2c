/**
 * The published catalog: the index (dist/catalog.json) and every service's file (dist/catalog/<id>.json) validate
 * against their published JSON Schemas (dist/catalog.schema.json, dist/catalog-service.schema.json) with a real
 * JSON Schema validator (Ajv, draft 2020-12, strict mode), the schemas are not so loose that anything passes, and
 * the files hold every service, method, property and example of the catalog.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/lib/providers/load';
import { assertBuilt, distDir } from '../support/dist';

beforeAll(assertBuilt);

const readJson = (file: string) => JSON.parse(readFileSync(join(distDir, file), 'utf8'));

function validator(schemaFile: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(readJson(schemaFile));
}

type Json = Record<string, any>;
const catalog = loadCatalog();
const serviceFile = (id: string) => `catalog/${id}.json`;

test('the schemas are draft 2020-12 and name themselves where they are published', () => {
  const index = readJson('catalog.schema.json');
  const service = readJson('catalog-service.schema.json');
  expect(index.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  expect(service.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  expect(readJson('catalog.json').$schema).toBe(index.$id);
  expect(readJson('catalog.json').serviceSchema).toBe(service.$id);
  for (const s of catalog.services) expect(readJson(serviceFile(s.id)).$schema, s.id).toBe(service.$id);
});

test('catalog.json and every catalog/<id>.json validate against their schemas', () => {
  const index = validator('catalog.schema.json');
  expect(index(readJson('catalog.json')), JSON.stringify(index.errors)).toBe(true);
  const service = validator('catalog-service.schema.json');
  for (const s of catalog.services) expect(service(readJson(serviceFile(s.id))), `${s.id}: ${JSON.stringify(service.errors)}`).toBe(true);
});

describe('the schemas reject files that break them', () => {
  const cases: [string, 'index' | 'service', (c: Json) => void, string][] = [
    ['a service property without a placement', 'service', (c) => delete c.properties.find((p: Json) => p.origin === 'service').placement, 'placement'],
    ['an unknown placement', 'service', (c) => (c.properties[0].placement = 'middle'), 'placement'],
    ['a sensitive flag that is not a boolean', 'index', (c) => (c.properties[0].sensitive = 'yes'), 'sensitive'],
    ['a service without examples', 'service', (c) => delete c.examples, 'examples'],
    ['a data version that is not a build number', 'service', (c) => (c.dataVersion.build = '24'), 'build'],
    ['an index line whose data version is not a build number', 'index', (c) => (c.services[0].dataVersion.build = '24'), 'build'],
    ['an auth method with no steps', 'service', (c) => (c.authMethods[0].steps = []), 'steps'],
    ['an index line without the address of its file', 'index', (c) => delete c.services[0].url, 'url'],
    ['a field the schema does not know', 'service', (c) => (c.surprise = true), 'surprise'],
  ];
  test.each(cases)('%s', (_, which, breakIt, mentioned) => {
    // iContact defines its own properties, so the service cases have one to break.
    const file = which === 'index' ? readJson('catalog.json') : readJson(serviceFile('icontact'));
    breakIt(file);
    const validate = validator(which === 'index' ? 'catalog.schema.json' : 'catalog-service.schema.json');
    expect(validate(file)).toBe(false);
    expect(JSON.stringify(validate.errors)).toContain(mentioned);
  });
});

test('it publishes every service, auth method, listed property, example and data version of the catalog', () => {
  const index = readJson('catalog.json');
  expect(index.services.map((s: Json) => s.id)).toEqual(catalog.services.map((s) => s.id));
  for (const service of catalog.services) {
    const line = index.services.find((s: Json) => s.id === service.id);
    expect(line.url).toBe(`/${serviceFile(service.id)}`);
    expect(existsSync(join(distDir, serviceFile(service.id))), service.id).toBe(true);
    const out = readJson(serviceFile(service.id));
    expect(line.authMethods.map((m: Json) => m.id)).toEqual(service.authMethods.map((m) => m.id));
    expect(out.authMethods.map((m: Json) => m.id)).toEqual(service.authMethods.map((m) => m.id));
    expect(out.examples.map((e: Json) => e.connectionString)).toEqual(service.examples.map((e) => e.connectionString));
    expect(out.properties.map((p: Json) => p.name)).toEqual(service.listedProperties);
    for (const p of out.properties.filter((p: Json) => p.origin === 'service')) {
      const resolved = service.properties.find((r) => r.name === p.name)!;
      expect([p.placement, p.sensitive, p.default ?? null], `${service.id} ${p.name}`).toEqual([resolved.placement, resolved.sensitive, resolved.default ?? null]);
    }
    expect(out.dataVersion).toEqual(service.dataVersion);
    expect(line.dataVersion).toEqual(service.dataVersion);
  }
  expect(index.properties.map((p: Json) => p.name)).toEqual(catalog.properties.map((p) => p.name));
  expect(index.dataVersions.map((v: Json) => v.build).sort()).toEqual([...new Set(catalog.services.map((s) => s.dataVersion.build))].sort());
});
