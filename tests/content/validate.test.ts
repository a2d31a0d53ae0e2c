/**
 * The validator against the real catalog services (tests/fixtures/connstr/validate.json): codes, severities,
 * exact spans, properties, levels, message parts, and the text each fix produces, for strings written for the
 * five services content/ defines. The validator's options and the codes no real service produces are tested
 * on the fixture service in tests/lib/connstr/validate.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { applyEdits, validate, type Problem, type ServiceRules } from '../../src/lib/connstr/index.ts';
import { getCatalog } from '../../src/lib/providers/load.ts';
import { serviceRules } from '../../src/lib/providers/rules.ts';
import { validateCases } from '../lib/connstr/fixtures.ts';

const services = getCatalog().services;
function service(id: string): ServiceRules {
  const found = services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id} in the catalog`);
  return serviceRules(found);
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
