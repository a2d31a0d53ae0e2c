/**
 * The troubleshooting texts: one file per finding code, `content/troubleshooting/<code>.json`, in our own words
 * (what the code means, why the driver cares, how to fix it by hand, a string that draws it). The code is a closed
 * set (every code a finding can carry, `findingCodes`), so a misspelt file fails the build. Each entry's example is
 * run through the engine when the catalog loads (`troubleshootingExample`): its `before` must draw its code, and the
 * page's "after" is the engine's safe fixes applied, so a page cannot drift from the engine.
 */
import { checkPasted, findingTitles, fixAll, toolTitles, type FindingCode, type Problem } from '../connstr/index.ts';
import type { ResolvedService } from './resolved.ts';
import { rulesForBuild } from './rules.ts';

export {
  findingCodeSchema,
  troubleshootingEntrySchema,
  type TroubleshootingEntry,
  type TroubleshootingExample,
  type TroubleshootingPage,
} from './troubleshooting-entry.ts';
import type { TroubleshootingEntry, TroubleshootingExample } from './troubleshooting-entry.ts';

const drawsCode = (code: FindingCode, problems: readonly Problem[]) => problems.filter((p) => p.code === code);

/**
 * Runs the entry's example through the engine, as the Validate tab and `connstr lint` do (secrets noted, as the Validate
 * tab notes them). Returns a reason instead when the example does not show what it must.
 */
export function troubleshootingExample(entry: TroubleshootingEntry, service: ResolvedService): TroubleshootingExample | { error: string } {
  const { rules } = rulesForBuild(service, entry.example.build);
  const options = { reportSensitive: entry.code === 'sensitive' };
  const { before } = entry.example;
  if (entry.code in toolTitles) {
    // The callers' own codes: they are reported around the check, not by it, so there is nothing for the engine to draw or fix.
    return { service: service.id, before, drawn: [], fixedBy: entry.example.after ? 'hand' : 'none', ...(entry.example.after ? { after: entry.example.after } : {}), applied: [] };
  }
  const drawn = drawsCode(entry.code, checkPasted(before, rules, options).problems);
  if (entry.dormant !== undefined) {
    // Kept honest both ways: once the engine draws it, the entry must say so (remove `dormant`).
    if (drawn.length > 0) return { error: `example.before draws "${entry.code}" for ${service.id}: remove "dormant"` };
    return { service: service.id, before, drawn: [], fixedBy: entry.example.after ? 'hand' : 'none', ...(entry.example.after ? { after: entry.example.after } : {}), applied: [] };
  }
  if (drawn.length === 0) return { error: `example.before does not draw "${entry.code}" for ${service.id}` };
  const shown = drawn.map((p) => ({ severity: p.severity, message: p.message, ...(p.fix ? { fix: p.fix } : {}) }));
  const fixed = fixAll(before, rules, options);
  if (fixed.text !== before && drawsCode(entry.code, fixed.problems).length === 0) {
    return { service: service.id, before, drawn: shown, fixedBy: 'engine', after: fixed.text, applied: fixed.applied };
  }
  const after = entry.example.after;
  if (after === undefined) return { service: service.id, before, drawn: shown, fixedBy: 'none', applied: [] };
  if (drawsCode(entry.code, checkPasted(after, rules, options).problems).length > 0) {
    return { error: `example.after still draws "${entry.code}" for ${service.id}` };
  }
  return { service: service.id, before, drawn: shown, fixedBy: 'hand', after, applied: [] };
}

export const troubleshootingTitle = (code: FindingCode) => findingTitles[code];
