/**
 * The import rule, read from the source: imports run one way (pages → components/islands → lib/builder and the
 * other site libraries → lib/providers → lib/connstr), and the engine imports nothing outside its own folder, not
 * even a package, so it stays usable by the build, the island, the CLI and the tests alike.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs|js|astro)$/.test(entry.name) ? [path] : [];
  });
}

/** Specifiers of static imports/exports (`import … from`, `export … from`, bare `import '…'`) and `import('…')`. */
export function importSpecifiers(code: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1]!);
  return found;
}

/** Layer of a file under src/ (higher may import lower, never the reverse). */
function layer(file: string): { name: string; rank: number } {
  const path = relative(src, file).split('\\').join('/');
  if (path.startsWith('lib/connstr/')) return { name: 'lib/connstr', rank: 0 };
  if (path.startsWith('lib/providers/')) return { name: 'lib/providers', rank: 1 };
  if (path.startsWith('lib/')) return { name: path.split('/').slice(0, 2).join('/'), rank: 2 };
  if (path.startsWith('pages/')) return { name: 'pages', rank: 4 };
  return { name: path.split('/')[0]!, rank: 3 };
}

const files = sourceFiles(src);
const edges = files.flatMap((file) =>
  importSpecifiers(readFileSync(file, 'utf8')).map((specifier) => ({
    file,
    specifier,
    target: specifier.startsWith('.') ? resolve(dirname(file), specifier) : undefined,
  })),
);

describe('import rule', () => {
  test('the source tree has files and imports to check', () => {
    expect(files.filter((f) => f.includes('/lib/connstr/')).length).toBeGreaterThan(5);
    expect(edges.length).toBeGreaterThan(50);
  });

  test('src/lib/connstr imports only files inside src/lib/connstr', () => {
    const engine = join(src, 'lib', 'connstr') + '/';
    const outside = edges
      .filter((e) => e.file.startsWith(engine))
      .filter((e) => e.target === undefined || !e.target.startsWith(engine))
      .map((e) => `${relative(root, e.file)} imports '${e.specifier}'`);
    expect(outside).toEqual([]);
  });

  test('no import runs back up the layers', () => {
    const upward = edges
      .filter((e) => e.target !== undefined && e.target.startsWith(src + '/'))
      .filter((e) => layer(e.target!).rank > layer(e.file).rank)
      .map((e) => `${relative(root, e.file)} (${layer(e.file).name}) imports '${e.specifier}' (${layer(e.target!).name})`);
    expect(upward).toEqual([]);
  });

  // The CLI runs under Node's type stripping, which resolves no extension-less path: one rule for all of src/.
  test('every relative import names its file, extension included', () => {
    const guessed = edges
      .filter((e) => e.target !== undefined)
      .filter((e) => {
        const path = e.target!.replace(/\?.*$/, ''); // Vite's `?worker&url` suffix names no file
        return !existsSync(path) || !statSync(path).isFile();
      })
      .map((e) => `${relative(root, e.file)} imports '${e.specifier}'`);
    expect(guessed).toEqual([]);
  });

  // A component a guide's MDX uses reads it from Astro.locals, which the middleware (an entry point too) fills.
  test('only entry points (pages, the middleware, the CLI, build integrations) load the catalog; components and layouts get it as props', () => {
    const loader = join(src, 'lib', 'providers', 'load.ts');
    const loaders = edges
      .filter((e) => e.target === loader)
      .map((e) => relative(src, e.file).split('\\').join('/'))
      .filter((path) => !/^(pages|cli|integrations|lib\/providers)\//.test(path) && path !== 'middleware.ts');
    expect(edges.some((e) => e.target === loader)).toBe(true);
    expect(loaders).toEqual([]);
  });

  test('the reader finds every kind of import it must police', () => {
    const code = [
      "import { a } from './a.ts';",
      "import type { B } from '../providers/b.ts';",
      "export { c } from './c.ts';",
      "import './d.css';",
      "const e = await import('./e.ts');",
      "import {\n  f,\n  g,\n} from 'pkg';",
    ].join('\n');
    expect(importSpecifiers(code).sort()).toEqual(['../providers/b.ts', './a.ts', './c.ts', './d.css', './e.ts', 'pkg']);
  });
});
