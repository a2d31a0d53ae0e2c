/**
 * Real-world pasting damage (tests/fixtures/connstr/paste-damage.ts): each gets its finding at the exact
 * pasted text, and its fix gives the expected text; "fix all" gives the expected result and then has
 * nothing left to do.
 */
import { describe, expect, test } from 'vitest';
import { applyEdits, checkPasted, fixAll } from '../../src/lib/connstr/index.ts';
import { getCatalog } from '../../src/lib/providers/load.ts';
import { serviceRules } from '../../src/lib/providers/rules.ts';
import { damageCases } from '../fixtures/connstr/paste-damage.ts';

const catalog = getCatalog();
const service = (id: string) => serviceRules(catalog.services.find((s) => s.id === id)!);

describe.each(damageCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  const { problems } = checkPasted(c.input, service(c.service));

  test('each expected finding, at the pasted text it is about, with its fix', () => {
    for (const expected of c.findings) {
      const found = problems.filter((p) => p.code === expected.code && c.input.slice(p.span.start, p.span.end) === expected.marked);
      expect(found.length, `${expected.code} at ${JSON.stringify(expected.marked)} in ${JSON.stringify(problems.map((p) => [p.code, c.input.slice(p.span.start, p.span.end)]))}`).toBeGreaterThan(0);
      if (expected.fixed === undefined) continue;
      const fixes = found.map((p) => (p.fix ? applyEdits(c.input, p.fix.edits) : null));
      expect(fixes).toContain(expected.fixed);
    }
    if (c.findings.length === 0) expect(problems.filter((p) => p.severity !== 'info' && p.code !== 'sensitive')).toEqual([]);
  });

  test('codes that must not be reported', () => {
    for (const code of c.absent ?? []) expect(problems.map((p) => p.code)).not.toContain(code);
  });

  // Registered only where the table gives an expected result (no skipped tests).
  const expected = c.fixAll;
  if (expected !== undefined)
    test('fix all safe problems, in one step', () => {
    const once = fixAll(c.input, service(c.service));
    expect(once.text).toBe(expected);
    expect(once.applied.length).toBeGreaterThan(0);
    expect(fixAll(once.text, service(c.service)).applied).toEqual([]);
  });
});
