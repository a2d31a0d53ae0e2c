/**
 * Typed loader for the table-driven fixtures in tests/fixtures/connstr (facts copied from the grammar
 * reference and the vendor's example strings, so tests never read outside the project).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type PairValue = string | null;

export interface GrammarCase {
  name: string;
  input: string;
  /** Every entry in text order: [key, value] (value null for `key=`). */
  entries: [string, PairValue][];
  /** Problem codes, in position order. */
  problems: string[];
  /** The pairs in effect after builder semantics, when the case is about them. */
  effective?: [string, string][];
  /** Indexes of entries recovered from a syntax error (`entry.invalid`). */
  invalid?: number[];
  only?: boolean;
  skip?: boolean;
}

export interface ExampleCase {
  name: string;
  /** Where the string comes from (seed file or reference section). */
  source: string;
  input: string;
  entries: [string, string][];
  /** Entry index → the inner ProfileSettings pairs. */
  nested?: Record<string, [string, string][]>;
  /** Catalog service id and the auth method the string should select, for the seeds of our five services. */
  service?: string;
  method?: string;
}

export interface SerializeFixtures {
  serialize: { name: string; pairs: [string, string | [string, string][]][]; expected: string }[];
  invalidKeys: { name: string; key: string; reason: string }[];
  invalidValues: { name: string; pairs: [string, string][] }[];
}

/** One expected problem of a validation case. */
export interface ExpectedProblem {
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** The exact text the span covers. */
  span: string;
  /** Where the span starts, for spans whose text alone is ambiguous (empty spans). */
  start?: number;
  /** The canonical property, or null when the problem names none (unknown keys, parse notes). */
  property: string | null;
  /** Absent for the top level. */
  level?: 'profileSettings';
  /** Parts the message must contain. */
  message: string[];
  /** The whole text after applying the fix, or null when no fix may be offered. */
  fix: string | null;
}

export interface ValidateCase {
  name: string;
  /** Catalog service id. */
  service: string;
  input: string;
  options?: { reportSensitive?: boolean; includeParseProblems?: boolean };
  /** Every problem, in the order `validate` returns them (by position). */
  problems: ExpectedProblem[];
}

function load<T>(file: string, check: (data: unknown) => data is T): T {
  const path = fileURLToPath(new URL(`../../fixtures/connstr/${file}`, import.meta.url));
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!check(data)) throw new Error(`${file}: unexpected shape`);
  return data;
}

const hasArray = (key: string) => (data: unknown): boolean =>
  typeof data === 'object' && data !== null && Array.isArray((data as Record<string, unknown>)[key]);

/** Applies `only`/`skip` the way test.each cannot. */
function select<T extends { only?: boolean; skip?: boolean }>(cases: T[]): T[] {
  const only = cases.filter((c) => c.only);
  return (only.length > 0 ? only : cases).filter((c) => !c.skip);
}

export function grammarCases(): GrammarCase[] {
  const data = load('grammar.json', (d): d is { cases: GrammarCase[] } => hasArray('cases')(d));
  for (const c of data.cases) {
    if (typeof c.name !== 'string' || typeof c.input !== 'string' || !Array.isArray(c.entries) || !Array.isArray(c.problems)) {
      throw new Error(`grammar.json: malformed case ${JSON.stringify(c.name)}`);
    }
  }
  return select(data.cases);
}

export function exampleCases(): ExampleCase[] {
  return load('examples.json', (d): d is { examples: ExampleCase[] } => hasArray('examples')(d)).examples;
}

export function serializeFixtures(): SerializeFixtures {
  return load('serialize.json', (d): d is SerializeFixtures => hasArray('serialize')(d) && hasArray('invalidKeys')(d));
}

export function validateCases(): ValidateCase[] {
  const data = load('validate.json', (d): d is { cases: ValidateCase[] } => hasArray('cases')(d));
  for (const c of data.cases) {
    const wellFormed =
      typeof c.name === 'string' &&
      typeof c.service === 'string' &&
      typeof c.input === 'string' &&
      c.problems.every((p) => typeof p.code === 'string' && typeof p.span === 'string' && Array.isArray(p.message) && p.fix !== undefined && p.property !== undefined);
    if (!wellFormed) throw new Error(`validate.json: malformed case ${JSON.stringify(c.name)}`);
  }
  return data.cases;
}
