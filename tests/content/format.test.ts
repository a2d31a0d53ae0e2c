/** Display helpers on the real catalog's names. (The helpers themselves: tests/lib/site/format.test.ts.) */
import { describe, expect, test } from 'vitest';
import { getCatalog } from '../../src/lib/providers/load.ts';
import { nameBreakParts } from '../../src/lib/site/format.ts';

describe('nameBreakParts', () => {
  test('every property name in the catalog joins back from its parts', () => {
    const names = new Set(getCatalog().services.flatMap((s) => s.properties.map((p) => p.name)));
    expect(names.size).toBeGreaterThan(40);
    for (const name of names) expect(nameBreakParts(name).join('')).toBe(name);
  });
});
