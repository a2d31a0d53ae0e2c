/**
 * The validator against the real catalog services (tests/fixtures/connstr/validate.json): codes,
 * severities, exact spans, properties, levels, message parts, and the text each fix produces.
 */
import { describe, expect, test } from 'vitest';
import { applyEdits, parseAny, validate, type Problem } from '../../../src/lib/connstr/index.ts';
import type { ResolvedService } from '../../../src/lib/providers/catalog.ts';
import { getCatalog } from '../../../src/lib/providers/load.ts';
import { validateCases } from './fixtures.ts';

const services = getCatalog().services;
function service(id: string): ResolvedService {
  const found = services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id} in the catalog`);
  return found;
}

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);
const sameProblem = (a: Problem, b: Problem) => a.code === b.code && a.property === b.property && a.level === b.level;

/** Messages are one sentence: no sentence break inside, a full stop (or a question mark) at the end. */
function expectOneSentence(message: string): void {
  expect(message).toMatch(/^\S[^]*[.?]$/);
  expect(message).not.toMatch(/[.?!]\s+[A-Z]/);
}

describe('validation table (tests/fixtures/connstr/validate.json)', () => {
  test.each(validateCases())('$name', (c) => {
    const svc = service(c.service);
    const problems = validate(c.input, svc, c.options);
    expect(problems.map((p) => p.code)).toEqual(c.problems.map((p) => p.code));
    problems.forEach((problem, i) => {
      const want = c.problems[i]!;
      const label = `${want.code} #${i}`;
      expect(problem.severity, label).toBe(want.severity);
      expect(slice(c.input, problem.span), label).toBe(want.span);
      if (want.start !== undefined) expect(problem.span.start, label).toBe(want.start);
      expect(problem.property ?? null, label).toBe(want.property);
      expect(problem.level, label).toBe(want.level);
      for (const part of want.message) expect(problem.message, label).toContain(part);
      expectOneSentence(problem.message);
      if (want.fix === null) {
        expect(problem.fix, label).toBeUndefined();
        return;
      }
      expect(problem.fix, label).toBeDefined();
      expectOneSentence(problem.fix!.description);
      const fixed = applyEdits(c.input, problem.fix!.edits);
      expect(fixed, label).toBe(want.fix);
      // The fix repairs what it is for: the problem is gone (or one fewer of a repeated one).
      const after = validate(fixed, svc, c.options);
      expect(after.filter((p) => sameProblem(p, problem)).length, label).toBeLessThan(problems.filter((p) => sameProblem(p, problem)).length);
    });
  });
});

describe('options and inputs', () => {
  const text = "Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=k';User=a;User=b;Broken='x";

  test('parse problems are included by default and can be left out', () => {
    const all = validate(text, service('intercom')).map((p) => p.code);
    expect(all).toEqual(expect.arrayContaining(['duplicate-key', 'unterminated-quote', 'sensitive']));
    const withoutParse = validate(text, service('intercom'), { includeParseProblems: false }).map((p) => p.code);
    expect(withoutParse).not.toContain('duplicate-key');
    expect(withoutParse).not.toContain('unterminated-quote');
    expect(withoutParse).toContain('unknown-property');
  });

  test('secrets are reported by default, and not when reportSensitive is false', () => {
    expect(validate(text, service('intercom')).filter((p) => p.code === 'sensitive')).toHaveLength(1);
    expect(validate(text, service('intercom'), { reportSensitive: false }).filter((p) => p.code === 'sensitive')).toEqual([]);
  });

  test('a parse result gives the same problems as its text', () => {
    expect(validate(parseAny(text), service('intercom'))).toEqual(validate(text, service('intercom')));
  });
});

/**
 * Two codes no catalog service can produce today (every service has an implied method or only one, and the
 * only required fixed value is the AuthScheme that selects the method), checked on variations of Intercom.
 */
describe('codes that need a service variation', () => {
  const intercom = service('intercom');

  test('missing-auth-scheme: two methods and none implied', () => {
    const variant: ResolvedService = { ...intercom, authMethods: intercom.authMethods.map((m) => ({ ...m, impliedWithoutAuthScheme: false })) };
    const text = "Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=k'";
    const problems = validate(text, variant, { reportSensitive: false });
    expect(problems.map((p) => [p.code, p.severity, p.property])).toEqual([['missing-auth-scheme', 'error', 'AuthScheme']]);
    expect(problems[0]!.span).toEqual({ start: text.length, end: text.length });
    expect(problems[0]!.message).toContain('add AuthScheme=NONE or OAUTH');
  });

  test('required-value: a value the method requires, written differently, with a fix', () => {
    const variant: ResolvedService = {
      ...intercom,
      authMethods: intercom.authMethods.map((m) =>
        m.id === 'oauth' ? { ...m, requires: m.requires.map((r) => (r.property === 'InitiateOAuth' ? { ...r, valueRule: 'required' as const } : r)) } : m,
      ),
    };
    const text = 'Profile=C:\\profiles\\Intercom.apip;AuthScheme=OAUTH;InitiateOAuth=REFRESH;OAuthClientId=i;OAuthClientSecret=s;CallbackURL=http://localhost:3333';
    const problems = validate(text, variant, { reportSensitive: false });
    expect(problems.map((p) => [p.code, p.severity, p.property, slice(text, p.span)])).toEqual([['required-value', 'error', 'InitiateOAuth', 'REFRESH']]);
    expect(problems[0]!.message).toContain('needs InitiateOAuth=GETANDREFRESH, not "REFRESH"');
    expect(applyEdits(text, problems[0]!.fix!.edits)).toBe(text.replace('REFRESH', 'GETANDREFRESH'));
  });
});
