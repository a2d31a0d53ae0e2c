/**
 * Every vendor example of every real service, from the builder's fields alone: a user who picks the example's
 * method and types the vendor's values into the form (values the method fixes are not typed) gets the string we
 * publish, which means the same pairs as the vendor's, each at the level the vendor writes it, and which the
 * builder's own check finds ready. The island renders this model; tests/e2e/builder.test.ts drives it in Chromium
 * for a few of the family's shapes. And the Validate tab tells the service of every vendor example from its
 * Profile, with or without a folder.
 */
import { describe, expect, test } from 'vitest';
import { canonicalPairs, recognizeService, type Pair } from '../../src/lib/connstr/index.ts';
import { builderService } from '../../src/lib/builder/data.ts';
import { buildString, fieldsFor } from '../../src/lib/builder/form.ts';
import { initialState, reduce } from '../../src/lib/builder/model.ts';
import { type BuilderService } from '../../src/lib/builder/payload.ts';
import { rulesOf } from '../../src/lib/builder/service.ts';
import { buildProblems } from '../../src/lib/builder/validation.ts';
import { getCatalog } from '../../src/lib/providers/load.ts';
import familyFacts from '../fixtures/family/facts.json';

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
function builtFromFields(service: BuilderService, methodId: string, vendorValues: Map<string, string>): string {
  let state = reduce(initialState(service), { type: 'method', methodId });
  const { required, optional } = fieldsFor(service, methodId);
  for (const field of [...required, ...optional]) {
    if (field.fixedValue !== undefined) continue;
    // A field the vendor leaves out is cleared, so a recommended value is not written for it.
    state = reduce(state, { type: 'field', property: field.property.name, value: vendorValues.get(field.property.name) ?? '' });
  }
  return buildString(service, state).text;
}

// Every example printed on a vendor page (the seeds' and the imported family's), read from the catalog.
const cases = catalog.services.flatMap((resolved) =>
  resolved.examples.filter((e) => e.vendorText !== undefined).map((example) => ({ id: resolved.id, service: builderService(resolved), example })),
);

describe('the builder writes every vendor example from its fields', () => {
  test('there are cases for every service imported from a vendor page', () => {
    expect([...new Set(cases.map((c) => c.id))]).toEqual(expect.arrayContaining(Object.keys(familyFacts)));
  });

  test.each(cases.map((c) => [`${c.id} ${c.example.id}`, c] as const))('%s', (_, { service, example }) => {
    const rules = rulesOf(service);
    const vendor = canonicalPairs(example.vendorText!, rules);
    const built = builtFromFields(service, example.authMethod, valuesOf(vendor));
    expect(canonicalPairs(built, rules)).toEqual(vendor);
    expect(built).toBe(example.connectionString);
    expect(buildProblems(service, built).filter((p) => p.severity !== 'info')).toEqual([]);
  });
});

describe('the Validate tab recognizes the service of every vendor example', () => {
  // Zoom's and freee HR's examples name the profile without a folder (Profile=Zoom.apip).
  test.each(cases.map((c) => [`${c.id} ${c.example.id}`, c] as const))('%s', (_, { id, example }) => {
    expect(recognizeService(example.vendorText!, catalog.services).service?.id).toBe(id);
  });
});
