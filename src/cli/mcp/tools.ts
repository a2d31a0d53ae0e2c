/**
 * What the MCP server (`npm run connstr -- mcp`, ./server.ts) answers, as plain functions of the catalog: each tool's
 * input and output zod schema, and its handler. The same engine and catalog as the CLI and the site: services and
 * how they sign in, a service's methods, steps, menu paths, properties and examples, property search, and the
 * engine's check, fix, convert and redact.
 *
 * The secrets rule: nothing a caller sends comes back unmasked. Findings are the engine's reports (secrets shown as
 * ********), and the strings fix, convert and redact return are masked too (an assistant's transcript is a log): the
 * caller keeps its own copy of the secret and puts it back.
 *
 * Runs under Node's type stripping: explicit `.ts` imports, no TS-only syntax.
 */
import { z } from 'zod';
import {
  canonicalPairs,
  checkPasted,
  concealSecrets,
  fixAll,
  formById,
  forms,
  maskSecrets,
  parseAny,
  placements,
  findingTitles,
  problemTitles,
  readPasted,
  recognizeService,
  toPastedSpan,
  unrecognizedMessage,
  type Problem,
  type ProblemCode,
  type ServiceRules,
  type ToolCode,
} from '../../lib/connstr/index.ts';
import type { Catalog, ResolvedService } from '../../lib/providers/catalog.ts';
import { methodsUsing, serviceDecisions } from '../../lib/providers/queries.ts';
import { rulesForBuild, serviceAt, undocumentedBuild } from '../../lib/providers/rules.ts';
import { buildNumber } from '../../lib/providers/schema.ts';
import { changeKinds } from '../../lib/providers/changes.ts';
import { defaultProfilePath, serviceLabel } from '../../lib/providers/service-facts.ts';
import { methodAuthKind, serviceAuthKinds } from '../../lib/site/auth-kinds.ts';
import { authKinds } from '../../lib/site/service-index.ts';
import { markdownPath, publicUrl, referencePath, servicePath, troubleshootingUrl, type UrlOf } from '../../lib/site/paths.ts';

/** Where the tools' links point: the site's address (SITE_URL), else root-relative paths. */
export type ToolContext = { catalog: Catalog; url: UrlOf; docs: (code: string) => string };

export function toolContext(catalog: Catalog, site: string | undefined): ToolContext {
  // `docs`: a finding's troubleshooting page, by the one rule the CLI and SARIF use too.
  return { catalog, url: publicUrl(site), docs: (code) => troubleshootingUrl(code, site) };
}

/** The MCP resource URI of a service's Markdown page (the site's `.md` twin). */
export const serviceResourceUri = (id: string) => `connector-help://services/${id}.md`;
export const referenceResourceUri = 'connector-help://reference.md';

/** A tool's failure the caller can act on (an unknown service id): reported as a tool error, not a protocol error. */
export class ToolInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolInputError';
  }
}

// --- Schemas -------------------------------------------------------------------------------------

const kindSchema = z.enum(authKinds).describe('How a method signs in: token (an API key or token), oauth, or basic (user and password).');
const serviceArg = z.string().min(1).describe('A service id (intercom) or name (Help Scout), any case.');
const textArg = z.string().max(100_000).describe('A connection string in any form the site reads: plain, JDBC URL, ODBC, a C#/Java/Python literal, a .env file, an appsettings.json file.');
const formIds = forms.map((f) => f.id) as [string, ...string[]];
const buildArg = buildNumber.describe('The driver build to check against, e.g. 23.0.8839.0; default the newest. get_service lists the builds.');

const serviceSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  driverName: z.string().optional().describe('The spelling the driver uses, when it differs from the name.'),
  profileFile: z.string(),
  kinds: z.array(kindSchema),
  methods: z.array(z.object({ id: z.string(), label: z.string(), kind: kindSchema.optional() })),
  page: z.string(),
  markdown: z.string(),
  resource: z.string(),
});

const findingSchema = z.object({
  code: z.string(),
  title: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string().describe('What is wrong and how to fix it; secret values show as ********.'),
  start: z.number().int().describe('Offset in the text sent (UTF-16 code units).'),
  end: z.number().int(),
  line: z.number().int(),
  column: z.number().int(),
  property: z.string().optional(),
  fix: z.string().optional().describe('What the suggested fix does.'),
  help: z.string().describe('The troubleshooting page for this code.'),
});

export const schemas = {
  listServices: {
    input: { kind: kindSchema.optional().describe('Only services with a method that signs in this way.') },
    output: { services: z.array(serviceSummarySchema) },
  },
  getService: {
    input: { service: serviceArg },
    output: {
      ...serviceSummarySchema.shape,
      console: z.string().describe('Where the values come from (the service’s console).'),
      overview: z.string(),
      defaultProfilePath: z.string(),
      dataVersion: z.object({ build: z.string(), edition: z.string() }).describe('The driver build and help edition the facts come from.'),
      builds: z.array(z.object({ build: z.string(), edition: z.string() })).describe('Every driver build documented for this service, newest first.'),
      buildChanges: z
        .array(
          z.object({
            build: z.string(),
            edition: z.string(),
            previous: z.string(),
            changes: z.array(z.object({ kind: z.enum(changeKinds), property: z.string().nullable(), before: z.string().nullable(), after: z.string().nullable() })),
          }),
        )
        .describe('What each build changed from the one before it, newest first (methods, properties and allowed values added or removed; defaults, examples, steps and menu paths changed).'),
      methods: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          kind: kindSchema.optional(),
          whenToUse: z.string(),
          authSchemes: z.array(z.string()),
          usedWithoutAuthScheme: z.boolean(),
          inferred: z.boolean().describe('Partly our inference rather than the vendor’s page.'),
          steps: z.array(z.object({ text: z.string(), menuPath: z.string().optional(), link: z.string().optional() })),
          requires: z.array(z.object({ property: z.string(), value: z.string().optional(), valueRule: z.enum(['required', 'recommended']), placement: z.string(), sensitive: z.boolean(), source: z.string() })),
          allows: z.array(z.string()),
          example: z.string(),
        }),
      ),
      properties: z.array(
        z.object({
          name: z.string(),
          aliases: z.array(z.string()),
          category: z.string(),
          type: z.string(),
          placement: z.enum(placements).describe('top: at the top level; profileSettings: inside ProfileSettings.'),
          sensitive: z.boolean(),
          default: z.string().optional(),
          allowedValues: z.array(z.object({ value: z.string(), summary: z.string() })).optional(),
          summary: z.string(),
          requiredBy: z.array(z.string()),
          optionalFor: z.array(z.string()),
          deprecated: z.boolean(),
        }),
      ),
      examples: z.array(z.object({ id: z.string(), title: z.string(), method: z.string(), connectionString: z.string() })),
      corrections: z.array(z.object({ scope: z.string(), vendor: z.string(), ours: z.string() })),
    },
  },
  searchProperties: {
    input: {
      query: z.string().min(1).max(200).describe('Words of a property name or of what it does: "timeout", "proxy password", "OAuthClientId".'),
      service: serviceArg.optional().describe('Only properties this service accepts.'),
      limit: z.number().int().min(1).max(50).optional(),
    },
    output: {
      properties: z.array(
        z.object({
          name: z.string(),
          summary: z.string(),
          category: z.string(),
          type: z.string(),
          placement: z.string(),
          sensitive: z.boolean(),
          default: z.string().optional(),
          allowedValues: z.array(z.string()).optional(),
          services: z.array(z.string()).describe('Services that accept it.'),
          reference: z.string(),
        }),
      ),
    },
  },
  check: {
    input: { text: textArg, service: serviceArg.optional().describe('Check against this service (default: the one the Profile names).'), build: buildArg.optional() },
    output: {
      service: z.string().optional(),
      form: z.string().describe('The form the text was read as.'),
      findings: z.array(findingSchema),
      summary: z.object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
    },
  },
  fix: {
    input: { text: textArg, service: serviceArg.optional(), build: buildArg.optional() },
    output: {
      service: z.string().optional(),
      fixed: z.string().describe('The text with the safe fixes applied, in its form, secret values masked: apply the same changes to your copy.'),
      applied: z.array(z.string()),
      remaining: z.array(findingSchema),
    },
  },
  convert: {
    input: {
      text: textArg,
      to: z.enum(formIds).describe(`The form to write: ${forms.map((f) => `${f.id} (${f.label})`).join(', ')}.`),
      prefix: z.string().max(60).optional().describe('env: the variables’ prefix (default: from the Profile’s file name).'),
      name: z.string().max(60).optional().describe('appsettings: the entry’s name under ConnectionStrings.'),
    },
    output: {
      form: z.string(),
      label: z.string(),
      language: z.string(),
      output: z.string().optional().describe('The string in that form, secret values masked.'),
      findings: z.array(findingSchema).describe('Errors that kept the string from being converted.'),
    },
  },
  redact: {
    input: { text: textArg, service: serviceArg.optional() },
    output: { redacted: z.string(), masked: z.number().int() },
  },
} as const;

type Out<K extends keyof typeof schemas> = z.infer<z.ZodObject<(typeof schemas)[K]['output']>>;

// --- Helpers -------------------------------------------------------------------------------------

function findService(ctx: ToolContext, name: string): ResolvedService {
  const folded = name.trim().toLowerCase();
  const found = ctx.catalog.services.find((s) => s.id === folded || s.name.toLowerCase() === folded || serviceLabel(s).toLowerCase() === folded);
  if (!found) throw new ToolInputError(`No service "${name}". The services are: ${ctx.catalog.services.map((s) => s.id).join(', ')}.`);
  return found;
}

function summary(ctx: ToolContext, service: ResolvedService): z.infer<typeof serviceSummarySchema> {
  const name = serviceLabel(service);
  return {
    id: service.id,
    name,
    ...(name !== service.name ? { driverName: service.name } : {}),
    profileFile: service.profileFile,
    kinds: serviceAuthKinds(service),
    methods: service.authMethods.map((m) => {
      const kind = methodAuthKind(service, m);
      return { id: m.id, label: m.label, ...(kind ? { kind } : {}) };
    }),
    page: ctx.url(servicePath(service.id)),
    markdown: ctx.url(markdownPath(servicePath(service.id))),
    resource: serviceResourceUri(service.id),
  };
}

/** Line and column (1-based) of an offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

function finding(ctx: ToolContext, text: string, p: Pick<Problem, 'code' | 'severity' | 'message' | 'span' | 'property' | 'fix'>): z.infer<typeof findingSchema> {
  return {
    code: p.code,
    title: findingTitles[p.code as ProblemCode] ?? p.code,
    severity: p.severity,
    message: p.message,
    start: p.span.start,
    end: p.span.end,
    ...lineColumn(text, p.span.start),
    ...(p.property ? { property: p.property } : {}),
    ...(p.fix ? { fix: p.fix.description } : {}),
    help: ctx.docs(p.code),
  };
}

/** A finding about the text as a whole (the callers' own codes: which service, which build), at its start. */
function wholeTextFinding(ctx: ToolContext, code: ToolCode, severity: 'error' | 'warning', message: string): z.infer<typeof findingSchema> {
  return { code, title: findingTitles[code], severity, message, start: 0, end: 0, line: 1, column: 1, help: ctx.docs(code) };
}

type Target = { service: ResolvedService; rules: ServiceRules; unknownBuild?: z.infer<typeof findingSchema> };

/**
 * What a text is checked against: the service asked for, else the one its Profile names (else a finding saying why
 * not), at the build asked for (default: the newest), as `connstr lint --service --build` does. A build the service
 * does not document is a tool error when the caller named the service too; for a service read from the Profile, the
 * text is checked against the newest build and an unknown-build finding says so.
 */
function targetOf(ctx: ToolContext, text: string, asked: { service?: string | undefined; build?: string | undefined }): Target | { unknown: z.infer<typeof findingSchema> } {
  let service: ResolvedService;
  if (asked.service !== undefined) {
    service = findService(ctx, asked.service);
    if (asked.build !== undefined && serviceAt(service, asked.build) === undefined) throw new ToolInputError(`${undocumentedBuild(service, asked.build)}.`);
  } else {
    const recognition = recognizeService(text, ctx.catalog.services);
    if (!recognition.service) {
      return { unknown: wholeTextFinding(ctx, 'unknown-service', 'error', `${unrecognizedMessage(recognition)} Pass the service; the services are: ${ctx.catalog.services.map((s) => s.id).join(', ')}.`) };
    }
    service = recognition.service;
  }
  const { rules, unknownBuild } = rulesForBuild(service, asked.build);
  return { service, rules, ...(unknownBuild !== undefined ? { unknownBuild: wholeTextFinding(ctx, 'unknown-build', 'warning', unknownBuild) } : {}) };
}

const counts = (findings: readonly { severity: string }[]) => ({
  errors: findings.filter((f) => f.severity === 'error').length,
  warnings: findings.filter((f) => f.severity === 'warning').length,
  infos: findings.filter((f) => f.severity === 'info').length,
});

/** A string the tool returns, with every secret masked (for the service, or for any service when none is known). */
const masked = (ctx: ToolContext, text: string, service: ResolvedService | undefined) => maskSecrets(text, service ? [service] : ctx.catalog.services);

// --- Tools ---------------------------------------------------------------------------------------

export function listServices(ctx: ToolContext, input: { kind?: string | undefined }): Out<'listServices'> {
  const services = ctx.catalog.services.filter((s) => input.kind === undefined || (serviceAuthKinds(s) as string[]).includes(input.kind));
  return { services: services.map((s) => summary(ctx, s)) };
}

export function getService(ctx: ToolContext, input: { service: string }): Out<'getService'> {
  const service = findService(ctx, input.service);
  return {
    ...summary(ctx, service),
    console: service.consoleName,
    overview: service.overview,
    defaultProfilePath: defaultProfilePath(service),
    dataVersion: { build: service.dataVersion.build, edition: service.dataVersion.edition },
    builds: service.history.builds,
    buildChanges: service.history.changes,
    methods: service.authMethods.map((m) => {
      const kind = methodAuthKind(service, m);
      return {
        id: m.id,
        label: m.label,
        ...(kind ? { kind } : {}),
        whenToUse: m.whenToUse,
        authSchemes: m.authSchemes,
        usedWithoutAuthScheme: m.impliedWithoutAuthScheme,
        inferred: m.confidence !== 'observed',
        steps: m.steps.map((step) => ({
          text: step.text,
          ...(step.menuPath ? { menuPath: `${step.console ?? service.consoleName}: ${step.menuPath.join(' › ')}` } : {}),
          ...(step.link ? { link: step.link } : {}),
        })),
        requires: m.requires.map((r) => {
          const property = service.properties.find((p) => p.name === r.property);
          return {
            property: r.property,
            ...(r.value !== undefined ? { value: r.value } : {}),
            valueRule: r.valueRule,
            placement: property?.placement ?? 'top',
            sensitive: property?.sensitive ?? false,
            source: r.source,
          };
        }),
        allows: m.allows,
        example: service.examples.find((e) => e.id === m.example)?.connectionString ?? '',
      };
    }),
    properties: service.properties.map((p) => {
      const uses = methodsUsing(service, p.name);
      return {
        name: p.name,
        aliases: p.aliases,
        category: p.category,
        type: p.type,
        placement: p.placement,
        sensitive: p.sensitive,
        ...(p.default !== undefined ? { default: p.default } : {}),
        ...(p.allowedValues ? { allowedValues: p.allowedValues.map((v) => ({ value: v.value, summary: v.summary })) } : {}),
        summary: p.summary,
        requiredBy: uses.filter((u) => u.required).map((u) => u.method.id),
        optionalFor: uses.filter((u) => !u.required).map((u) => u.method.id),
        deprecated: p.deprecated,
      };
    }),
    examples: service.examples.map((e) => ({ id: e.id, title: e.title, method: e.authMethod, connectionString: e.connectionString })),
    corrections: serviceDecisions(service).map(({ scope, decision }) => ({ scope, vendor: decision.issue, ours: decision.decision })),
  };
}

export function searchProperties(ctx: ToolContext, input: { query: string; service?: string | undefined; limit?: number | undefined }): Out<'searchProperties'> {
  const services = input.service === undefined ? ctx.catalog.services : [findService(ctx, input.service)];
  const words = input.query.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const compact = input.query.toLowerCase().replace(/[^a-z0-9]/g, '');
  // Each property once (by name), with the services that accept it.
  const byName = new Map<string, { property: ResolvedService['properties'][number]; services: string[] }>();
  for (const service of services) {
    for (const property of service.properties) {
      const seen = byName.get(property.name);
      if (seen) seen.services.push(service.id);
      else byName.set(property.name, { property, services: [service.id] });
    }
  }
  const score = ({ property }: { property: ResolvedService['properties'][number] }) => {
    const name = property.name.toLowerCase();
    const names = [name, ...property.aliases.map((a) => a.toLowerCase().replace(/[^a-z0-9]/g, ''))];
    let total = 0;
    if (names.includes(compact)) total += 100;
    else if (compact.length >= 3 && names.some((n) => n.startsWith(compact))) total += 60;
    else if (compact.length >= 3 && names.some((n) => n.includes(compact))) total += 40;
    const text = `${property.summary} ${property.remarks ?? ''} ${property.category}`.toLowerCase();
    for (const word of words) {
      if (name.includes(word)) total += 10;
      if (text.includes(word)) total += 3;
    }
    return total;
  };
  const ranked = [...byName.values()]
    .map((entry) => ({ entry, score: score(entry) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.entry.property.name.localeCompare(b.entry.property.name))
    .slice(0, input.limit ?? 10);
  return {
    properties: ranked.map(({ entry: { property: p, services: ids } }) => ({
      name: p.name,
      summary: p.summary,
      category: p.category,
      type: p.type,
      placement: p.placement,
      sensitive: p.sensitive,
      ...(p.default !== undefined ? { default: p.default } : {}),
      ...(p.allowedValues ? { allowedValues: p.allowedValues.map((v) => v.value) } : {}),
      services: ids,
      reference: ctx.url(referencePath(p.name)),
    })),
  };
}

/** The input check and fix take: the text, and optionally its service and the driver build to check against. */
type CheckInput = { text: string; service?: string | undefined; build?: string | undefined };

export function check(ctx: ToolContext, input: CheckInput): Out<'check'> {
  const form = formById(readPasted(input.text).form).label;
  const target = targetOf(ctx, input.text, input);
  if ('unknown' in target) return { form, findings: [target.unknown], summary: counts([target.unknown]) };
  const { problems } = checkPasted(input.text, target.rules, { reportSensitive: false });
  const findings = [...(target.unknownBuild ? [target.unknownBuild] : []), ...problems.map((p) => finding(ctx, input.text, p))];
  return { service: target.service.id, form, findings, summary: counts(findings) };
}

export function fix(ctx: ToolContext, input: CheckInput): Out<'fix'> {
  const target = targetOf(ctx, input.text, input);
  if ('unknown' in target) return { fixed: masked(ctx, input.text, undefined).text, applied: [], remaining: [target.unknown] };
  const { text, applied } = fixAll(input.text, target.rules, { reportSensitive: false });
  const remaining = [...(target.unknownBuild ? [target.unknownBuild] : []), ...checkPasted(text, target.rules, { reportSensitive: false }).problems.map((p) => finding(ctx, text, p))];
  return { service: target.service.id, fixed: masked(ctx, text, target.service).text, applied, remaining };
}

export function convert(ctx: ToolContext, input: { text: string; to: string; prefix?: string | undefined; name?: string | undefined }): Out<'convert'> {
  const form = formById(input.to as Parameters<typeof formById>[0]);
  const head = { form: form.id, label: form.label, language: form.language };
  const reading = readPasted(input.text);
  const parsed = parseAny(reading.text);
  const service = recognizeService(input.text, ctx.catalog.services).service;
  const services = service ? [service] : ctx.catalog.services;
  const errors = concealSecrets(parsed.problems.filter((p) => p.severity === 'error'), parsed, services).map((p) => ({ ...p, span: toPastedSpan(reading, p.span) }));
  if (errors.length > 0) return { ...head, findings: errors.map((p) => finding(ctx, input.text, p)) };
  const pairs = canonicalPairs(parsed);
  const written =
    form.id === 'env' ? form.write(pairs, { ...(input.prefix ? { prefix: input.prefix } : {}) }) : form.id === 'appsettings' ? form.write(pairs, { ...(input.name ? { name: input.name } : {}) }) : form.write(pairs);
  return { ...head, output: maskSecrets(written, services).text, findings: [] };
}

export function redact(ctx: ToolContext, input: { text: string; service?: string | undefined }): Out<'redact'> {
  const service = input.service !== undefined ? findService(ctx, input.service) : recognizeService(input.text, ctx.catalog.services).service;
  const { text, masked: count } = masked(ctx, input.text, service);
  return { redacted: text, masked: count };
}
