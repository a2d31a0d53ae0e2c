/**
 * What the troubleshooting pages show, derived once from the catalog's checked entries (src/lib/providers/
 * troubleshooting.ts): the index, each code's page and its Markdown twin, and `/troubleshooting.json` with its JSON
 * Schema. Pure: the pages and endpoints pass the catalog and the URL rule.
 */
import { z } from 'astro/zod';
import { findingCodes, validate, type FindingCode } from '../connstr/index.ts';
import type { Catalog, ResolvedService } from '../providers/catalog.ts';
import { rulesForBuild } from '../providers/rules.ts';
import type { ExampleVerdict } from '../providers/schema.ts';
import { serviceLabel } from '../providers/service-facts.ts';
import { findingCodeSchema, type TroubleshootingPage } from '../providers/troubleshooting.ts';
import { href, markdownPath, serviceBuildPath, servicePath, troubleshootingPath, type UrlOf } from './paths.ts';

export const troubleshootingText = {
  title: 'Troubleshooting',
  description: 'Every finding the validator, the connstr CLI and the MCP server report, by code: what it means, why the driver cares, how to fix it, with an example checked by the engine.',
  lead: 'Each finding of the Validate tab, the connstr CLI and the MCP server carries a code and links here. Every page says what the code means, why the driver cares and how to fix it by hand, with an example the build runs through the same checker, so the page cannot disagree with it.',
  path: () => href('troubleshooting/'),
  inference: 'No vendor source states this: it is our reading of the driver’s behavior and the grammar.',
  sourced: 'Based on the connection-string grammar and the vendor’s pages for the service.',
} as const;

/** Control, invisible and non-breaking characters written as `⟨U+XXXX⟩`, so an example shows what the checker sees. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00a0\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;
export const visible = (text: string) => text.replace(INVISIBLE, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
/** The example shows a character that stands for another. */
const hasInvisible = (text: string) => new RegExp(INVISIBLE.source).test(text);

/**
 * How the site's checks label a shown string: the worst severity `validate` gives it (notes count as valid), against
 * the build the example is checked for (the newest when it names none).
 */
function verdictOf(shown: string, service: ResolvedService, build: string | undefined): ExampleVerdict {
  const { rules } = rulesForBuild(service, build);
  const problems = validate(shown.trim(), rules, { reportSensitive: false });
  return problems.some((p) => p.severity === 'error') ? 'error' : problems.some((p) => p.severity === 'warning') ? 'warning' : 'valid';
}

const labelFor = (verdict: ExampleVerdict, what: string) =>
  verdict === 'error' ? `Error example: ${what}` : verdict === 'warning' ? `Example that warns: ${what}` : `Example: ${what}`;

export type ShownString = { code: string; verdict: ExampleVerdict; label: string };

export type ExampleView = {
  service: ResolvedService;
  /** The service, and the driver build when the example is checked against one (`Humanity build 23.0.8839.0`). */
  serviceName: string;
  /** The page documenting what the example is checked against: the service's, or its older build's. */
  servicePage: string;
  /** The older driver build the example is checked against (absent: the newest). */
  build?: string;
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
  // Checked against an older build (not-in-build): the page names the build and links its page.
  const build = page.example.build !== undefined && page.example.build !== service.dataVersion.build ? page.example.build : undefined;
  const serviceName = build ? `${serviceLabel(service)} build ${build}` : serviceLabel(service);
  const shown = (text: string, what: string): ShownString => {
    const code = visible(text);
    const verdict = verdictOf(code, service, build);
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
    serviceName,
    servicePage: build ? serviceBuildPath(service.id, build) : servicePath(service.id),
    ...(build ? { build } : {}),
    before: shown(checked.before, `before, for ${serviceName}`),
    ...(checked.after !== undefined ? { after: shown(checked.after, `after, for ${serviceName}`) } : {}),
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

/** One line of a service page's "If it does not connect" list: a mistake, and the codes the validator reports it with. */
export type ConnectCheck = {
  /** The words, in parts: text, and property or value names shown as code. */
  parts: ({ text: string } | { code: string })[];
  /** The finding codes it links to (their troubleshooting pages). */
  codes: FindingCode[];
  /** `vendor`: the vendor's page warns about it; `data`: the validator checks it from the page's facts; `inferred`: a fact we inferred. */
  source: 'vendor' | 'data' | 'inferred';
  /** For a pitfall: the method it belongs to (its section on the page). */
  method?: { id: string; label: string };
};

const names = (list: readonly string[], last = 'and'): ({ text: string } | { code: string })[] =>
  list.flatMap((name, i) => [...(i === 0 ? [] : [{ text: i === list.length - 1 ? ` ${last} ` : ', ' }]), { code: name }]);

/**
 * The short "If it does not connect" list of a service page, built from its data: the pitfalls its methods name (from
 * the vendor's page), then the mistakes the validator catches for its methods: the Profile, each method's required
 * settings, the AuthScheme values, the ProfileSettings level. Each links to its codes' troubleshooting pages.
 */
export function connectChecks(service: ResolvedService): ConnectCheck[] {
  const checks: ConnectCheck[] = [];
  for (const method of service.authMethods) {
    for (const pitfall of method.pitfalls) {
      checks.push({
        parts: [{ text: `${method.label}: ${pitfall.text}` }],
        // A prefix copied along with a token is a finding of its own where the engine reports it.
        codes: pitfall.rejectedPrefix ? findingCodes.filter((c: string) => c === 'token-prefix') : [],
        source: pitfall.confidence === 'observed' ? 'vendor' : 'inferred',
        method: { id: method.id, label: method.label },
      });
    }
  }
  checks.push({
    parts: [{ code: 'Profile' }, { text: ' must be the path to ' }, { code: service.profileFile }, { text: '; without it, or with another service’s file, the driver cannot reach the service.' }],
    codes: ['missing-profile', 'wrong-profile', 'invalid-profile-path'],
    source: 'data',
  });
  const several = service.authMethods.length > 1;
  for (const method of service.authMethods) {
    const required = method.requires.map((r) => r.property).filter((p) => p !== 'AuthScheme' && p !== 'Profile' && p !== 'ProfileSettings');
    const scheme = method.authSchemes.length > 0 ? [{ text: ', with ' }, { code: 'AuthScheme' }, { text: ' ' }, ...names(method.authSchemes, 'or')] : [];
    const implied = method.impliedWithoutAuthScheme && method.authSchemes.length > 0 ? [{ text: ' (or no AuthScheme at all)' }] : [];
    if (required.length === 0 && scheme.length === 0) continue;
    checks.push({
      parts: [
        { text: `${method.label}: ` },
        ...(required.length > 0 ? [{ text: 'set ' }, ...names(required)] : [{ text: 'sign in' }]),
        ...scheme,
        ...implied,
        { text: '.' },
      ],
      codes: ['missing-required', ...(several && method.authSchemes.length > 0 ? (['missing-auth-scheme'] as const) : [])],
      source: method.confidence === 'observed' ? 'data' : 'inferred',
    });
  }
  const documented = [...new Set(service.authMethods.flatMap((m) => m.authSchemes))];
  if (documented.length > 0) {
    checks.push({
      parts: [{ code: 'AuthScheme' }, { text: ' takes ' }, ...names(documented, 'or'), { text: ' here: another value selects no method this service documents.' }],
      codes: ['undocumented-auth-scheme', 'invalid-enum-value'],
      source: 'data',
    });
  }
  const used = new Set(service.authMethods.flatMap((m) => [...m.requires.map((r) => r.property), ...m.allows]));
  const inside = service.properties.filter((p) => p.placement === 'profileSettings' && used.has(p.name)).map((p) => p.name);
  if (inside.length > 0) {
    checks.push({
      parts: [...names(inside), { text: ' go inside ' }, { code: 'ProfileSettings' }, { text: ', the whole value in single quotes; every other setting at the top level.' }],
      codes: ['wrong-level', 'unquoted-profile-settings'],
      source: 'data',
    });
  }
  return checks;
}

export const connectChecksText = {
  heading: 'If it does not connect',
  intro: 'The mistakes the validator catches for this service, from the facts on this page, each with its troubleshooting page:',
  sources: { vendor: 'the vendor’s page warns about this', data: 'checked from this page’s facts', inferred: 'our inference' } as Record<ConnectCheck['source'], string>,
} as const;

/** A check as plain text (Markdown writes code parts in backticks). */
export const checkText = (check: ConnectCheck, code: (name: string) => string) => check.parts.map((p) => ('code' in p ? code(p.code) : p.text)).join('');
