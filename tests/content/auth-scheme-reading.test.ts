/**
 * The AuthScheme row's "None or OAuth" sentence, read one way on every service: where a correction in the data
 * explains it, the validator agrees with the correction. A listed value that a documented method uses selects that
 * method without a warning; any other listed value (NONE on LeadDesk and Infusionsoft) gets the
 * `undocumented-auth-scheme` warning, and the correction says the validator warns about it.
 */
import { describe, expect, test } from 'vitest';
import { validate } from '../../src/lib/connstr/index.ts';
import { getCatalog } from '../../src/lib/providers/load.ts';
import { serviceDecisions } from '../../src/lib/providers/queries.ts';
import { serviceRules } from '../../src/lib/providers/rules.ts';

const services = getCatalog().services;

describe.each(services.map((s) => [s.id, s] as const))('%s', (_id, service) => {
  const rules = serviceRules(service);
  const listed = service.properties.find((p) => p.name === 'AuthScheme')?.allowedValues?.map((v) => v.value) ?? [];
  const used = new Set(service.authMethods.flatMap((m) => m.authSchemes));
  const none = service.authMethods.find((m) => m.authSchemes.includes('NONE'));

  test('each listed AuthScheme value: a documented method, or the warning', () => {
    for (const value of listed) {
      const codes = validate(`Profile=C:\\profiles\\${service.profileFile};AuthScheme=${value}`, rules).map((p) => p.code);
      if (used.has(value)) expect(codes, value).not.toContain('undocumented-auth-scheme');
      else expect(codes, value).toContain('undocumented-auth-scheme');
    }
  });

  const readings = serviceDecisions(service).filter(({ scope, decision }) => scope === 'AuthScheme' && /None (?:or|and) OAuth/.test(`${decision.issue} ${decision.decision}`));
  if (readings.length > 0 && listed.includes('NONE'))
    test('the "None or OAuth" correction says what the validator does with NONE', () => {
      for (const { decision } of readings) {
        if (none) expect(decision.decision, decision.issue).toMatch(/NONE/);
        else expect(decision.decision, decision.issue).toMatch(/validator warns/);
      }
    });
});
