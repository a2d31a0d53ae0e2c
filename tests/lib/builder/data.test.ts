/**
 * The island's payload: built by one function from a catalog service, the engine's rules and what the form shows
 * and nothing else, and checked when it is read back. Runs on the `acme` fixture service (tests/support/acme.ts);
 * the split into a shared and a per-service file is checked on the real services in tests/content/builder-data.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { checkPasted, validate } from '../../../src/lib/connstr/index.ts';
import { builderService, menuPathsFor } from '../../../src/lib/builder/data.ts';
import { readCommonPayload, readServicePayload } from '../../../src/lib/builder/payload.ts';
import { joinService, rulesOf } from '../../../src/lib/builder/service.ts';
import { serviceRules } from '../../../src/lib/providers/rules.ts';
import { acme, acmePayload } from '../../support/acme.ts';

const resolved = acme();
const s = acmePayload();
const profile = 'C:\\profiles\\AcmeLedger.apip';

/** Every key of an object tree, nested ones included. */
const keysOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap(keysOf) : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]) : [];

describe('the payload a service page or /builder/ hands the island', () => {
  test('is smaller than the catalog entry, with none of the prose the island never shows', () => {
    expect(JSON.stringify(s).length).toBeLessThan(JSON.stringify(resolved).length);
    const keys = new Set(keysOf(s));
    for (const prose of ['overview', 'remarks', 'decisions', 'steps', 'whenToUse', 'examples', 'dataVersion']) expect(keys.has(prose), prose).toBe(false);
  });

  test('marks only the service’s own settings with their origin (the engine reads no origin as shared)', () => {
    const origins = Object.fromEntries(s.properties.map((p) => [p.name, p.origin]));
    expect(origins.Region).toBe('service');
    expect(origins.Timeout).toBeUndefined();
    expect(resolved.properties.find((p) => p.name === 'Timeout')?.origin).toBe('shared');
  });

  test('names the service by its page title and is the engine rules the catalog projects', () => {
    const branded = builderService({ ...resolved, brandName: 'ACME ledger' });
    expect(branded.label).toBe('ACME ledger');
    expect(s.label).toBe(serviceRules(resolved).label);
    const text = `Profile=${profile};APIKey=x;Timeout=abc;OAuthClientSecert=1`;
    expect(validate(text, rulesOf(s))).toEqual(validate(text, serviceRules(resolved)));
    expect(checkPasted(text, rulesOf(s)).problems).toEqual(checkPasted(text, serviceRules(resolved)).problems);
  });

  test('carries where each value comes from: the menu paths of the steps, computed once at build time', () => {
    const token = resolved.authMethods.find((m) => m.id === 'token')!;
    expect(menuPathsFor(token, 'APIKey')).toEqual([['Settings', 'API keys', 'New key']]);
    expect(s.authMethods.find((m) => m.id === 'token')!.menuPaths.APIKey).toEqual([['Settings', 'API keys', 'New key']]);
    for (const method of resolved.authMethods) {
      const sent = s.authMethods.find((m) => m.id === method.id)!;
      expect(sent.requires.map((r) => r.source)).toEqual(method.requires.map((r) => r.source));
      for (const name of method.steps.flatMap((step) => step.yields)) expect(sent.menuPaths[name], `${method.id} ${name}`).toEqual(menuPathsFor(method, name));
    }
  });
});

describe('a fetched file is checked before the island uses it', () => {
  test('a file as the pages write it reads back unchanged', () => {
    expect(readServicePayload(JSON.parse(JSON.stringify(s)))).toEqual(s);
    const common = { properties: s.properties.filter((p) => p.placement === 'top') };
    expect(readCommonPayload(JSON.parse(JSON.stringify(common)))).toEqual(common);
    expect(joinService({ ...s, properties: [] }, common).properties).toEqual(common.properties);
  });

  test.each([
    ['not an object', 'null', /^the service file is not in the builder's format$/],
    ['a missing label', JSON.stringify({ ...s, label: undefined }), /^the service file is not in the builder's format at label$/],
    ['a property of an unknown type', JSON.stringify({ ...s, properties: [{ ...s.properties[0], type: 'date' }] }), /^the service file is not in the builder's format at properties\.0\.type$/],
    ['a catalog entry instead of the payload', JSON.stringify(resolved), /^the service file is not in the builder's format at /],
  ])('%s is refused with where it differs', (_what, json, message) => {
    expect(() => readServicePayload(JSON.parse(json))).toThrow(message);
  });

  test('a shared file in another shape is refused too', () => {
    expect(() => readCommonPayload({ properties: [{ name: 'Timeout' }] })).toThrow(/^the shared file is not in the builder's format at properties\.0\./);
  });

  test('fields the format does not know are dropped, not passed on', () => {
    const read = readServicePayload({ ...JSON.parse(JSON.stringify(s)), overview: 'prose', extra: 1 });
    expect(Object.keys(read)).not.toContain('overview');
    expect(Object.keys(read)).not.toContain('extra');
  });
});
