/**
 * Validate mode of the builder model with every pasted form: which form was read (for the UI's label), the
 * findings in pasted positions, "Fix all safe problems" as one action, and "Load into the builder" from each
 * form (the reducer's load-pasted path).
 */
import { describe, expect, test } from 'vitest';
import { canonicalPairs, checkPasted, serialize, toCSharp, toJava, toJdbcUrl, toOdbc, toPython } from '../../src/lib/connstr/index.ts';
import { builderService } from '../../src/lib/builder/data.ts';
import { buildString } from '../../src/lib/builder/form.ts';
import { initialState, reduce, type BuilderState } from '../../src/lib/builder/model.ts';
import { rulesOf } from '../../src/lib/builder/service.ts';
import { pastedView } from '../../src/lib/builder/validation.ts';
import { fixAllStep, loadStep, run } from '../support/builder-checker.ts';
import { getCatalog } from '../../src/lib/providers/load.ts';

const catalog = getCatalog();
const intercom = builderService(catalog.services.find((s) => s.id === 'intercom')!);
// A value with ";" needs quotes inside ProfileSettings: the reading must keep both levels of quoting.
const plain = serialize([
  ['Profile', 'C:\\profiles\\Intercom.apip'],
  ['ProfileSettings', [['APIKey', 'tok;en']]],
]);

const forms = [
  ['plain', 'Connection string', plain],
  ['jdbc', 'JDBC URL', toJdbcUrl(plain)],
  ['odbc', 'ODBC', toOdbc(canonicalPairs(plain))],
  ['csharp', 'C#', toCSharp(plain)],
  ['java', 'Java', toJava(plain)],
  ['python', 'Python', toPython(plain)],
] as const;

const pasted = (text: string): BuilderState => reduce({ ...initialState(intercom), mode: 'validate' }, { type: 'paste', text });

describe.each(forms)('%s', (form, label, text) => {
  test('the view says which form was read, and finds no error', () => {
    const view = pastedView(intercom, text);
    expect(view).toMatchObject({ form, formLabel: label, safeFixes: 0 });
    expect(view.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // The view's findings are the engine's check of the pasted text, as given.
    expect(checkPasted(text, rulesOf(intercom), { reportSensitive: false }).problems).toEqual(view.problems);
  });

  test('Load into the builder fills the fields and builds the same string', () => {
    const loaded = run(pasted(text), loadStep(intercom));
    expect(loaded.mode).toBe('build');
    expect(loaded.values.intercom).toMatchObject({ Profile: 'C:\\profiles\\Intercom.apip', APIKey: 'tok;en' });
    expect(buildString(intercom, loaded).text).toBe(plain);
  });
});

describe('fix all safe problems', () => {
  const damaged = `  ${toCSharp("profile=C:\\profiles\\Intercom.apip;ProfileSettings=’apikey=k’;")}`;

  test('counts what it will fix, applies it in one action, in the pasted form', () => {
    const view = pastedView(intercom, damaged);
    expect(view.form).toBe('csharp');
    expect(view.safeFixes).toBeGreaterThan(0);
    const fixed = run(pasted(damaged), fixAllStep(intercom));
    // The one trailing ";" stays: the driver skips it and the guide calls it harmless.
    expect(fixed.pasted).toBe(`  ${toCSharp("Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=k';")}`);
    expect(pastedView(intercom, fixed.pasted).safeFixes).toBe(0);
  });

  test('the string of the e2e "Fix all safe problems" test fixes to the clean plain string', () => {
    const typed = "  profile=C:\\profiles\\Intercom.apip;;ProfileSettings=\u2019apikey=k\u2019;\r\n";
    expect(run(pasted(typed), fixAllStep(intercom)).pasted).toBe("Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=k';");
  });

  test('an unsafe fix (a guessed Profile path) is left for the user', () => {
    const fixed = run(pasted("ProfileSettings='APIKey=k'"), fixAllStep(intercom));
    expect(fixed.pasted).toBe("ProfileSettings='APIKey=k'");
    expect(pastedView(intercom, fixed.pasted).problems.map((p) => p.code)).toContain('missing-profile');
  });
});
