/**
 * The troubleshooting texts: one file per finding code, `content/troubleshooting/<code>.json`, in our own words
 * (what the code means, why the driver cares, how to fix it by hand, a string that draws it). The code is a closed
 * set (every code a finding can carry, `findingCodes`), so a misspelt file fails the build. Each entry's example is
 * run through the engine when the catalog loads (`troubleshootingExample`): its `before` must draw its code, and the
 * page's "after" is the engine's safe fixes applied, so a page cannot drift from the engine.
 */
import { z } from 'astro/zod';
import { checkPasted, findingCodes, findingTitles, fixAll, toolTitles, type FindingCode, type Problem } from '../connstr/index.ts';
import type { ResolvedService } from './resolved.ts';
import { serviceRules, serviceRulesAt } from './rules.ts';

export const findingCodeSchema = z.enum(findingCodes as [FindingCode, ...FindingCode[]]);

export const troubleshootingEntrySchema = z
  .object({
    code: findingCodeSchema.describe('The finding code this entry explains; the file is named after it.'),
    meaning: z.string().min(1).describe('What the code means, in our words.'),
    why: z.string().min(1).describe('Why the driver cares: what happens when the string is used as it is.'),
    fix: z.string().min(1).describe('How to fix it by hand.'),
    example: z
      .object({
        service: z.string().min(1).describe('The id of the service the example string is checked against.'),
        before: z.string().min(1).describe('A string that draws this code.'),
        build: z.string().min(1).optional().describe('The driver build the string is checked against (default: the newest documented).'),
        after: z
          .string()
          .min(1)
          .optional()
          .describe('The string fixed by hand, for a code the engine has no safe fix for; it must not draw the code.'),
      })
      .strict(),
    inference: z.boolean().describe('True when no source says it and the text is our reading.'),
    dormant: z
      .string()
      .min(1)
      .optional()
      .describe('Why no service in the catalog draws this code today (its example is then shown as what would draw it); the build fails once the example does draw it.'),
  })
  .strict();

export type TroubleshootingEntry = z.infer<typeof troubleshootingEntrySchema>;

/** The example of an entry as the page shows it: the findings of `before`, and the string fixed (by the engine or by hand). */
export type TroubleshootingExample = {
  service: string;
  before: string;
  /** The findings of `before` with this entry's code (at least one). */
  drawn: Pick<Problem, 'severity' | 'message' | 'fix'>[];
  /** `engine`: the checker's safe fixes remove the code; `hand`: the entry's own `after`; `none`: neither (the text says what to do). */
  fixedBy: 'engine' | 'hand' | 'none';
  after?: string;
  /** What the engine's fixes did, one sentence each (only for `engine`). */
  applied: string[];
};

const drawsCode = (code: FindingCode, problems: readonly Problem[]) => problems.filter((p) => p.code === code);

/**
 * Runs the entry's example through the engine, as the Validate tab and `connstr lint` do (secrets noted, as the Validate
 * tab notes them). Returns a reason instead when the example does not show what it must.
 */
export function troubleshootingExample(entry: TroubleshootingEntry, service: ResolvedService): TroubleshootingExample | { error: string } {
  const rules = (entry.example.build !== undefined ? serviceRulesAt(service, entry.example.build) : undefined) ?? serviceRules(service);
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

/** An entry with its title and checked example: what the page, its Markdown twin and /troubleshooting.json show. */
export type TroubleshootingPage = TroubleshootingEntry & { title: string; checked: TroubleshootingExample };

export const troubleshootingTitle = (code: FindingCode) => findingTitles[code];
