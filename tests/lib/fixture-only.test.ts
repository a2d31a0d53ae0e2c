/**
 * Engine and builder-model unit tests stand alone: they run on the acme fixture (tests/support/acme.ts) or
 * inline rules, so an edit to content/ (a new service, a reworded method) can only break tests/content/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { acmeCatalog } from '../support/acme.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('engine and builder-model tests', () => {
  const sources = ['tests/lib/connstr', 'tests/lib/builder'].flatMap((dir) => files(join(root, dir)));

  test('there are some to check', () => {
    expect(sources.length).toBeGreaterThan(5);
  });

  test.each(sources.map((path) => [relative(root, path), path] as const))('%s does not load the real catalog', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    expect(text).not.toMatch(/providers\/load(\.ts)?['"]/);
    expect(text).not.toMatch(/getCatalog\(|loadCatalog\(/);
  });

  test('the acme fixture loads from its own folder alone', () => {
    expect(acmeCatalog().services.map((s) => s.id)).toEqual(['acme']);
  });
});
