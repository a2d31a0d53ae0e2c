/**
 * Every example connection string is checked against its own service with the connection-string engine when
 * the catalog is loaded (so during `astro build` and every test): an example that would not work, or whose
 * verbatim vendor text means something else, fails the build with the file, the service and the problem.
 */
import { canonicalize, quoteNestedValue, selectMethod, serialize, validate } from '../connstr/index.ts';
import type { ResolvedBuild, ResolvedService } from './resolved.ts';
import { serviceRules } from './rules.ts';
import type { Property } from './schema.ts';

/** Problems an example may carry: it is a template, so placeholders and secrets are expected. */
const EXPECTED_IN_EXAMPLES = new Set(['placeholder-value', 'sensitive']);
/** The vendor's own spelling may differ in case only; these notes say so and are fine there. */
const CASE_ONLY = new Set(['noncanonical-name', 'enum-casing']);

/** Lists what is wrong with one service's examples, one line each (`service "id" › examples[i] "id": …`). */
export function exampleProblems(service: ResolvedBuild): string[] {
  const problems: string[] = [];
  const rules = serviceRules(service);
  service.examples.forEach((example, index) => {
    const where = `service "${service.id}" › examples[${index}] "${example.id}"`;
    const canonical = example.connectionString;
    for (const problem of validate(canonical, rules)) {
      if (EXPECTED_IN_EXAMPLES.has(problem.code)) continue;
      problems.push(`${where} › connectionString: ${problem.severity} ${problem.code} at ${problem.span.start}: ${problem.message}`);
    }
    const { method } = selectMethod(rules, canonical);
    if (method?.id !== example.authMethod) {
      problems.push(
        `${where} › connectionString: selects the auth method "${method?.id ?? 'none'}", but the example is filed under "${example.authMethod}".`,
      );
    }
    if (canonicalize(canonical, rules) !== canonical) {
      problems.push(`${where} › connectionString: not in canonical form; write ${canonicalize(canonical, rules)}`);
    }
    if (example.vendorText !== undefined) {
      for (const problem of validate(example.vendorText, rules)) {
        if (EXPECTED_IN_EXAMPLES.has(problem.code) || CASE_ONLY.has(problem.code)) continue;
        problems.push(`${where} › vendorText: ${problem.severity} ${problem.code} at ${problem.span.start}: ${problem.message}`);
      }
      if (canonicalize(example.vendorText, rules) !== canonicalize(canonical, rules)) {
        problems.push(`${where} › vendorText: does not mean the same settings as connectionString (canonical forms differ).`);
      }
    }
  });
  return problems;
}

/**
 * Problems a connection-string fragment shown in prose may carry: it shows one or two settings, not a whole
 * working string, so the missing Profile, AuthScheme or method settings are expected, as are placeholders.
 */
const EXPECTED_IN_FRAGMENTS = new Set([
  ...EXPECTED_IN_EXAMPLES,
  'missing-profile',
  'missing-auth-scheme',
  'missing-required',
  'ignored-by-method',
]);

/** Problems of a fragment for one service (empty when it reads cleanly there), one line each. */
export function fragmentProblems(text: string, service: ResolvedService): string[] {
  return validate(text, serviceRules(service))
    .filter((problem) => !EXPECTED_IN_FRAGMENTS.has(problem.code))
    .map((problem) => `${problem.severity} ${problem.code}: ${problem.message}`);
}

/**
 * The services a fragment reads cleanly for. A fragment in shared text (the reference) only has to work for
 * one service; `fragmentServices(text, services).length === 0` means no page could use it as shown.
 */
export function fragmentServices(text: string, services: readonly ResolvedService[]): ResolvedService[] {
  return services.filter((service) => fragmentProblems(text, service).length === 0);
}

/** `Name=value` as written in a string: a ProfileSettings entry inside ProfileSettings, a nested value quoted. */
export function propertyExampleText(property: Pick<Property, 'name' | 'placement' | 'type' | 'example'>): string | undefined {
  if (property.example === undefined) return undefined;
  if (property.placement === 'profileSettings') return serialize([['ProfileSettings', [[property.name, property.example]]]]);
  if (property.type === 'nested') return `${property.name}=${quoteNestedValue(property.example)}`;
  return serialize([[property.name, property.example]]);
}

/** Inline code spans of a prose text (`…` in backticks), in order. */
export function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}

/** A `Name=value` written in running text, outside backticks (so no check would see it). */
const BARE_PAIR = /\b[A-Za-z][A-Za-z0-9]*=(?!=)\S/;

/**
 * Connection strings in the catalog's prose: remarks may show them in backticks, and each must read cleanly
 * (as a fragment) for at least one service that uses the text; every property example must too. Text outside
 * backticks may not hold a `Name=value` at all (write it in words, or in backticks so it is checked).
 */
export function proseProblems(shared: readonly Property[], services: readonly ResolvedService[]): string[] {
  const problems: string[] = [];
  const check = (at: string, text: string, candidates: readonly ResolvedService[]) => {
    if (fragmentServices(text, candidates).length > 0) return;
    const sample = candidates[0];
    const detail = sample ? fragmentProblems(text, sample).join('; ') : 'no service to check it against';
    problems.push(`${at}: the connection string ${JSON.stringify(text)} is wrong for every service that shows it (${sample?.id ?? 'none'}: ${detail})`);
  };
  const prose = (at: string, text: string | undefined, candidates: readonly ResolvedService[]) => {
    if (text === undefined) return;
    const outside = text.replace(/`[^`]*`/g, '');
    if (BARE_PAIR.test(outside)) problems.push(`${at}: write connection strings in backticks so they are checked, or say it in words: ${JSON.stringify(outside.match(BARE_PAIR)![0])}`);
    for (const span of codeSpans(text)) if (span.includes('=')) check(at, span, candidates);
  };
  for (const property of shared) {
    const at = `property "${property.name}"`;
    // Shared text is shown on the reference page, for whichever service accepts the property.
    const users = services.filter((s) => s.properties.some((p) => p.name === property.name));
    prose(`${at} › summary`, property.summary, users);
    prose(`${at} › remarks`, property.remarks, users);
    const example = propertyExampleText(property);
    if (example !== undefined) check(`${at} › example`, example, users);
  }
  for (const service of services) {
    // Text shown outside the reference (steps, sources, corrections, the builder's hints) renders no code
    // spans, so it may not hold a connection string at all.
    const plain = (at: string, text: string | undefined) => {
      if (text !== undefined && BARE_PAIR.test(text)) problems.push(`service "${service.id}" › ${at}: say it in words instead of writing a connection string here: ${JSON.stringify(text.match(BARE_PAIR)![0])}`);
    };
    plain('overview', service.overview);
    const decisions = [...service.decisions, ...service.authMethods.flatMap((m) => m.decisions), ...service.properties.flatMap((p) => p.decisions)];
    decisions.forEach((d, i) => {
      plain(`decision ${i + 1}`, d.issue);
      plain(`decision ${i + 1}`, d.decision);
    });
    for (const method of service.authMethods) {
      plain(`auth method "${method.id}" › whenToUse`, method.whenToUse);
      method.steps.forEach((step, i) => plain(`auth method "${method.id}" › steps[${i}]`, step.text));
      method.requires.forEach((req, i) => plain(`auth method "${method.id}" › requires[${i}].source`, req.source));
    }
    for (const property of service.properties) {
      if (property.origin === 'shared') plain(`property "${property.name}" › summary`, property.summary);
      if (property.origin === 'service') {
        prose(`service "${service.id}" › property "${property.name}" › remarks`, property.remarks, [service]);
        const example = propertyExampleText(property);
        if (example !== undefined) check(`service "${service.id}" › property "${property.name}" › example`, example, [service]);
      }
    }
  }
  return problems;
}
