/**
 * `.env` files whose connection string is assembled from other variables (`DB="Profile=${DB_PROFILE};…"`, the
 * engine's .env form): the string is checked as the variables expand it, and each character is reported where it is
 * written (a value inside its own variable's line). Pure: no I/O.
 *
 * Runs under Node's type stripping: explicit `.ts` imports, no TS-only syntax.
 */
import { envAssignments, expandAssignment, type EnvAssignment } from '../lib/connstr/index.ts';
import type { Found } from './sources.ts';

/** A string found in a .env file, expanded: the variables it reads (their lines hold its values), and where each character ends. */
export type Assembled = { found: Found; references: EnvAssignment[]; ends: number[] };

/**
 * The strings of a .env file with their `${NAME}` references expanded (to variables set earlier in the file).
 * A string without references is returned as it was found.
 */
export function expandEnvStrings(text: string, found: readonly Found[]): { found: Found; assembled?: Assembled }[] {
  const assignments = envAssignments(text);
  if (!assignments) return found.map((f) => ({ found: f }));
  const earlier = new Map<string, EnvAssignment>();
  const expanded = new Map<number, ReturnType<typeof expandAssignment>>();
  for (const assignment of assignments) {
    const result = expandAssignment(assignment, earlier);
    if (result.references.length > 0) expanded.set(assignment.raw.start, result);
    earlier.set(assignment.name, assignment);
  }
  return found.map((f) => {
    const result = expanded.get(f.start);
    if (!result) return { found: f };
    const last = f.offsets[f.offsets.length - 1] ?? f.end;
    const next: Found = { ...f, value: result.text, offsets: [...result.starts, last] };
    return { found: next, assembled: { found: next, references: result.references.map((r) => r.assignment), ends: result.ends } };
  });
}

/**
 * Where each secret span of an expanded string is written in the file (`spans` index the expanded string), so
 * `redact` can mask the variables that hold them.
 */
export function writtenRanges(assembled: Assembled, spans: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  return spans.filter((s) => s.end > s.start).map((s) => ({ start: assembled.found.offsets[s.start]!, end: assembled.ends[s.end - 1]! }));
}
