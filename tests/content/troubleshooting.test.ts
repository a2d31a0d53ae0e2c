/**
 * One troubleshooting page per finding code, and no page without a code: content/troubleshooting holds exactly one
 * file per code the engine, the CLI and the MCP server can report, and each example is checked (the loader runs it
 * through the engine: its before draws the code; its after, the engine's fix or the hand fix, does not).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { checkPasted, findingCodes, toolTitles } from '../../src/lib/connstr/index.ts';
import { contentDir, loadCatalog } from '../../src/lib/providers/load.ts';
import { serviceRules, serviceRulesAt } from '../../src/lib/providers/rules.ts';

const catalog = loadCatalog();
const files = readdirSync(join(contentDir(), 'troubleshooting')).filter((n) => n.endsWith('.json')).map((n) => n.replace(/\.json$/, ''));

test('every finding code has a troubleshooting file, and every file is a finding code', () => {
  expect(findingCodes.filter((c) => !files.includes(c))).toEqual([]);
  expect(files.filter((f) => !(findingCodes as readonly string[]).includes(f))).toEqual([]);
  expect(catalog.troubleshooting?.map((t) => t.code)).toEqual(findingCodes);
});

test.each(catalog.troubleshooting ?? [])('$code: its example draws it, and its after does not', (page) => {
  const service = catalog.services.find((s) => s.id === page.checked.service)!;
  const rules = (page.example.build ? serviceRulesAt(service, page.example.build) : undefined) ?? serviceRules(service);
  const options = { reportSensitive: page.code === 'sensitive' };
  const codes = (text: string) => checkPasted(text, rules, options).problems.map((p) => p.code);
  if (page.code === 'unknown-service') {
    expect(catalog.services.some((s) => page.checked.before.includes(s.profileFile))).toBe(false);
  } else if (page.code in toolTitles) {
    expect(page.checked.drawn).toEqual([]);
  } else if (page.dormant) {
    expect(codes(page.checked.before)).not.toContain(page.code);
  } else {
    expect(codes(page.checked.before)).toContain(page.code);
  }
  if (page.checked.after !== undefined) expect(codes(page.checked.after)).not.toContain(page.code);
  expect(['engine', 'hand', 'none']).toContain(page.checked.fixedBy);
});
