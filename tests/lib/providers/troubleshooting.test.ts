/**
 * The troubleshooting entries' checks (buildTroubleshooting): the schema with its closed set of codes, the file
 * named after its code, a known service, and an example the engine agrees with. On the acme fixture.
 */
import { describe, expect, test } from 'vitest';
import { checkPasted } from '../../../src/lib/connstr/index.ts';
import { buildTroubleshooting, CatalogError } from '../../../src/lib/providers/catalog.ts';
import { serviceRules } from '../../../src/lib/providers/rules.ts';
import { acme, acmeCatalog } from '../../support/acme.ts';

const P = 'Profile=C:\\profiles\\AcmeLedger.apip';
const entry = (code: string, before: string, extra: Record<string, unknown> = {}, example: Record<string, unknown> = {}) => ({
  code,
  meaning: 'm',
  why: 'w',
  fix: 'f',
  example: { service: 'acme', before, ...example },
  inference: true,
  ...extra,
});
const build = (files: Record<string, unknown>) => buildTroubleshooting(files, acmeCatalog().services);
const problemsOf = (files: Record<string, unknown>): string[] => {
  try {
    build(files);
    return [];
  } catch (error) {
    if (error instanceof CatalogError) return error.problems;
    throw error;
  }
};

describe('an example the engine fixes', () => {
  test('the after is the engine’s safe fixes applied, and no longer draws the code', () => {
    const [page] = build({ 'x/stray-separator.json': entry('stray-separator', `${P};;ProfileSettings='APIKey=k;Region=eu'`) });
    expect(page!.checked.fixedBy).toBe('engine');
    expect(page!.checked.after).toBe(`${P};ProfileSettings='APIKey=k;Region=eu'`);
    expect(page!.checked.applied.length).toBeGreaterThan(0);
    expect(checkPasted(page!.checked.after!, serviceRules(acme())).problems.map((p) => p.code)).not.toContain('stray-separator');
    expect(page!.checked.drawn.length).toBeGreaterThan(0);
  });
});

describe('an example fixed by hand', () => {
  test('is shown as the hand fix when the engine has none', () => {
    const [page] = build({ 'x/invalid-integer.json': entry('invalid-integer', `${P};ProfileSettings='APIKey=k;Region=eu';Timeout=30s`, {}, { after: `${P};ProfileSettings='APIKey=k;Region=eu';Timeout=30` }) });
    expect(page!.checked.fixedBy).toBe('hand');
  });
  test('fails when the hand fix still draws the code', () => {
    expect(problemsOf({ 'x/invalid-integer.json': entry('invalid-integer', `${P};Timeout=30s`, {}, { after: `${P};Timeout=3O` }) })).toEqual([
      'x/invalid-integer.json › example: example.after still draws "invalid-integer" for acme',
    ]);
  });
  test('with neither, the page says there is nothing to change in the string', () => {
    const [page] = build({ 'x/invalid-integer.json': entry('invalid-integer', `${P};ProfileSettings='APIKey=k;Region=eu';Timeout=30s`) });
    expect(page!.checked.fixedBy).toBe('none');
    expect(page!.checked.after).toBeUndefined();
  });
});

describe('what fails the build', () => {
  test('an example that does not draw its code', () => {
    expect(problemsOf({ 'x/invalid-integer.json': entry('invalid-integer', `${P};ProfileSettings='APIKey=k;Region=eu';Timeout=30`) })).toEqual([
      'x/invalid-integer.json › example: example.before does not draw "invalid-integer" for acme',
    ]);
  });
  test('a code that is no finding code (a typo), and a file named after another code', () => {
    const problems = problemsOf({ 'x/invalid-integr.json': entry('invalid-integr', `${P};Timeout=30s`), 'x/null-value.json': entry('invalid-integer', `${P};Timeout=30s`) });
    expect(problems.some((p) => p.startsWith('x/invalid-integr.json › code:'))).toBe(true);
    expect(problems).toContain('x/null-value.json › code: the code must match the file name ("null-value")');
  });
  test('an unknown service, and a field the shape does not have', () => {
    const problems = problemsOf({ 'x/invalid-integer.json': { ...entry('invalid-integer', `${P};Timeout=30s`, { extra: 1 }), example: { service: 'acme-ledger', before: 'x' } } });
    expect(problems.length).toBeGreaterThan(0);
    expect(problemsOf({ 'x/invalid-integer.json': entry('invalid-integer', `${P};Timeout=30s`, {}, { service: 'acmee' }) })[0]).toMatch(/unknown service "acmee" \(did you mean "acme"\?\)/);
  });
  test('a dormant code whose example does draw it', () => {
    expect(problemsOf({ 'x/invalid-integer.json': entry('invalid-integer', `${P};Timeout=30s`, { dormant: 'no service draws it' }) })).toEqual([
      'x/invalid-integer.json › example: example.before draws "invalid-integer" for acme: remove "dormant"',
    ]);
  });
});

test('entries come back in the order of the codes table', () => {
  const pages = build({
    'x/stray-separator.json': entry('stray-separator', `${P};;ProfileSettings='APIKey=k;Region=eu'`),
    'x/invalid-integer.json': entry('invalid-integer', `${P};ProfileSettings='APIKey=k;Region=eu';Timeout=30s`),
  });
  expect(pages.map((p) => p.code)).toEqual(['invalid-integer', 'stray-separator']);
});
