/**
 * The validator's options, inputs and the codes that need a service variation, on the `acme` fixture service
 * (tests/support/acme.ts) and inline variations of it. The table of strings written for the real services
 * (tests/fixtures/connstr/validate.json) runs in tests/content/validate.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { applyEdits, checkPasted, parseAny, validate, type Problem } from '../../../src/lib/connstr/index.ts';
import type { ServiceRules } from '../../../src/lib/connstr/index.ts';
import { acmeRules } from '../../support/acme.ts';

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);
const sameProblem = (a: Problem, b: Problem) => a.code === b.code && a.property === b.property && a.level === b.level;

/** Messages are one sentence: no sentence break inside, a full stop (or a question mark) at the end. */
function expectOneSentence(message: string): void {
  expect(message).toMatch(/^\S[^]*[.?]$/);
  expect(message).not.toMatch(/[.?!]\s+[A-Z]/);
}

const s = acmeRules();

describe('options and inputs', () => {
  const text = "Profile=C:\\profiles\\AcmeLedger.apip;ProfileSettings='APIKey=k';User=a;User=b;Broken='x";

  test('parse problems are included by default and can be left out', () => {
    const all = validate(text, s).map((p) => p.code);
    expect(all).toEqual(expect.arrayContaining(['duplicate-key', 'unterminated-quote', 'sensitive']));
    const withoutParse = validate(text, s, { includeParseProblems: false }).map((p) => p.code);
    expect(withoutParse).not.toContain('duplicate-key');
    expect(withoutParse).not.toContain('unterminated-quote');
    expect(withoutParse).toContain('unknown-property');
  });

  test('secrets are reported by default, and not when reportSensitive is false', () => {
    expect(validate(text, s).filter((p) => p.code === 'sensitive')).toHaveLength(1);
    expect(validate(text, s, { reportSensitive: false }).filter((p) => p.code === 'sensitive')).toEqual([]);
  });

  test('a parse result gives the same problems as its text', () => {
    expect(validate(parseAny(text), s)).toEqual(validate(text, s));
  });
});

/**
 * Two codes no catalog service can produce today (every service has an implied method or only one, and the
 * only required fixed value is the AuthScheme that selects the method), checked on variations of acme.
 */
describe('codes that need a service variation', () => {

  test('missing-auth-scheme: several methods and none implied', () => {
    const variant: ServiceRules = { ...s, authMethods: s.authMethods.map((m) => ({ ...m, impliedWithoutAuthScheme: false })) };
    const text = "Profile=C:\\profiles\\AcmeLedger.apip;ProfileSettings='APIKey=k'";
    const problems = validate(text, variant, { reportSensitive: false });
    expect(problems.map((p) => [p.code, p.severity, p.property])).toEqual([['missing-auth-scheme', 'error', 'AuthScheme']]);
    expect(problems[0]!.span).toEqual({ start: text.length, end: text.length });
    // Every method's AuthScheme value, in the service's method order.
    expect(problems[0]!.message).toContain('Acme Ledger has no default sign-in method');
    expect(problems[0]!.message).toContain('add AuthScheme=NONE, OAUTH or BASIC');
    expectOneSentence(problems[0]!.message);
  });

  test('required-value: a value the method requires, written differently, with a fix', () => {
    const variant: ServiceRules = {
      ...s,
      authMethods: s.authMethods.map((m) =>
        m.id === 'oauth' ? { ...m, requires: m.requires.map((r) => (r.property === 'InitiateOAuth' ? { ...r, valueRule: 'required' as const } : r)) } : m,
      ),
    };
    const text = 'Profile=C:\\profiles\\AcmeLedger.apip;AuthScheme=OAUTH;InitiateOAuth=REFRESH;OAuthClientId=i;OAuthClientSecret=s;CallbackURL=http://localhost:3333';
    const problems = validate(text, variant, { reportSensitive: false });
    expect(problems.map((p) => [p.code, p.severity, p.property, slice(text, p.span)])).toEqual([['required-value', 'error', 'InitiateOAuth', 'REFRESH']]);
    expect(problems[0]!.message).toContain('needs InitiateOAuth=GETANDREFRESH, not "REFRESH"');
    expectOneSentence(problems[0]!.message);
    const fixed = applyEdits(text, problems[0]!.fix!.edits);
    expect(fixed).toBe(text.replace('REFRESH', 'GETANDREFRESH'));
    // The fix repairs what it is for.
    expect(validate(fixed, variant, { reportSensitive: false }).filter((p) => sameProblem(p, problems[0]!))).toEqual([]);
  });
});

describe('fixes that would land inside an open quote', () => {
  test('a missing setting is added at the end, unless a quote left open runs to the end (the addition would be inside it)', () => {
    const closed = 'Profile=C:\\p\\AcmeLedger.apip;AuthScheme=OAUTH;OAuthClientId=abc';
    const add = (text: string) => validate(text, s).find((p) => p.code === 'missing-required' && p.property === 'InitiateOAuth');
    expect(add(closed)?.fix?.edits).toEqual([{ start: closed.length, end: closed.length, text: ';InitiateOAuth=GETANDREFRESH' }]);
    const open = "Profile=C:\\p\\AcmeLedger.apip;AuthScheme=OAUTH;OAuthClientId='abc";
    expect(add(open)).toBeDefined();
    expect(add(open)?.fix).toBeUndefined();
  });
});

test('an unquoted ProfileSettings takes in the settings after it, a pasted invisible character in a name or not', () => {
  for (const gap of ['', '\u200b']) {
    const text = `Profile=C:\\p\\AcmeLedger.apip;ProfileSettings=APIKey=k;${gap}Region=eu`;
    const problem = checkPasted(text, s).problems.find((p) => p.code === 'unquoted-profile-settings');
    expect(problem?.severity, JSON.stringify(gap)).toBe('error');
    expect(problem?.fix?.description).toBe(`Quote the list, taking in ${gap}Region.`);
  }
});

test('a profile named without a folder is accepted, as the vendor\'s examples for some services print it', () => {
  for (const profile of ['AcmeLedger.apip', 'acmeledger.APIP', 'C:\\profiles\\AcmeLedger.apip']) {
    const problems = validate(`Profile=${profile};ProfileSettings='APIKey=k'`, s).filter((p) => p.property === 'Profile');
    expect(problems, profile).toEqual([]);
  }
});

test('a setting of the service\'s own that goes at the top level is not called a driver property', () => {
  const own: ServiceRules = {
    ...s,
    properties: s.properties.map((p) => (p.name === 'Region' ? { ...p, placement: 'top' as const } : p)),
  };
  const [problem] = validate("Profile=C:\\p\\AcmeLedger.apip;ProfileSettings='APIKey=k;Region=eu'", own).filter((p) => p.code === 'wrong-level');
  expect(problem?.message).toBe('Region goes at the top level of the string for this service, where its vendor\'s example writes it; move it out of ProfileSettings.');
  const [driver] = validate("Profile=C:\\p\\AcmeLedger.apip;ProfileSettings='APIKey=k;Timeout=5'", s).filter((p) => p.code === 'wrong-level');
  expect(driver?.message).toMatch(/^Timeout is a driver property/);
});


test('a property the method ignores gets no removal fix while text follows its closing quote (it would be left behind, glued to the value before)', () => {
  const ignored = (text: string) => validate(text, s).find((p) => p.code === 'ignored-by-method' && p.property === 'OAuthClientId');
  const broken = "Profile=C:\\p\\AcmeLedger.apip;ProfileSettings='APIKey=k';OAuthClientId=''abc\"''";
  expect(validate(broken, s).map((p) => p.code)).toContain('text-after-quote');
  expect(ignored(broken)).toBeDefined();
  expect(ignored(broken)?.fix).toBeUndefined();
  // The same entry with its quoting intact, or with a space before the ";", is removed whole.
  for (const text of ["Profile=C:\\p\\AcmeLedger.apip;ProfileSettings='APIKey=k';OAuthClientId='abc'", "Profile=C:\\p\\AcmeLedger.apip;ProfileSettings='APIKey=k';OAuthClientId='abc' ;Timeout=5"]) {
    expect(applyEdits(text, ignored(text)!.fix!.edits), text).toBe(text.replace(/;OAuthClientId='abc' ?/, ''));
  }
});

test('an unquoted ProfileSettings takes in a setting after it whose bare value ends in a quote, not one with text after its closing quote', () => {
  const unquoted = (text: string) => checkPasted(text, s).problems.find((p) => p.code === 'unquoted-profile-settings');
  const endsInQuote = 'Profile=C:\\p\\AcmeLedger.apip;ProfileSettings=APIKey=k;Region=eu"';
  expect(unquoted(endsInQuote)?.severity).toBe('error');
  expect(unquoted(endsInQuote)?.fix?.description).toBe('Quote the list, taking in Region.');
  // Quoted as a list, the value keeps its quote; the quote is still reported, now inside ProfileSettings.
  const fixed = applyEdits(endsInQuote, unquoted(endsInQuote)!.fix!.edits);
  expect(fixed).toBe(`Profile=C:\\p\\AcmeLedger.apip;ProfileSettings='APIKey=k;Region=eu"'`);
  expect(validate(fixed, s).map((p) => [p.code, p.level])).toContainEqual(['unquoted-value-ends-with-quote', 'profileSettings']);
  // Text after a closing quote is not in the entry's span: quoting the list up to it would leave that text out.
  const afterQuote = "Profile=C:\\p\\AcmeLedger.apip;ProfileSettings=APIKey=k;Region='eu'x";
  expect(unquoted(afterQuote)?.severity).toBe('info');
});
