/**
 * What the troubleshooting pages show, derived once from the catalog's checked entries (src/lib/providers/
 * troubleshooting.ts): the index, each code's page and its Markdown twin, and `/troubleshooting.json` with its JSON
 * Schema. Pure: the pages and endpoints pass the catalog and the URL rule.
 */
import { z } from 'astro/zod';
import { validate, type FindingCode } from '../connstr/index.ts';
import type { Catalog, ResolvedService } from '../providers/catalog.ts';
import { serviceRules } from '../providers/rules.ts';
import type { ExampleVerdict } from '../providers/schema.ts';
import { serviceLabel } from '../providers/service-facts.ts';
import { findingCodeSchema, type TroubleshootingPage } from '../providers/troubleshooting.ts';
import { href, markdownPath, servicePath, troubleshootingPath, type UrlOf } from './paths.ts';

export const troubleshootingText = {
  title: 'Troubleshooting',
  description: 'Every finding the validator, the connstr CLI and the MCP server report, by code: what it means, why the driver cares, how to fix it, with an example checked by the engine.',
  lead: 'Each finding of the Validate tab, the connstr CLI and the MCP server carries a code and links here. Every page says what the code means, why the driver cares and how to fix it by hand, with an example the build runs through the same checker, so the page cannot disagree with it.',
  path: () => href('troubleshooting/'),
  inference: 'Our inference: no vendor source states this; it is our reading of the driver’s behavior and the grammar.',
  sourced: 'Based on the connection-string grammar and the vendor’s pages for the service.',
} as const;

/** Control, invisible and non-breaking characters written as `⟨U+XXXX⟩`, so an example shows what the checker sees. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00a0\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;
export const visible = (text: string) => text.replace(INVISIBLE, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
/** The example shows a character that stands for another. */
const hasInvisible = (text: string) => new RegExp(INVISIBLE.source).test(text);

/** How the site's checks label a shown string: the worst severity `validate` gives it (notes count as valid). */
function verdictOf(shown: string, service: ResolvedService): ExampleVerdict {
  const problems = validate(shown.trim(), serviceRules(service), { reportSensitive: false });
  return problems.some((p) => p.severity === 'error') ? 'error' : problems.some((p) => p.severity === 'warning') ? 'warning' : 'valid';
}

const labelFor = (verdict: ExampleVerdict, what: string) =>
  verdict === 'error' ? `Error example: ${what}` : verdict === 'warning' ? `Example that warns: ${what}` : `Example: ${what}`;

export type ShownString = { code: string; verdict: ExampleVerdict; label: string };

export type ExampleView = {
  service: ResolvedService;
  serviceName: string;
  before: ShownString;
  after?: ShownString;
  /** Says who fixed the "after" (the checker, by hand) or that there is nothing to fix in the string. */
  afterNote: string;
  /** The findings the checker gives `before` for this code (messages already masked). */
  drawn: { severity: string; message: string; fix?: string }[];
  /** Characters stood in for by ⟨U+…⟩. */
  escaped: boolean;
};

export function exampleView(page: TroubleshootingPage, catalog: Catalog): ExampleView {
  const service = catalog.services.find((s) => s.id === page.checked.service)!;
  const shown = (text: string, what: string): ShownString => {
    const code = visible(text);
    const verdict = verdictOf(code, service);
    return { code, verdict, label: labelFor(verdict, what) };
  };
  const { checked } = page;
  const afterNote =
    page.dormant !== undefined
      ? `No service draws this code today: ${page.dormant}`
      : checked.fixedBy === 'engine'
        ? `After the checker’s safe fixes (Fix all in the Validate tab, connstr fix): ${checked.applied.join(' ')}`
        : checked.fixedBy === 'hand'
          ? page.code === 'unknown-service'
            ? 'Fixed by hand: the Profile names the service’s file.'
            : 'The checker has no safe fix for this: it cannot know what you meant. Fixed by hand, as described above:'
          : 'There is nothing to change in the string itself: follow the advice above.';
  return {
    service,
    serviceName: serviceLabel(service),
    before: shown(checked.before, `before, for ${serviceLabel(service)}`),
    ...(checked.after !== undefined ? { after: shown(checked.after, `after, for ${serviceLabel(service)}`) } : {}),
    afterNote,
    drawn: checked.drawn.map((p) => ({ severity: p.severity, message: p.message, ...(p.fix ? { fix: p.fix.description } : {}) })),
    escaped: hasInvisible(checked.before) || hasInvisible(checked.after ?? ''),
  };
}

export const troubleshootingPages = (catalog: Catalog): TroubleshootingPage[] => catalog.troubleshooting ?? [];

/** `/troubleshooting.json`: every code, its words, its page and its checked example. */
export const publicTroubleshootingSchema = z
  .object({
    $schema: z.string(),
    codes: z.array(
      z.object({
        code: findingCodeSchema,
        title: z.string(),
        meaning: z.string(),
        why: z.string(),
        fix: z.string(),
        inference: z.boolean().describe('True when no source says it and the text is our reading.'),
        dormant: z.string().optional().describe('Why no service draws this code today.'),
        url: z.string().describe('The code’s troubleshooting page (absolute on the site’s address when it is known).'),
        markdown: z.string().describe('The page’s Markdown twin.'),
        example: z.object({
          service: z.string(),
          before: z.string(),
          after: z.string().optional(),
          fixedBy: z.enum(['engine', 'hand', 'none']),
          applied: z.array(z.string()).describe('What the checker’s safe fixes did (fixedBy engine).'),
        }),
      }),
    ),
  })
  .meta({
    title: 'Connector Help troubleshooting codes',
    description: 'Every finding code the validator, the connstr CLI and the MCP server report, with what it means, why the driver cares, how to fix it, and an example checked by the engine.',
  });

export function troubleshootingJson(catalog: Catalog, url: UrlOf, schemaUrl: string): z.infer<typeof publicTroubleshootingSchema> {
  return publicTroubleshootingSchema.parse({
    $schema: schemaUrl,
    codes: troubleshootingPages(catalog).map((p) => ({
      code: p.code,
      title: p.title,
      meaning: p.meaning,
      why: p.why,
      fix: p.fix,
      inference: p.inference,
      ...(p.dormant ? { dormant: p.dormant } : {}),
      url: url(troubleshootingPath(p.code)),
      markdown: url(markdownPath(troubleshootingPath(p.code))),
      example: {
        service: p.checked.service,
        before: p.checked.before,
        ...(p.checked.after !== undefined ? { after: p.checked.after } : {}),
        fixedBy: p.checked.fixedBy,
        applied: p.checked.applied,
      },
    })),
  });
}

export function troubleshootingJsonSchema(id: string): Record<string, unknown> {
  return { ...z.toJSONSchema(publicTroubleshootingSchema, { target: 'draft-2020-12', io: 'output' }), $id: id };
}

/** The codes grouped as the index lists them. */
export function troubleshootingGroups(catalog: Catalog): { heading: string; pages: TroubleshootingPage[] }[] {
  const pages = troubleshootingPages(catalog);
  const grammar = new Set<FindingCode>(['missing-equals', 'empty-key', 'unterminated-quote', 'text-after-quote', 'control-character', 'unquoted-value-ends-with-quote', 'nul-in-value', 'text-after-nul', 'duplicate-key', 'null-value', 'semicolon-in-key', 'whitespace-control-in-key', 'line-break-in-value']);
  const pasting = new Set<FindingCode>(['curly-quote', 'mismatched-quote', 'invisible-character', 'nonbreaking-space', 'unquoted-profile-settings', 'stray-separator', 'surrounding-whitespace']);
  const tool = new Set<FindingCode>(['unknown-service']);
  return [
    { heading: 'The string cannot be read', pages: pages.filter((p) => grammar.has(p.code)) },
    { heading: 'Damage from pasting', pages: pages.filter((p) => pasting.has(p.code)) },
    { heading: 'What the service accepts', pages: pages.filter((p) => !grammar.has(p.code) && !pasting.has(p.code) && !tool.has(p.code)) },
    { heading: 'The string is not checked', pages: pages.filter((p) => tool.has(p.code)) },
  ].filter((g) => g.pages.length > 0);
}

export const serviceLink = (service: ResolvedService) => servicePath(service.id);
