/**
 * A service's older builds (olderBuilds, written as what differs from the newest): each resolved and checked like
 * the newest, the changes each build brought derived from the data, and the engine told which build added or
 * removed what a chosen build does not list. Built on variations of the acme fixture.
 */
import { describe, expect, test } from 'vitest';
import { CatalogError } from '../../../src/lib/providers/catalog.ts';
import { rulesForBuild, serviceAt, serviceRules, serviceRulesAt, undocumentedBuild } from '../../../src/lib/providers/rules.ts';
import { checkPasted } from '../../../src/lib/connstr/index.ts';
import { acmeWithBuilds } from '../../support/acme.ts';

describe('older builds', () => {
  const acme = acmeWithBuilds().services[0]!;

  test('each older build is the newest with its differences applied', () => {
    expect(acme.history.older.map((b) => b.dataVersion.build)).toEqual(['24.0.8000.0', '23.0.7000.0']);
    const b24 = serviceAt(acme, '24.0.8000.0')!;
    expect(b24.properties.find((p) => p.name === 'AuthScheme')?.allowedValues?.map((v) => v.value)).toEqual(['NONE', 'OAUTH']);
    expect(b24.listedProperties).toContain('Timeout');
    expect(b24.listedProperties).not.toContain('User');
    expect(b24.authMethods.map((m) => m.id)).toEqual(['token', 'oauth']);
    expect(b24.examples.map((e) => e.id)).toEqual(['token', 'oauth']);
    expect(serviceAt(acme, '9.9.9.9')).toBeUndefined();
  });

  test('the changes each build brought, newest first, derived from the data', () => {
    const [to25, to24] = acme.history.changes;
    expect(to25!.build).toBe('25.0.9000.0');
    expect(to25!.previous).toBe('24.0.8000.0');
    const pick = (list: typeof to25, kind: string) => list!.changes.filter((c) => c.kind === kind).map((c) => c.after ?? c.before);
    expect(pick(to25, 'method-added')).toEqual(['User and password']);
    expect(pick(to25, 'value-added')).toEqual(['BASIC']);
    expect(pick(to25, 'property-added').sort()).toEqual(['Password', 'User']);
    expect(pick(to25, 'property-removed')).toEqual(['Timeout']);
    expect(pick(to25, 'steps-changed')).toHaveLength(1);
    expect(pick(to25, 'menu-path-added')).toEqual(['Settings › API keys › New key']);
    expect(pick(to25, 'menu-path-removed')).toEqual(['Admin › Keys']);
    expect(to24!.changes.map((c) => [c.kind, c.after])).toEqual([
      ['method-added', 'OAuth'],
      ['value-added', 'OAUTH'],
    ]);
    expect(acme.history.changes).toHaveLength(2);
  });

  test('a string checked against an older build: a value it does not list names the build that added it', () => {
    const rules = serviceRulesAt(acme, '23.0.7000.0')!;
    const text = 'Profile=C:\\profiles\\AcmeLedger.apip;AuthScheme=OAUTH;InitiateOAuth=GETANDREFRESH;OAuthClientId=id;OAuthClientSecret=secret;CallbackURL=http://localhost:3333';
    const found = checkPasted(text, rules).problems.filter((p) => p.code === 'not-in-build');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('Build 23.0.7000.0');
    expect(found[0]!.message).toContain('added in build 24.0.8000.0');
    expect(checkPasted(text, serviceRulesAt(acme)!).problems.filter((p) => p.code === 'not-in-build')).toEqual([]);
  });

  test('a property only an older build lists names the build that removed it', () => {
    const text = 'Profile=C:\\profiles\\AcmeLedger.apip;ProfileSettings=\'APIKey=k\';Timeout=30';
    expect(checkPasted(text, serviceRulesAt(acme, '24.0.8000.0')!).problems.filter((p) => p.code === 'not-in-build')).toEqual([]);
    const newest = checkPasted(text, serviceRulesAt(acme)!).problems;
    // Timeout is a driver property, so the newest build still accepts it: no finding, though its table dropped the row.
    expect(newest.filter((p) => p.code === 'not-in-build')).toEqual([]);
    const basic = 'Profile=C:\\profiles\\AcmeLedger.apip;AuthScheme=BASIC;User=me;Password=pw';
    const at24 = checkPasted(basic, serviceRulesAt(acme, '24.0.8000.0')!).problems.filter((p) => p.code === 'not-in-build');
    expect(at24.map((p) => p.message)).toEqual([expect.stringContaining('AuthScheme=BASIC; it was added in build 25.0.9000.0')]);
  });

  test('rulesForBuild: the build asked for, else the newest with the message every caller reports', () => {
    expect(rulesForBuild(acme, '24.0.8000.0')).toEqual({ rules: serviceRulesAt(acme, '24.0.8000.0') });
    expect(rulesForBuild(acme, undefined)).toEqual({ rules: serviceRulesAt(acme) });
    expect(undocumentedBuild(acme, '22.0.1.0')).toBe('Acme Ledger is documented for builds 25.0.9000.0, 24.0.8000.0, 23.0.7000.0, not 22.0.1.0');
    const unknown = rulesForBuild(acme, '22.0.1.0');
    expect(unknown.rules).toBe(serviceRulesAt(acme));
    expect(unknown.unknownBuild).toBe('Acme Ledger is documented for builds 25.0.9000.0, 24.0.8000.0, 23.0.7000.0, not 22.0.1.0; the string is checked against 25.0.9000.0, the newest.');
    // One build: "build", and the plain rules.
    const single = acmeWithBuilds((s) => delete s.olderBuilds).services[0]!;
    expect(rulesForBuild(single, '22.0.1.0')).toEqual({ rules: serviceRules(single), unknownBuild: `Acme Ledger is documented for build ${single.dataVersion.build}, not 22.0.1.0; the string is checked against ${single.dataVersion.build}, the newest.` });
  });

  test('bad older builds are refused, naming the file, the service and the field', () => {
    const problems = (mutate: (s: Record<string, any>) => void) => {
      try {
        acmeWithBuilds(mutate);
      } catch (error) {
        if (error instanceof CatalogError) return error.problems.join('\n');
      }
      return '';
    };
    expect(problems((s) => (s.olderBuilds[0].build = '26.0.1.0'))).toContain('olderBuilds[0].build: 26.0.1.0 is newer than the build the file documents');
    expect(problems((s) => (s.olderBuilds[1].build = '24.0.8000.0'))).toContain('build 24.0.8000.0 is documented twice');
    expect(problems((s) => s.olderBuilds[0].properties.push({ name: 'Timeout', absent: true }))).toContain('"Timeout" is not a property of the newest build');
    expect(problems((s) => (s.olderBuilds[0].properties[0].allowedValues = ['NONE', 'OAUTH', 'KERBEROS']))).toContain('"KERBEROS" is not an allowed value of AuthScheme');
  });
});
