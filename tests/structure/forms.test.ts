/**
 * One file lists the forms a connection string takes (src/lib/connstr/forms/forms.ts): no other source file names a
 * form by its label or keeps its own list of form ids, so a form has one id and one label everywhere and adding one
 * is one entry. Read from the source, like the import rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { forms } from '../../src/lib/connstr/index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const table = 'src/lib/connstr/forms/forms.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs|astro)$/.test(entry.name) ? [path] : [];
  });
}

/** Code without its comments: a comment may name a form's file (`.env`, `appsettings.json`) where the label is the same text. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

const sources = sourceFiles(join(root, 'src'))
  .map((path) => ({ path: relative(root, path).split('\\').join('/'), text: code(readFileSync(path, 'utf8')) }))
  .filter((file) => file.path !== table);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('the table is where it says, with every form', () => {
  expect(readFileSync(join(root, table), 'utf8')).toContain('export const forms = [');
  expect(forms.length).toBeGreaterThanOrEqual(6);
  expect(sources.length).toBeGreaterThan(50);
});

test.each(forms.map((f) => [f.label] as const))('no other file writes the label %j as a string', (label) => {
  const literal = new RegExp(`(['"\`])${escape(label)}\\1`);
  expect(sources.filter((file) => literal.test(file.text)).map((file) => file.path)).toEqual([]);
});

// The table's own modules (forms/) may name the languages their reader tells apart; every user of forms goes by the table.
test('no file outside the table keeps a list of form ids', () => {
  const ids = forms.map((f) => f.id);
  // Two or more ids side by side in an array or a union: `['plain', 'jdbc'`, `'csharp' | 'java'`.
  const list = new RegExp(`'(${ids.join('|')})'\\s*(,|\\|)\\s*'(${ids.join('|')})'`);
  expect(sources.filter((file) => !file.path.startsWith('src/lib/connstr/forms/') && list.test(file.text)).map((file) => file.path)).toEqual([]);
});
