/**
 * Every example connection string is checked against its own service with the connection-string engine when
 * the catalog is loaded (so during `astro build` and every test): an example that would not work, or whose
 * verbatim vendor text means something else, fails the build with the file, the service and the problem.
 */
import { canonicalize, parseAny, resolveMethod, validate, type ServiceRules } from '../connstr/index.ts';
import type { Example } from './schema.ts';

/** A service as the engine reads it, with its id and examples (the catalog passes each resolved service). */
export type ServiceWithExamples = ServiceRules & { readonly id: string; readonly examples: readonly Example[] };

/** Problems an example may carry: it is a template, so placeholders and secrets are expected. */
const EXPECTED_IN_EXAMPLES = new Set(['placeholder-value', 'sensitive']);
/** The vendor's own spelling may differ in case only; these notes say so and are fine there. */
const CASE_ONLY = new Set(['noncanonical-name', 'enum-casing']);

/** Lists what is wrong with one service's examples, one line each (`service "id" › examples[i] "id": …`). */
export function exampleProblems(service: ServiceWithExamples): string[] {
  const problems: string[] = [];
  service.examples.forEach((example, index) => {
    const where = `service "${service.id}" › examples[${index}] "${example.id}"`;
    const canonical = example.connectionString;
    for (const problem of validate(canonical, service)) {
      if (EXPECTED_IN_EXAMPLES.has(problem.code)) continue;
      problems.push(`${where} › connectionString: ${problem.severity} ${problem.code} at ${problem.span.start}: ${problem.message}`);
    }
    const authScheme = [...parseAny(canonical).entries].reverse().find((e) => e.key.toLowerCase() === 'authscheme')?.value;
    const method = resolveMethod(service, authScheme ?? undefined);
    if (method?.id !== example.authMethod) {
      problems.push(
        `${where} › connectionString: selects the auth method "${method?.id ?? 'none'}", but the example is filed under "${example.authMethod}".`,
      );
    }
    if (canonicalize(canonical, service) !== canonical) {
      problems.push(`${where} › connectionString: not in canonical form; write ${canonicalize(canonical, service)}`);
    }
    if (example.vendorText !== undefined) {
      for (const problem of validate(example.vendorText, service)) {
        if (EXPECTED_IN_EXAMPLES.has(problem.code) || CASE_ONLY.has(problem.code)) continue;
        problems.push(`${where} › vendorText: ${problem.severity} ${problem.code} at ${problem.span.start}: ${problem.message}`);
      }
      if (canonicalize(example.vendorText, service) !== canonicalize(canonical, service)) {
        problems.push(`${where} › vendorText: does not mean the same settings as connectionString (canonical forms differ).`);
      }
    }
  });
  return problems;
}
