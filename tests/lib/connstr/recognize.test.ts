/**
 * Service recognition (src/lib/connstr/recognize.ts) and the rule that no fix changes which service a string is
 * for: the wrong-profile fix only for a misspelt file name and never among the safe fixes, fixAll's guard, and
 * one finding for one curly quote. On the acme fixture and a copy of it under another profile file.
 */
import { describe, expect, test } from 'vitest';
import { checkPasted, fixAll, recognizeService, safeFixCodes, unrecognizedMessage, validate } from '../../../src/lib/connstr/index.ts';
import type { ResolvedService } from '../../../src/lib/providers/catalog.ts';
import { acme, acmeRules } from '../../support/acme.ts';

const s = acme();
/** What the engine is handed about acme (the catalog's one projection). */
const rules = acmeRules();
const other: ResolvedService = { ...s, id: 'other', name: 'Other Ledger', profileFile: 'OtherLedger.apip' };
const services = [other, s];
const idOf = (text: string) => recognizeService(text, services).service?.id;

describe('recognizeService', () => {
  test.each([
    [String.raw`Profile=C:\profiles\AcmeLedger.apip`, 'acme'],
    [String.raw`Profile='D:\Work Files\otherledger.APIP';x=1`, 'other'],
    ['Profile=/home/me/AcmeLedger.apip', 'acme'],
    ['profile=acmeledger.apip', 'acme'],
    // Pasting damage: curly quotes (closed or not), an invisible character, a non-breaking space, broken quoting.
    ['Profile=\u201cC:\\profiles\\AcmeLedger.apip\u201d;ProfileSettings=\u2018APIKey=abc\u2019', 'acme'],
    ['Profile=\u201cC:\\profiles\\AcmeLedger.apip;ProfileSettings=x', 'acme'],
    ['Pro\u200bfile=C:\\p\\Acme\u200bLedger.apip', 'acme'],
    ['Profile=\u00a0C:\\p\\AcmeLedger.apip\u00a0', 'acme'],
    ["Profile='C:\\p\\OtherLedger.apip;ProfileSettings='APIKey=k'", 'other'],
    // Any pasted form the Validate tab reads.
    ['jdbc:api:Profile=C:\\p\\OtherLedger.apip;', 'other'],
    ['var c = "Profile=C:\\\\p\\\\AcmeLedger.apip;";', 'acme'],
    // The Profile the driver reads: the last, unless removed.
    ['Profile=C:\\p\\AcmeLedger.apip;Profile=C:\\p\\OtherLedger.apip', 'other'],
  ])('%s is for %s', (text, id) => {
    expect(idOf(text)).toBe(id);
  });

  test.each([
    ['User=x', 'no-profile'],
    ['Profile=C:\\p\\AcmeLedger.apip;Profile=', 'no-profile'],
    ['Profile=C:\\p\\AcmeLedger', 'not-a-profile-path'],
    ['Profile=\u201c\u201d', 'damaged-profile'],
    ['Profile=C:\\profiles\\Zoom.apip', 'unknown-profile'],
  ])('%s: not recognized (%s)', (text, reason) => {
    const recognition = recognizeService(text, services);
    expect(recognition.service).toBeUndefined();
    expect(recognition.reason).toBe(reason);
  });

  test('each reason has its own sentence, and an unknown file is named', () => {
    const messages = (['User=x', 'Profile=C:\\p\\X', 'Profile=\u201c\u201d', 'Profile=C:\\profiles\\Zoom.apip'] as const).map((text) => {
      const r = recognizeService(text, services);
      if (r.service) throw new Error('recognized');
      return unrecognizedMessage(r);
    });
    expect(new Set(messages).size).toBe(4);
    expect(messages[0]).toBe('The string has no Profile, so it does not say which service it is for.');
    expect(messages[3]).toBe('The Profile names "Zoom.apip", which is not the profile file of any service here.');
    for (const m of messages) expect(m).not.toContain('no known profile file');
  });
});

describe('no fix changes which service a string is for', () => {
  test('a Profile naming another service: the message says so, and there is no fix', () => {
    const text = String.raw`Profile=C:\profiles\OtherLedger.apip;ProfileSettings='APIKey=k'`;
    const problem = validate(text, rules).find((p) => p.code === 'wrong-profile')!;
    expect(problem.fix).toBeUndefined();
    expect(problem.message).toMatch(/^Profile points to "OtherLedger\.apip", not the Acme Ledger profile \(AcmeLedger\.apip\), so this string is likely for another service/);
    expect(fixAll(text, rules).text).toBe(text);
  });

  test('a misspelt file name of this service: a single fix, not a safe one', () => {
    const text = String.raw`Profile=C:\profiles\AcmeLeger.apip;ProfileSettings='APIKey=k'`;
    const problem = validate(text, rules).find((p) => p.code === 'wrong-profile')!;
    expect(problem.fix?.description).toBe('Point Profile at AcmeLedger.apip.');
    expect(safeFixCodes.has('wrong-profile')).toBe(false);
    expect(fixAll(text, rules).text).toBe(text);
  });

  test('the curly-quoted paste of another service: fix all repairs the quotes and keeps its Profile', () => {
    const text = 'Profile=\u201cC:\\profiles\\OtherLedger.apip\u201d;ProfileSettings=\u2018APIKey=abc\u2019';
    const fixed = fixAll(text, rules).text;
    expect(fixed).toBe(String.raw`Profile="C:\profiles\OtherLedger.apip";ProfileSettings='APIKey=abc'`);
    expect(fixed).not.toContain('AcmeLedger');
  });

  test('fixAll skips a safe fix that would take the string away from its service', () => {
    // Two Profiles: the duplicate fix keeps the later one, which the driver reads anyway, so the service stays.
    const text = String.raw`Profile=C:\p\OtherLedger.apip;Profile=C:\p\AcmeLedger.apip;ProfileSettings='APIKey=k'`;
    const fixed = fixAll(text, rules).text;
    expect(recognizeService(fixed, services).service?.id).toBe('acme');
  });
});

test('one curly quote, one finding: the value and the names it spoils are not reported again', () => {
  const text = 'Profile=\u201cC:\\profiles\\AcmeLedger.apip\u201d;ProfileSettings=\u2018APIKey=abc\u2019';
  const codes = checkPasted(text, rules).problems.map((p) => p.code);
  expect(codes).toEqual(['curly-quote', 'curly-quote']);
  // Once fixed, the string is checked for real.
  expect(checkPasted(fixAll(text, rules).text, rules, { reportSensitive: false }).problems).toEqual([]);
});

test('a setting spilt out of a curly-quoted list is the curly quote\'s finding, and no fix writes into the spoilt text', () => {
  const found = (text: string) => checkPasted(text, rules, { reportSensitive: false }).problems.map((p) => [p.code, p.fix?.description]);
  // Region reads as a top-level setting only because the list's quotes are curly: no wrong-level move (it would quote the list around the curly quote).
  expect(found('Profile=C:\\p\\AcmeLedger.apip;ProfileSettings=\u201cAPIKey=abc;Region=eu\u201d')).toEqual([['curly-quote', undefined]]);
  // A value opening with a curly quote and running on past a lost ";": it is not quoted around the curly quote; the lost ";" is restored first.
  expect(found("Profile=\u201cC:\\p\\AcmeLedger.apip\u201d\r\nProfileSettings='APIKey=abc'")).toEqual([
    ['unquoted-value-ends-with-quote', undefined],
    ['curly-quote', undefined],
    ['line-break-in-value', 'Add the missing ";" before ProfileSettings.'],
    ['missing-required', undefined],
  ]);
  // Under a ProfileSettings name an invisible character spoils, straight quotes alone would not put APIKey in place: it is missing.
  expect(found('Profile=C:\\p\\AcmeLedger.apip;ProfileS\u200bettings=\u201cAPIKey=abc\u201d').map(([code]) => code)).toContain('missing-required');
  expect(found('Profile=C:\\p\\AcmeLedger.apip;ProfileSettings=\u201cAPIKey=abc\u201d').map(([code]) => code)).toEqual(['curly-quote']);
  // Nor inside a ProfileSettings a later one overrides, nor under a second curly quote that sticks to the name.
  expect(found("Profile=C:\\p\\AcmeLedger.apip;ProfileSettings=\u201cAPIKey=abc\u201d;ProfileSettings='Region=eu'").map(([code]) => code)).toContain('missing-required');
  expect(found('Profile=C:\\p\\AcmeLedger.apip;ProfileSettings=\u201c\u2018APIKey=abc\u2019\u201d').map(([code]) => code)).toEqual(['curly-quote', 'missing-required']);
});

test('fix all may make a damaged Profile readable (a lost ";" restored), which keeps the file it names', () => {
  const text = 'Profile=C:\\profiles\\AcmeLedger.apip\r\nAuthScheme=BASIC;User=u;Password=p';
  expect(recognizeService(text, services).service).toBeUndefined();
  const fixed = fixAll(text, rules).text;
  expect(fixed).toBe('Profile=C:\\profiles\\AcmeLedger.apip;\r\nAuthScheme=BASIC;User=u;Password=p');
  expect(recognizeService(fixed, services).service?.id).toBe('acme');
});
