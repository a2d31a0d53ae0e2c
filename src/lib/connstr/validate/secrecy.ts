/**
 * The last step of every check: no report shows a secret. Text that likely continues a secret's unquoted value
 * (`Password=ab;cd`: `cd`) gets one finding that says so without showing it, and any secret left in a message or
 * fix description is masked (../secrets.ts). Browser compatible, no side effects.
 */
import { foldKey } from '../chars.ts';
import { maskProblems, secretTails, secretValues, type SecretRules } from '../secrets.ts';
import type { ParseResult, Problem, ProblemCode } from '../types.ts';
import { messages } from '../messages.ts';

/** Findings about a key, which would quote it: at a secret's tail the key is the secret's text. */
const KEY_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>(['missing-equals', 'semicolon-in-key', 'whitespace-control-in-key', 'unknown-property', 'noncanonical-name']);

/**
 * The problems of `result` as a report may show them. `services`: the service the string was checked against, or
 * every service when none is known (a property sensitive in any of them counts as secret).
 */
export function concealSecrets(problems: Problem[], result: ParseResult, services: readonly SecretRules[]): Problem[] {
  const secrets = secretValues(result, services);
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
      const name = canonicalName(services, owner.key);
      // No fix either: a rename or a removal there would act on the secret's text.
      const concealed: Problem = { ...p, message: messages.secretContinues(name) };
      delete concealed.fix;
      return [concealed];
    });
  }
  return maskProblems(problems, result, services);
}

/** The documented spelling of a key, when a service documents it. */
function canonicalName(services: readonly SecretRules[], key: string): string {
  const folded = foldKey(key.trim());
  for (const service of services) {
    const property = service.properties.find((p) => foldKey(p.name) === folded || p.aliases.some((a) => foldKey(a) === folded));
    if (property) return property.name;
  }
  return key.trim();
}
