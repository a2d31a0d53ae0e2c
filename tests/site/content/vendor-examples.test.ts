/**
 * Every vendor example of every real service, from the builder's fields alone: a user who picks the example's
 * method and types the vendor's values into the form (values the method fixes are not typed) gets a string that
 * means the same pairs as the vendor's, each at the level the vendor writes it. The island renders this model;
 * tests/e2e/builder.test.ts drives it in Chromium for a few of the family's shapes. And the Validate tab tells the
 * service of every vendor example from its Profile, with or without a folder.
 */
import { describe, expect, test } from 'vitest';
import { canonicalPairs, type Pair } from '../../../src/lib/connstr/index.ts';
import { buildString, fieldsFor, inferServiceId, initialState, reduce } from '../../../src/lib/builder/model.ts';
import { getCatalog } from '../../../src/lib/providers/load.ts';
import type { ResolvedService } from '../../../src/lib/providers/catalog.ts';

const catalog = getCatalog();

/** Name → value of a string's canonical pairs, ProfileSettings' own pairs flattened beside the top level. */
function valuesOf(pairs: readonly Pair[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const [key, value] of pairs) {
    if (typeof value === 'string') values.set(key, value);
    else for (const [name, inner] of valuesOf(value)) values.set(name, inner);
  }
  return values;
}

/** The string the builder writes once every field of `methodId` holds the vendor's value (nothing else typed). */
function builtFromFields(service: ResolvedService, methodId: string, vendorValues: Map<string, string>): string {
  let state = reduce(initialState(service), { type: 'method', methodId });
  const { required, optional } = fieldsFor(service, methodId);
  for (const field of [...required, ...optional]) {
    if (field.fixedValue !== undefined) continue;
    // A field the vendor leaves out is cleared, so a recommended value is not written for it.
    state = reduce(state, { type: 'field', property: field.property.name, value: vendorValues.get(field.property.name) ?? '' });
  }
  return buildString(service, state).text;
}

const cases = catalog.services.flatMap((service) =>
  service.examples.filter((e) => e.vendorText !== undefined).map((example) => ({ id: service.id, service, example })),
);

describe('the builder writes every vendor example from its fields', () => {
  test('there are cases for the family’s services', () => {
    expect(cases.map((c) => c.id)).toEqual(expect.arrayContaining(['drift', 'freeehr', 'harvest', 'humanity', 'zoom']));
  });

  test.each(cases.map((c) => [`${c.id} ${c.example.id}`, c] as const))('%s', (_, { service, example }) => {
    const vendor = canonicalPairs(example.vendorText!, service);
    const built = builtFromFields(service, example.authMethod, valuesOf(vendor));
    expect(canonicalPairs(built, service)).toEqual(vendor);
    expect(built).toBe(example.connectionString);
  });
});

describe('the Validate tab recognizes the service of every vendor example', () => {
  // Zoom's and freee HR's examples name the profile without a folder (Profile=Zoom.apip).
  test.each(cases.map((c) => [`${c.id} ${c.example.id}`, c] as const))('%s', (_, { id, example }) => {
    expect(inferServiceId(example.vendorText!, catalog.services)).toBe(id);
  });
});
