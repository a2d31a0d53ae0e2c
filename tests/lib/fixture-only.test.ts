/**
 * Unit tests use fixtures, not content/: every file of the `unit` project (as tests/vitest.config.ts defines it) runs
 * on the acme fixture (tests/support/acme.ts) or inline data, so an edit to content/ (a new service, a reworded
 * method) can only break the `content` project's tests. And every test file belongs to exactly one project, so none
 * is left out of `npm test`.
 */
import { globSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { acmeCatalog } from '../support/acme.ts';
import { projects } from '../vitest.config.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const filesOf = (project: { include: string[]; exclude: string[] }) => {
  const excluded = new Set(project.exclude.flatMap((pattern) => globSync(pattern, { cwd: root })));
  return project.include.flatMap((pattern) => globSync(pattern, { cwd: root })).filter((path) => !excluded.has(path)).sort();
};

/** What reading the real content looks like in a test file: the loader, the content folder, the CLI (which reads it). */
const readsContent: [string, RegExp][] = [
  ['imports the catalog loader', /providers\/load(\.ts)?['"]/],
  ['loads a catalog', /\b(getCatalog|loadCatalog)\(/],
  ['reads the content folder', /join\([^)]*['"]content['"]|\b(read\w*|cpSync|existsSync|statSync)\(\s*['"`]content\//],
  ['points the site at a content folder', /CONNECTOR_CONTENT_DIR/],
  ['runs the CLI as a child process (it reads content/)', /['"`]src\/cli\/connstr\.ts['"`]/],
];

/** The loader's own tests import it to run it on a copy of a fixture folder (checked below). */
const loaderTests = new Map<string, string[]>([['tests/lib/providers/load.test.ts', ['imports the catalog loader']]]);

describe('the unit project uses fixtures, not content/', () => {
  const unit = filesOf(projects.unit);

  test('it has files to check', () => {
    expect(unit.length).toBeGreaterThan(20);
    expect(unit).toContain('tests/lib/fixture-only.test.ts');
  });

  // This file names what it looks for, so it is the one file the scan leaves out.
  test.each(unit.filter((path) => path !== 'tests/lib/fixture-only.test.ts').map((path) => [path] as const))('%s reads no content', (path) => {
    const text = readFileSync(join(root, path), 'utf8');
    const allowed = loaderTests.get(path) ?? [];
    expect(readsContent.filter(([what, pattern]) => !allowed.includes(what) && pattern.test(text)).map(([what]) => what)).toEqual([]);
    // The loader's own tests run it on a copy of the acme fixture folder, never on content/.
    if (allowed.length > 0) expect(text).toMatch(/cpSync\(acmeContentDir, /);
  });

  test('the rule sees what it looks for', () => {
    const samples = [
      "import { getCatalog } from '../../../src/lib/providers/load.ts';",
      'const catalog = loadCatalog(dir);',
      "const dir = join(root, 'content');",
      "readFileSync('content/services/intercom.json')",
      "read('content/properties/common.json')",
      'env: { CONNECTOR_CONTENT_DIR: dir }',
      "spawnSync(node, ['src/cli/connstr.ts'])",
    ];
    for (const sample of samples) expect(readsContent.some(([, pattern]) => pattern.test(sample)), sample).toBe(true);
    // A file name given to buildCatalog as the key of its data is not a read of content/.
    expect(readsContent.some(([, pattern]) => pattern.test("buildCatalog(files, { 'content/services/acme.json': service })"))).toBe(false);
  });

  test('the acme fixture loads from its own folder alone', () => {
    expect(acmeCatalog().services.map((s) => s.id)).toEqual(['acme']);
  });
});

test('every test file belongs to exactly one project', () => {
  const all = globSync('tests/**/*.test.{ts,tsx}', { cwd: root }).sort();
  const owners = (path: string) => Object.entries(projects).filter(([, project]) => filesOf(project).includes(path)).map(([name]) => name);
  const wrong = all.map((path) => [relative(root, join(root, path)), owners(path)] as const).filter(([, names]) => names.length !== 1);
  expect(wrong).toEqual([]);
  expect(all.length).toBeGreaterThan(50);
});
