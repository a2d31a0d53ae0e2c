/**
 * "Fix all safe problems" on long strings (src/lib/connstr/pasted.ts `fixAll`): fixes that only rewrite their own
 * text (a key's spelling, a value's casing) go in one round when they are apart, so a string with more of them than
 * the round limit is fixed whole, with the same result as one fix at a time; the answer carries the check of the
 * fixed text, which the CLI reports instead of checking again. On the acme fixture service.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyEdits, checkPasted, fixAll, nextSafeFix, type ServiceRules } from '../../../src/lib/connstr/index.ts';
import { acmeRules } from '../../support/acme.ts';

const rules = acmeRules();
const profile = 'Profile=C:\\profiles\\AcmeLedger.apip';

/** The reference: one safe fix at a time, a fresh check in between, until none is left (no Profile guard needed here). */
function oneByOne(text: string): string {
  for (let step = 0; step < 10_000; step++) {
    const next = nextSafeFix(checkPasted(text, rules).problems);
    if (!next?.fix) return text;
    text = applyEdits(text, next.fix.edits);
  }
  throw new Error('did not settle');
}

describe('fixAll', () => {
  test('a thousand keys in the wrong case are all fixed in one round, as one fix at a time would', () => {
    // acme with a thousand more driver properties, so a thousand keys can each be misspelt once.
    const many: ServiceRules = {
      ...rules,
      properties: [...rules.properties, ...Array.from({ length: 1000 }, (_, i) => ({ name: `Setting${i}`, aliases: [], type: 'string' as const, placement: 'top' as const, sensitive: false }))],
    };
    const text = `${profile};ProfileSettings='APIKey=k';${Array.from({ length: 1000 }, (_, i) => `setting${i}=v`).join(';')}`;
    const result = fixAll(text, many);
    expect(result.applied).toHaveLength(1000);
    expect(result.text).toBe(`${profile};ProfileSettings='APIKey=k';${Array.from({ length: 1000 }, (_, i) => `Setting${i}=v`).join(';')}`);
    expect(result.problems).toEqual(checkPasted(result.text, many).problems);
  });

  test('a round never joins fixes that touch: random misspellings, damage and duplicates settle as one at a time', () => {
    const pair = fc.constantFrom('timeout=1', 'TIMEOUT=2', 'readonly=True', 'Readonly=yes', 'authscheme=basic', 'user=u', 'User=v', 'apikey=k', 'x=\u201cy\u201d', ';', 'region=EU');
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 12 }), (pairs) => {
        const text = [profile, ...pairs].join(';');
        const result = fixAll(text, rules);
        expect(result.text).toBe(oneByOne(text));
        expect(fixAll(result.text, rules).applied).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('settings moved out of ProfileSettings keep their order', () => {
  test.each([
    ['some of the list', `${profile};ProfileSettings='APIKey=k;Timeout=30;Logfile=C:\\l.txt;Readonly=true';Other=1`, `${profile};Timeout=30;Logfile=C:\\l.txt;Readonly=true;ProfileSettings='APIKey=k';Other=1`],
    ['the whole list (the last one out takes its place)', `${profile};ProfileSettings='Readonly=true;Timeout=30;Logfile=C:\\l.txt'`, `${profile};Readonly=true;Timeout=30;Logfile=C:\\l.txt`],
  ])('%s', (_what, input, expected) => {
    const fixed = fixAll(input, rules);
    expect(fixed.text).toBe(expected);
    expect(fixed.applied.filter((a) => a.startsWith('Move '))).toHaveLength(3);
  });
});
