/**
 * The last step of every check: no report shows a secret. Text that likely continues a secret's unquoted value
 * (`Password=ab;cd`: `cd`) gets one finding that says so without showing it, and any secret left in a message or
 * fix description is masked (../secrets.ts). Browser compatible, no side effects.
 */
import { lookupProperty } from '../service.ts';
import { maskProblems, secretTails, secretValues } from '../secrets.ts';
import type { ServiceRules } from '../rules.ts';
import type { ParseResult, Problem, ProblemCode } from '../types.ts';
import { messages } from './messages.ts';

/** Findings about a key, which would quote it: at a secret's tail the key is the secret's text. */
const KEY_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>(['missing-equals', 'semicolon-in-key', 'whitespace-control-in-key', 'unknown-property', 'noncanonical-name']);

export function concealSecrets(problems: Problem[], result: ParseResult, service: ServiceRules): Problem[] {
  const secrets = secretValues(result, [service]);
  if (secrets.length === 0) return problems;
  const tails = new Map(secretTails(result, secrets).map((t) => [t.span.start, t.entry]));
  if (tails.size > 0) {
    const told = new Set<number>();
    problems = problems.flatMap((p) => {
      const owner = KEY_CODES.has(p.code) ? tails.get(p.span.start) : undefined;
      if (!owner) return [p];
      // One finding per tail: the parser and the validator may each have something to say about that key.
      if (told.has(p.span.start)) return [];
      told.add(p.span.start);
      const name = lookupProperty(service, owner.key)?.property.name ?? owner.key;
      // No fix either: a rename or a removal there would act on the secret's text.
      const concealed: Problem = { ...p, message: messages.secretContinues(name) };
      delete concealed.fix;
      return [concealed];
    });
  }
  return maskProblems(problems, result, [service]);
}
