/**
 * Review findings the fixture pages do not draw, on pages of a few lines of our own; and every finding code is
 * drawn by some test page (the fixture pages' findings are in tests/fixtures/import/facts.json).
 */
import { describe, expect, test } from 'vitest';
import facts from '../../fixtures/import/facts.json';
import { importCodes, importPages, readVendorPage, reviewPage, sharedFrom } from '../../../src/lib/import/index.ts';
import { buildFromFileName } from '../../../src/lib/import/page.ts';
import { acmeCatalog } from '../../support/acme.ts';

const context = sharedFrom(acmeCatalog().properties);
const findings = (file: string, ...lines: string[]) => reviewPage(readVendorPage(lines.join('\n'), file), context).map((f) => [f.line, f.code]);

const cases: { name: string; file?: string; lines: string[]; expected: [number, string][] }[] = [
  {
    name: 'no title, no footer: the build comes from the file name',
    file: 'quill-24.0.9060.0.txt',
    lines: ['Using Token Authentication', "Profile=C:\\profiles\\Quill.apip;ProfileSettings='APIKey=k'"],
    expected: [
      [1, 'missing-title'],
      [2, 'build-from-file-name'],
      [2, 'missing-copyright'],
      [2, 'no-table'],
    ],
  },
  {
    name: 'no build anywhere, no method, no table',
    lines: ['Connecting to Quill', 'Quill lets you in.', 'Copyright (c) 2024 Someone.'],
    expected: [
      [1, 'no-method'],
      [3, 'missing-build'],
      [3, 'no-table'],
    ],
  },
  {
    name: 'a method without an example; an example that does not parse; a brand spelling; a value the driver does not list',
    lines: [
      'Connecting to QuillBox',
      'Using Token Authentication',
      'Make a key in the Quill Box account.',
      'Using Basic Authentication',
      "Profile=C:\\profiles\\QuillBox.apip;User='u;Password=p",
      'Property Description',
      'AuthScheme How you sign in.',
      'Allowed values are: BASIC, WINDOWS',
      'Password The password.',
      'User The user.',
      'Build 24.0.9060.0',
    ],
    expected: [
      [2, 'no-example'],
      [3, 'name-variant'],
      [5, 'example-syntax'],
      [7, 'unused-in-methods'],
      // The broken example swallows Password into User's value, so no method sets it.
      [9, 'unused-in-methods'],
      [11, 'missing-copyright'],
    ],
  },
];

describe('findings on small pages', () => {
  test.each(cases)('$name', ({ file, lines, expected }) => {
    expect(findings(file ?? 'page.txt', ...lines)).toEqual(expected);
  });

  test('an allowed value the shared list lacks is reported when drafting, and left out of the draft', () => {
    const [service] = importPages([{ file: 'q.txt', text: cases[2]!.lines.join('\n') }], context);
    expect(service!.findings.filter((f) => f.code === 'unknown-allowed-value').map((f) => [f.line, f.message])).toEqual([
      [8, expect.stringContaining('WINDOWS is listed as an allowed value of AuthScheme')],
    ]);
    expect(service!.service.properties.find((p) => p.name === 'AuthScheme')?.allowedValues).toEqual(['BASIC']);
  });

  test('build numbers in file names', () => {
    expect(buildFromFileName('discord-25.0.9539.0.txt')).toBe('25.0.9539.0');
    expect(buildFromFileName('/a/b/zoom_24.0.9300.0')).toBe('24.0.9300.0');
    expect(buildFromFileName('page-1.2.3.txt')).toBeUndefined();
  });
});

test('every finding code is drawn by a test page', () => {
  const drawn = new Set<string>([
    ...Object.values(facts as unknown as Record<string, { findings?: [number, string][] }>).flatMap((page) => (page.findings ?? []).map(([, code]) => code)),
    ...cases.flatMap((c) => c.expected.map(([, code]) => code)),
    'unknown-allowed-value',
    // Drawn by importing two builds of the diff fixtures (tests/lib/import/diff.test.ts).
    'build-change',
  ]);
  expect(Object.keys(importCodes).filter((code) => !drawn.has(code))).toEqual([]);
});
