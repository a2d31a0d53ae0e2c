/**
 * The dev preview's content loader (src/integrations/catalog-loader.ts) on a copy of the acme fixture folder, with
 * a stand-in watcher, store and logger and fake timers: a save is read once its events settle, a save reported
 * half-done (truncated, its last event dropped) is read again until the finished file is reported, and an event
 * that changed nothing reports nothing.
 */
import type { LoaderContext } from 'astro/loaders';
import { EventEmitter } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { catalogLoader, recheckMs, settleMs } from '../../src/integrations/catalog-loader.ts';
import { acmeContentDir } from '../support/acme.ts';

const draftContentDir = fileURLToPath(new URL('../fixtures/providers/draft-content', import.meta.url));

let dir: string;
let serviceFile: string;
let original: string;
let logs: string[];
let entries: Map<string, string>;
let watcher: EventEmitter & { add: (paths: string[]) => void; watched: string[] };

beforeEach(async () => {
  vi.useFakeTimers();
  dir = mkdtempSync(join(tmpdir(), 'connector-loader-'));
  cpSync(acmeContentDir, dir, { recursive: true });
  serviceFile = join(dir, 'services', 'acme.json');
  original = readFileSync(serviceFile, 'utf8');
  logs = [];
  entries = new Map();
  watcher = Object.assign(new EventEmitter(), { watched: [] as string[], add: (paths: string[]) => void watcher.watched.push(...paths) });
  const store = {
    set: ({ id, digest }: { id: string; digest: string }) => void entries.set(id, digest),
    keys: () => [...entries.keys()],
    delete: (id: string) => void entries.delete(id),
  };
  const logger = Object.fromEntries((['info', 'warn', 'error'] as const).map((level) => [level, (m: string) => void logs.push(`${level}: ${m}`)]));
  const context = { store, logger, watcher, generateDigest: (text: string) => `digest of ${text.length} chars: ${text.slice(0, 20)}…${text.slice(-40)}` };
  await catalogLoader(dir).load(context as unknown as LoaderContext);
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

const lastRecheck = settleMs + recheckMs.at(-1)!;
const shortName = (message: string) => message.replace(/^(\w+: )\S*services\/acme\.json/, '$1acme.json');

test('it stores one entry per data file and watches the data folders', () => {
  expect([...entries.keys()].sort()).toEqual(['properties/driver.json', 'properties/profile-settings.json', 'services/acme.json']);
  expect(watcher.watched.map((path) => path.slice(dir.length))).toEqual(['/properties', '/services', '/troubleshooting']);
});

describe('a save', () => {
  test('is read once its events settle, and reported once', () => {
    writeFileSync(serviceFile, original.replace('A fixture service', 'An edited service'));
    for (let event = 0; event < 3; event += 1) watcher.emit('change', serviceFile);
    vi.advanceTimersByTime(settleMs - 1);
    expect(logs).toEqual([]);
    vi.advanceTimersByTime(lastRecheck);
    expect(logs.map(shortName)).toEqual(['info: acme.json changed: 1 services reloaded.']);
    expect(entries.get('services/acme.json')).toMatch(/^digest of \d+ chars: /);
  });

  test('reported half-done, its last event dropped, is read again and reported finished', () => {
    writeFileSync(serviceFile, ''); // the save's truncation: the only event the watcher sends
    watcher.emit('change', serviceFile);
    vi.advanceTimersByTime(settleMs);
    expect(logs.map(shortName)).toEqual([expect.stringMatching(/^error: acme\.json changed, and the content is invalid:\n.*acme\.json: not valid JSON/)]);
    writeFileSync(serviceFile, original.replace('A fixture service', 'An edited service')); // the save's write, no event
    vi.advanceTimersByTime(recheckMs[0]);
    expect(logs.map(shortName).at(-1)).toBe('info: acme.json changed: 1 services reloaded.');
    expect(entries.get('services/acme.json')).toBe(`digest of ${original.length} chars: ${original.slice(0, 20)}…${original.slice(-40)}`);
    vi.advanceTimersByTime(lastRecheck);
    expect(logs).toHaveLength(2);
  });

  test('with a schema error names the file and field, and fixing it recovers', () => {
    writeFileSync(serviceFile, original.replace('"name": "APIKey"', '"name": "APIKye"'));
    watcher.emit('change', serviceFile);
    vi.advanceTimersByTime(settleMs);
    expect(logs.at(-1)).toMatch(/acme\.json › service "acme" › properties\[0\]\.name: unknown property "APIKye" \(did you mean "APIKey"\?\)/);
    writeFileSync(serviceFile, original);
    watcher.emit('change', serviceFile);
    vi.advanceTimersByTime(settleMs);
    expect(logs.map(shortName).at(-1)).toBe('info: acme.json changed: 1 services reloaded.');
  });
});

test('a draft service added is reloaded with a warning naming what is still to write, not an error', () => {
  const draft = join(dir, 'services', 'widget.json');
  cpSync(join(draftContentDir, 'services', 'widget.json'), draft);
  watcher.emit('add', draft);
  vi.advanceTimersByTime(settleMs);
  expect(logs.map((line) => line.replace(/[^\s(]*services\//, 'services/'))).toEqual([
    'info: services/widget.json changed: 2 services reloaded.',
    'warn: Draft, not published: service "widget" (services/widget.json) has 3 fields still to write; a production build refuses it until they are written and "draft": true is removed.',
  ]);
});

test('an event that changed nothing reports nothing', () => {
  watcher.emit('change', serviceFile);
  watcher.emit('change', join(dir, 'services', 'notes.txt'));
  vi.advanceTimersByTime(lastRecheck);
  expect(logs).toEqual([]);
});

test('a deleted file leaves the store', () => {
  unlinkSync(join(dir, 'properties', 'profile-settings.json'));
  watcher.emit('unlink', join(dir, 'properties', 'profile-settings.json'));
  vi.advanceTimersByTime(settleMs);
  expect(entries.has('properties/profile-settings.json')).toBe(false);
  expect(logs).toHaveLength(1);
});
