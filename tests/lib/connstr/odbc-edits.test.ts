/**
 * A fix found in an ODBC paste is written back over the pairs it touches only (forms/odbc.ts `mapEdits`): per
 * fix, rewriting and comparing the whole paste was quadratic in its pairs (64 kB of braced pairs took 50 s).
 * The local way must write exactly what the whole rewrite writes, wherever the paste reads back as it was pasted
 * (the linear-time probe, support/scaling.ts, measures the cost).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyEdits, readPasted, validate } from '../../../src/lib/connstr/index.ts';
import { acmeRules } from '../../support/acme.ts';

const rules = acmeRules();
const key = fc.constantFrom('region', 'Region', 'APIKey', 'apikey', 'Timeout', 'Unknown', 'user', 'AuthScheme', 'Region');
const value = fc.constantFrom('eu', 'EU', 'a b', 'x;y', 'k}}v', "it's", '', 'abc', 'true', '1');
const pair = fc.tuple(key, value, fc.boolean()).map(([k, v, braced]) => (braced ? `${k}={${v}}` : v.includes(';') || v.includes('}') ? `${k}={${v}}` : `${k}=${v}`));
const nested = fc.array(fc.tuple(key, fc.constantFrom('eu', 'k', 'x y')), { maxLength: 3 }).map((pairs) => `ProfileSettings={${pairs.map(([k, v]) => `${k}=${v}`).join(';')}}`);
const paste = fc
  .tuple(fc.constantFrom('Driver={API Driver};', 'DSN=Acme;', 'DSN=Acme;Driver={X};'), fc.array(fc.oneof(pair, pair, nested), { minLength: 1, maxLength: 8 }))
  .map(([head, pairs]) => `${head}Profile=C:\\profiles\\AcmeLedger.apip;${pairs.join(';')}`);

describe('fixes in an ODBC paste', () => {
  test('each fix writes what rewriting the whole paste writes', () => {
    let compared = 0;
    fc.assert(
      fc.property(paste, (pasted) => {
        const reading = readPasted(pasted);
        expect(reading.form).toBe('odbc');
        // Only where the paste reads back as pasted is the whole rewrite a reference to compare with.
        if (reading.rewrite(reading.text) !== pasted) return;
        for (const problem of validate(reading.text, rules)) {
          if (!problem.fix) continue;
          const whole = reading.rewrite(applyEdits(reading.text, problem.fix.edits));
          expect(applyEdits(pasted, reading.mapEdits!(problem.fix.edits))).toBe(whole);
          compared++;
        }
      }),
      { numRuns: 500 },
    );
    expect(compared).toBeGreaterThan(200);
  });

});
