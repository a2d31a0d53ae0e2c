/** The real services' example strings: every one is valid for its service (the engine checks them at load). */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exampleProblems } from '../../../src/lib/providers/examples.ts';
import { loadCatalog } from '../../../src/lib/providers/load.ts';

const root = join(import.meta.dirname, '..', '..', '..');

describe('the real examples', () => {
  test.each(loadCatalog(join(root, 'content')).services.map((s) => [s.id, s] as const))('%s: every example is valid', (_id, service) => {
    expect(service.examples.length).toBeGreaterThan(0);
    expect(exampleProblems(service)).toEqual([]);
  });
});
