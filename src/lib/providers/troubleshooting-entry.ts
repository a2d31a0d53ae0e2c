/**
 * The shape of a troubleshooting text (`content/troubleshooting/<code>.json`) and of the page made from it: the zod
 * schema and the types the resolved catalog holds. Kept apart from the checks that run each example
 * (troubleshooting.ts), which need the catalog's types in turn.
 */
import { z } from 'astro/zod';
import { findingCodes, type FindingCode, type Problem } from '../connstr/index.ts';

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

/** An entry with its title and checked example: what the page, its Markdown twin and /troubleshooting.json show. */
export type TroubleshootingPage = TroubleshootingEntry & { title: string; checked: TroubleshootingExample };
