/**
 * The catalog cache under `astro dev` (src/lib/providers/load.ts, `catalogFor`), on a copy of the acme fixture
 * folder: an edit shows on the next call even when it keeps the file's size and modification time (a coarse
 * file-system clock), a bad edit throws until fixed, and a production build loads once.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CatalogError } from '../../../src/lib/providers/catalog.ts';
import { catalogFor, racyWindowMs } from '../../../src/lib/providers/load.ts';
import { acmeContentDir } from '../../support/acme.ts';

let dir: string;
let serviceFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'connector-load-'));
  cpSync(acmeContentDir, dir, { recursive: true });
  serviceFile = join(dir, 'services', 'acme.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const overview = (watched: boolean) => catalogFor(dir, watched).services[0]!.overview;

const dataFiles = ['services/acme.json', 'properties/driver.json', 'properties/profile-settings.json'];

/** Gives every data file this modification time (whole milliseconds, so it reads back exactly). */
function setTimes(when: Date): void {
  for (const file of dataFiles) utimesSync(join(dir, file), when, when);
}

/** Rewrites the service file with `from` replaced by `to` (the same length), and puts its time back. */
function editKeepingStats(from: string, to: string): void {
  expect(to.length).toBe(from.length);
  const { mtimeMs, size } = statSync(serviceFile);
  const text = readFileSync(serviceFile, 'utf8');
  expect(text).toContain(from);
  writeFileSync(serviceFile, text.replace(from, to));
  utimesSync(serviceFile, new Date(mtimeMs), new Date(mtimeMs));
  expect(statSync(serviceFile)).toMatchObject({ size, mtimeMs });
}

describe('catalogFor, with the files watched (astro dev)', () => {
  test('an edit that keeps the size and the modification time shows on the next call', () => {
    setTimes(new Date(Date.now() - 100)); // saved just now, on a clock with a millisecond step
    expect(overview(true)).toMatch(/^A fixture service/);
    // Two saves within one tick of a coarse clock: same size, same time, new text.
    editKeepingStats('A fixture service', 'A fixture servicE');
    expect(overview(true)).toMatch(/^A fixture servicE/);
  });

  test('files older than the racy window are trusted by their stats: no read per request', () => {
    setTimes(new Date(Date.now() - racyWindowMs - 60_000));
    expect(overview(true)).toMatch(/^A fixture service/);
    // A change that leaves an old file's stats as they were is not looked for (only a tool rewriting times does it).
    editKeepingStats('A fixture service', 'A fixture servicE');
    expect(overview(true)).toMatch(/^A fixture service/);
    // Any save moves the time, and the next call reads it.
    writeFileSync(serviceFile, readFileSync(serviceFile, 'utf8'));
    expect(overview(true)).toMatch(/^A fixture servicE/);
  });

  test('a save that changed no text keeps the catalog already built', () => {
    const first = catalogFor(dir, true);
    writeFileSync(serviceFile, readFileSync(serviceFile, 'utf8'));
    expect(catalogFor(dir, true)).toBe(first);
    writeFileSync(serviceFile, readFileSync(serviceFile, 'utf8').replace('A fixture service', 'An edited service'));
    expect(catalogFor(dir, true)).not.toBe(first);
  });

  test('a bad edit throws its CatalogError on every call until the file is fixed', () => {
    const original = readFileSync(serviceFile, 'utf8');
    expect(overview(true)).toMatch(/^A fixture service/);
    writeFileSync(serviceFile, original.replace('"name": "APIKey"', '"name": "APIKye"'));
    for (let call = 0; call < 2; call += 1) expect(() => overview(true)).toThrow(CatalogError);
    expect(() => overview(true)).toThrow(/unknown property "APIKye" \(did you mean "APIKey"\?\)/);
    writeFileSync(serviceFile, original);
    expect(overview(true)).toMatch(/^A fixture service/);
  });

  test('a half-written file is an error naming it, and the finished file loads', () => {
    const original = readFileSync(serviceFile, 'utf8');
    writeFileSync(serviceFile, original.slice(0, 100));
    expect(() => overview(true)).toThrow(/acme\.json: not valid JSON/);
    writeFileSync(serviceFile, original);
    expect(overview(true)).toMatch(/^A fixture service/);
  });
});

test('catalogFor, not watched (a production build): loaded once, later edits not read', () => {
  expect(overview(false)).toMatch(/^A fixture service/);
  writeFileSync(serviceFile, readFileSync(serviceFile, 'utf8').replace('A fixture service', 'An edited service'));
  expect(overview(false)).toMatch(/^A fixture service/);
  expect(overview(true)).toMatch(/^An edited service/);
});
