/**
 * Every page as Markdown, generated from the catalog model and the same helpers the HTML pages use
 * (never scraped from HTML), for `curl`, coding assistants and `/llms.txt`. Pure: the endpoints in
 * src/pages pass the catalog and a function that turns a site path into an absolute URL.
 */
import type { Catalog, ResolvedProperty, ResolvedService } from '../providers/catalog.ts';
import { serviceDecisions } from '../providers/queries.ts';
import type { AuthMethod } from '../providers/schema.ts';
import { propertyExampleText } from '../providers/examples.ts';
import { outputForms, readExample } from './examples.ts';
import { appliesToNote, audienceLabel, caseRule, confidenceLabel, defaultLabel, defaultSourceNote, incompleteNote, paragraphs, placementLabel, serviceLabels, typeLabel } from './format.ts';
import { serviceLabel } from '../providers/service-facts.ts';
import { guidePath, href, markdownPath, propertyAnchor, referencePath, serviceBuildPath, servicePath, servicesPath, troubleshootingPath, type UrlOf } from './paths.ts';
import { buildLinks, builderPagePath, buildPagePath, changeLists, isOlderBuild, newestBuild, olderBuildViews } from './builds.ts';
import { detailedUses, omittedText, usedByIntro, referenceIndex, referencePages, referenceText, usedByLabel, type ReferenceEntry, type ReferencePage } from './reference.ts';
import { authenticationIntro, builderIntro, closingStep, generalIntro, methodExample, requirementRows, requirementsCaption, serviceDescription, serviceTables, usedBy, vendorTextNote, vendorVariant } from './service-page.ts';
import { catalogDataVersion, serviceDataVersion } from './version.ts';
import { forms } from '../connstr/index.ts';
import { serviceAuthKinds } from './auth-kinds.ts';
import { builderText, homeText, servicesText } from './page-text.ts';
import { authKindTitles } from './service-index.ts';
import { checkText, connectChecks, connectChecksText, exampleView, troubleshootingGroups, troubleshootingText } from './troubleshooting.ts';
import type { TroubleshootingPage } from '../providers/troubleshooting.ts';

/** Site path (already under the base) → the URL printed in the Markdown (absolute on SITE_URL, or root-relative). */
export type { UrlOf } from './paths.ts';

/** `code` as an inline code span, with a fence longer than any backtick run inside it. */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

/** A fenced code block whose fence cannot occur in the code. */
export function codeFence(code: string, lang = 'text'): string {
  const longest = Math.max(2, ...(code.match(/^`{3,}/gm) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${code}\n${fence}`;
}

/**
 * A bare address in prose: an autolink for an absolute URL; in a local build (no SITE_URL, root-relative paths) the
 * path as code, since a relative link is no autolink and tools would take it for a page of its own.
 */
export const bareLink = (target: string) => (/^https?:\/\//.test(target) ? `<${target}>` : inlineCode(target));

/**
 * The pointer every Markdown page carries under its title, for agents that land on one page: where the index of the
 * whole site is (llms.txt), and that every page has a Markdown version. The HTML pages carry the same words
 * (DocsLayout), visually hidden.
 */
export function agentDirective(url: UrlOf): string {
  return `> For AI agents: the documentation index is at [llms.txt](${url(href('llms.txt'))}) (every page in one file: [llms-full.txt](${url(href('llms-full.txt'))})), and every page has a Markdown version at its address with \`.md\`.`;
}

/** Prose from the metadata: a `<` would open an HTML tag in Markdown (`memory://<id>`), so it is escaped. */
export const prose = (text: string) => text.replace(/</g, '\\<');

/** Text safe inside a table cell: pipes escaped, line breaks folded. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

const join = (blocks: (string | undefined | false)[]) => `${blocks.filter((b): b is string => !!b).join('\n\n')}\n`;


function propertiesTable(service: ResolvedService, properties: ResolvedProperty[], url: UrlOf): string {
  const page = url(buildPagePath(service));
  // Written as the page shows each entry: the name and its "secret" badge, then "placement · type".
  return table(
    ['Property', 'Placement · type', 'Default', 'Allowed values', 'Used by', 'Summary'],
    properties.map((p) => {
      const uses = usedBy(service, p);
      return [
        `[${inlineCode(p.name)}](${page}#${propertyAnchor(p.name)})${p.sensitive ? ' secret' : ''}`,
        `${placementLabel[p.placement]} · ${typeLabel(p.type)}`,
        p.default === undefined ? 'none documented' : inlineCode(defaultLabel(p.default)) + defaultSourceNote(p),
        p.allowedValues ? p.allowedValues.map((v) => inlineCode(v.value)).join(', ') : '—',
        uses.label ?? uses.methods.map(({ method, required }) => `${method.label} (${required ? 'required' : 'optional'})`).join(', '),
        prose(p.summary),
      ];
    }),
  );
}

function methodMarkdown(service: ResolvedService, method: AuthMethod): string {
  const example = methodExample(service, method);
  const vendorText = vendorVariant(example);
  const badges = [
    method.audience && audienceLabel[method.audience],
    method.authSchemes.length > 0 && `AuthScheme: ${method.authSchemes.map(inlineCode).join(' or ')}`,
    method.impliedWithoutAuthScheme && 'Used when AuthScheme is absent',
    method.confidence !== 'observed' && 'Partly inferred, see corrections below',
  ].filter((b): b is string => !!b);
  const steps = method.steps
    .map((step, i) => {
      const lines = [`${i + 1}. ${prose(step.text)}`];
      const consoleName = step.console ?? service.consoleName;
      if (step.menuPath) lines.push(`   Menu path: ${consoleName}: ${step.menuPath.join(' › ')}`);
      if (step.link) lines.push(`   Open <${step.link}>`);
      return lines.join('\n');
    })
    .concat(`${method.steps.length + 1}. ${prose(closingStep(service))}`)
    .join('\n');
  // The page's table: the property with its "secret" badge and where it goes, the value, where to find it.
  const rows = requirementRows(service, method).map((req) => [
    `${inlineCode(req.property)}${req.sensitive ? ' secret' : ''} ${placementLabel[req.placement]}`,
    req.value ? `${req.valuePrefix ?? ''}${inlineCode(req.value)}${req.valueRule === 'recommended' ? ' (recommended)' : ''}` : 'your value',
    prose(req.source),
  ]);
  return join([
    `### ${method.label}`,
    badges.map((b) => `- ${b}`).join('\n'),
    prose(method.whenToUse),
    '#### Steps',
    steps,
    '#### What to set',
    `${requirementsCaption(method)}:`,
    table(['Property', 'Value', 'Where to find it'], rows),
    method.pitfalls.length > 0 && '#### Watch out for',
    method.pitfalls.length > 0 && method.pitfalls.map((p) => `- ${prose(p.text)}${p.confidence !== 'observed' ? ` (${confidenceLabel[p.confidence]})` : ''}`).join('\n'),
    method.allows.length > 0 && `Optional with this method: ${method.allows.map(inlineCode).join(', ')}.`,
    '#### Example connection string',
    codeFence(example.connectionString),
    vendorText !== undefined && `As printed in the vendor’s help. ${vendorTextNote}`,
    vendorText !== undefined && codeFence(vendorText),
  ]).trimEnd();
}

/** One service page as Markdown: key facts, every auth method, both property tables and the corrections. */
export function serviceMarkdown(service: ResolvedService, url: UrlOf): string {
  const display = serviceLabel(service);
  const { main, general, usesProfileSettings } = serviceTables(service);
  const decisions = serviceDecisions(service);
  const older = isOlderBuild(service);
  const pagePath = buildPagePath(service);
  const builds = buildLinks(service);
  const changes = changeLists(service);
  return join([
    older ? `# Connect to ${display}, build ${service.dataVersion.build}` : `# Connect to ${display}`,
    `> ${serviceDescription(service)} HTML page: ${bareLink(url(pagePath))}`,
    agentDirective(url),
    older &&
      `> This page documents build ${service.dataVersion.build}, an older build of the driver. The newest build we document is ${newestBuild(service)}: ${bareLink(url(markdownPath(servicePath(service.id))))}. What changed is under Changes between builds.`,
    '## Overview',
    prose(service.overview),
    service.vendorPage?.incomplete !== undefined && `> ${incompleteNote} ${prose(service.vendorPage.incomplete)}`,
    [
      `- Profile file: ${inlineCode(service.profileFile)}`,
      `- Where values come from: ${service.consoleName}`,
      `- Authentication methods: ${service.authMethods.map((m) => m.label).join(', ')}`,
      serviceAuthKinds(service).length > 0 && `- Signs in with: ${serviceAuthKinds(service).map((k) => authKindTitles[k]).join(', ')}`,
      `- Documents: API Data Provider build ${service.dataVersion.build} (${service.dataVersion.edition} help edition)`,
      builds.length > 1 &&
        `- Builds: ${builds.map((b) => `[${b.build}](${url(markdownPath(b.path))})${b.newest ? ' (newest)' : ''}${b.current ? ' (this page)' : ''}`).join(', ')}`,
    ]
      .filter((line): line is string => !!line)
      .join('\n'),
    '## Authentication',
    authenticationIntro(service, usesProfileSettings),
    ...service.authMethods.map((method) => methodMarkdown(service, method)),
    `## ${connectChecksText.heading}`,
    connectChecksText.intro,
    connectChecks(service)
      .map((check) => {
        const source = `${connectChecksText.sources[check.source]}${check.method ? `; see ${check.method.label} above` : ''}`;
        const links = check.codes.map((code) => `[${code}](${url(markdownPath(troubleshootingPath(code)))})`).join(', ');
        return `- ${prose(checkText(check, inlineCode))} (${source})${links ? ` How to fix: ${links}` : ''}`;
      })
      .join('\n'),
    '## Build a connection string',
    (({ before, link, after }) => `${before}[${link}](${url(builderPagePath(service))})${after}`)(builderIntro(service)),
    '## Connection properties',
    `The properties ${display}’s methods use, with where each one goes. ${caseRule}`,
    propertiesTable(service, main, url),
    '## General properties',
    `${generalIntro(service, general.length)} They have the same meaning on every service; see the reference (${bareLink(url(markdownPath(href('reference/'))))}) for details.`,
    propertiesTable(service, general, url),
    changes.length > 0 && '## Changes between builds',
    changes.length > 0 &&
      `What each build of the ${display} page changed from the build before it, derived from the facts of each build. For every service: ${bareLink(url(href('changes.xml')))} (Atom) and ${bareLink(url(href('changes.json')))}.`,
    ...changes.flatMap((c) => [`### Build ${c.build} (${c.edition} help edition), from ${c.previous}`, c.items.map((item) => `- ${prose(item)}`).join('\n')]),
    decisions.length > 0 && '## Corrections to the vendor help',
    decisions.length > 0 && 'Where the vendor’s page for this build is wrong or unclear, this is what we changed and why.',
    decisions.length > 0 &&
      table(['Topic', 'The vendor’s page', 'What we publish'], decisions.map(({ scope, decision }) => [scope, prose(decision.issue), prose(decision.decision)])),
    `---\n\n${serviceDataVersion(service)}`,
  ]);
}

function referenceEntryMarkdown(entry: ReferenceEntry, url: UrlOf, names: ReadonlyMap<string, string>, catalog: Catalog): string {
  const p = entry.property;
  const setting = propertyExampleText(p);
  const facts = [
    `- Category: ${p.category}`,
    `- Type: ${typeLabel(p.type)}`,
    `- Placement: ${placementLabel[p.placement]}`,
    `- Default: ${p.default === undefined ? 'none documented' : inlineCode(defaultLabel(p.default)) + defaultSourceNote(p)}`,
    setting !== undefined && `- Example: ${inlineCode(setting)}`,
    p.aliases.length > 0 && `- Also accepted as: ${p.aliases.map(inlineCode).join(', ')}`,
    p.sensitive && '- Sensitive: masked in the builder and the CLI’s redact command',
    p.deprecated && '- Deprecated: remove it from your strings',
    `- Source: ${confidenceLabel[p.confidence]}`,
    entry.definedBy && `- Defined by: ${entry.definedBy}`,
  ].filter((line): line is string => !!line);
  const detailed = detailedUses(entry);
  const uses = entry.uses.map((use) => {
    const page = url(servicePath(use.service.id));
    // Names only: a link each came to 50,000 characters for a property all 800 services list (the directory links them).
    if (!detailed) return serviceLabel(use.service);
    const methods = use.methods.map((m) => `${m.label} (${m.required ? 'required' : 'optional'})`).join(', ');
    return [
      `- [${serviceLabel(use.service)}](${page}#${propertyAnchor(p.name)})`,
      methods && `: ${methods}`,
      use.allowedValues && ` — values listed for this service: ${use.allowedValues.map(inlineCode).join(', ')}`,
      use.summary && ` — ${prose(use.summary)}`,
    ]
      .filter(Boolean)
      .join('');
  });
  return join([
    `# ${p.name}`,
    `> ${inlineCode(p.name)}: ${prose(p.summary)} HTML page: ${bareLink(url(referencePath(p.name)))}. Every property: ${bareLink(url(markdownPath(href('reference/'))))}`,
    agentDirective(url),
    facts.join('\n'),
    p.allowedValues && '## Allowed values',
    p.allowedValues && table(['Value', 'Meaning'], p.allowedValues.map((v) => [inlineCode(v.value), prose(v.summary)])),
    ...paragraphs(p.remarks).map(prose),
    '## Used by',
    entry.uses.length === 0 && entry.allServices && 'Every service accepts it (a general driver property).',
    entry.uses.length > 0 && detailed && [...(entry.allServices ? ['Every service accepts it; these services document it:', ''] : []), ...uses].join('\n'),
    entry.uses.length > 0 && !detailed && `${usedByIntro(entry)} ${uses.join(', ')}. Each service’s page: ${bareLink(url(markdownPath(servicesPath())))}`,
    p.decisions.length > 0 && '## Corrections to the vendor help',
    p.decisions.length > 0 && p.decisions.map((d) => `- ${appliesToNote(d.appliesTo, names)?.concat(' ') ?? ''}Vendor: ${prose(d.issue)} Ours: ${prose(d.decision)}`).join('\n'),
    `---\n\n${catalogDataVersion(catalog)}`,
  ]);
}

/** One property's page as Markdown (`/reference/<name>.md`), the twin of its HTML page. */
export function referencePageMarkdown(page: ReferencePage, catalog: Catalog, url: UrlOf): string {
  return referenceEntryMarkdown(page.entry, url, serviceLabels(catalog.services), catalog);
}

/** The reference's index as Markdown: every property once, grouped by category, each linking to its page's Markdown. */
export function referenceMarkdown(catalog: Catalog, url: UrlOf): string {
  const { groups, deprecated, omitted } = referenceIndex(catalog);
  const pages = new Map(referencePages(catalog).map((page) => [page.name, page]));
  const row = (e: ReferenceEntry) =>
    `- [${inlineCode(e.property.name)}](${url(pages.get(e.property.name)!.markdownPath)}) ${placementLabel[e.property.placement]} · ${usedByLabel(e)} — ${prose(e.property.summary)}`;
  return join([
    `# ${referenceText.title}`,
    `> ${referenceText.description} HTML page: ${bareLink(url(referencePath()))}`,
    agentDirective(url),
    `${referenceText.intro[0]} ${caseRule} ${referenceText.intro[1]}`,
    referenceText.pages,
    omitted > 0 && `${omittedText(omitted)} Every service: ${bareLink(url(markdownPath(servicesPath())))}`,
    ...groups.flatMap((group) => [`## ${group.category}`, group.entries.map(row).join('\n')]),
    deprecated.length > 0 && '## Deprecated',
    deprecated.length > 0 && referenceText.deprecated,
    deprecated.length > 0 && deprecated.map(row).join('\n'),
    `---\n\n${catalogDataVersion(catalog)}`,
  ]);
}

/** Reads a JSX attribute written as `name="…"` or ``name={`…`}`` (a template literal without `${}`). */
function attribute(tag: string, name: string): string {
  const value = optionalAttribute(tag, name);
  if (value === undefined) throw new Error(`guide Markdown: cannot read the "${name}" attribute of ${tag}`);
  return value;
}

function optionalAttribute(tag: string, name: string): string | undefined {
  const quoted = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  if (quoted) return quoted[1]!;
  const template = new RegExp(`\\b${name}=\\{(String\\.raw)?\`((?:[^\`\\\\]|\\\\.)*)\`\\}`).exec(tag);
  // String.raw keeps backslashes as written; a plain template literal reads `\x` as `x`.
  if (template && !template[2]!.includes('${')) return template[1] ? template[2]! : template[2]!.replace(/\\(.)/g, '$1');
  if (new RegExp(`\\b${name}=`).test(tag)) throw new Error(`guide Markdown: cannot read the "${name}" attribute of ${tag}`);
  return undefined;
}

function syntaxExampleMarkdown(catalog: Catalog, tag: string): string {
  const text = attribute(tag, 'text');
  const serviceId = attribute(tag, 'service');
  const service = catalog.services.find((s) => s.id === serviceId);
  if (!service) throw new Error(`guide Markdown: no service "${serviceId}" in ${tag}`);
  const verdict = optionalAttribute(tag, 'verdict') ?? 'valid';
  if (verdict !== 'valid' && verdict !== 'warning' && verdict !== 'error') throw new Error(`guide Markdown: unknown verdict "${verdict}" in ${tag}`);
  const { caption, kept, removed, problems } = readExample(text, service, verdict);
  const rows = [
    ...kept.map((s) => [
      s.inside === undefined ? inlineCode(s.key) : `↳ ${inlineCode(s.key)} (inside ${s.inside})`,
      inlineCode(s.value) + (s.note ? ` (${s.note})` : ''),
    ]),
    ...removed.map((key) => [inlineCode(key), 'not set: a name with nothing after = removes the setting']),
  ];
  return join([
    `${caption}:`,
    codeFence(text),
    rows.length > 0 && table(['Name', 'Value the driver keeps'], rows),
    problems.length > 0 && problems.map((p) => `- ${p.severity} at position ${p.span.start + 1}: ${p.message}`).join('\n'),
  ]).trimEnd();
}

function outputFormsMarkdown(catalog: Catalog, serviceId: string, exampleId: string): string {
  const service = catalog.services.find((s) => s.id === serviceId);
  if (!service) throw new Error(`guide Markdown: no service "${serviceId}" for <OutputForms>`);
  return outputForms(service, exampleId)
    .forms.map((form) => join([`### ${form.label}`, form.note, codeFence(form.code, form.lang === 'connection-string' ? 'text' : form.lang)]).trimEnd())
    .join('\n\n');
}

/**
 * A guide (MDX) as Markdown: the prose as written, with each component replaced by what it renders
 * (`SyntaxExample`: the string and what the driver reads; `OutputForms`: the example in every form).
 * An unknown component is an error, so a new one cannot silently vanish from the Markdown. The components find
 * their services in the catalog (on the page, the request's; here, the argument); an attribute set from the page's
 * props (`catalog={props.catalog}`, which guides once had to pass) is passed over.
 */
export function guideMarkdown(
  guide: { title: string; description: string; body: string; htmlPath: string },
  catalog: Catalog,
  url: UrlOf,
): string {
  const body = guide.body
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^import\s.+$/gm, '')
    .replace(/<([A-Z][A-Za-z]*)\b((?:[^>"{]|"[^"]*"|\{(?:String\.raw)?`(?:[^`\\]|\\.)*`\}|\{props\.[A-Za-z]+\})*)\/>/g, (tag, name: string) => {
      if (name === 'SyntaxExample') return syntaxExampleMarkdown(catalog, tag);
      if (name === 'OutputForms') return outputFormsMarkdown(catalog, attribute(tag, 'service'), attribute(tag, 'example'));
      throw new Error(`guide Markdown: no Markdown form for the <${name}> component`);
    })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (/<[A-Z]/.test(body)) throw new Error(`guide Markdown: "${guide.title}" has a component this converter cannot read`);
  return join([`# ${guide.title}`, `> ${guide.description} HTML page: ${bareLink(url(guide.htmlPath))}`, agentDirective(url), body, `---\n\n${catalogDataVersion(catalog)}`]);
}

/** A service as a list item: its name linked to its Markdown page, how it signs in, and its methods. */
function serviceItem(service: ResolvedService, url: UrlOf): string {
  const kinds = serviceAuthKinds(service).map((k) => authKindTitles[k]);
  return `- [${serviceLabel(service)}](${url(markdownPath(servicePath(service.id)))})${kinds.length ? ` (${kinds.join(', ')})` : ''}: ${service.authMethods.map((m) => m.label).join(' · ')}`;
}

/** The home page as Markdown: what the site is, the three ways in, and every service. */
export function homeMarkdown(catalog: Catalog, url: UrlOf): string {
  return join([
    `# ${homeText.heading}`,
    `> ${homeText.description} HTML page: ${bareLink(url(href()))}`,
    agentDirective(url),
    homeText.lead,
    homeText
      .quickLinks()
      .map((link) => `- [${link.title}](${url(markdownPath(link.href))}): ${link.text}`)
      .join('\n'),
    `## ${homeText.servicesHeading}`,
    catalog.services.map((s) => serviceItem(s, url)).join('\n'),
    `---\n\n${catalogDataVersion(catalog)}`,
  ]);
}

/** The services directory as Markdown: every service by first letter, with how it signs in. */
export function servicesMarkdown(catalog: Catalog, url: UrlOf): string {
  const sorted = [...catalog.services].sort((a, b) => serviceLabel(a).localeCompare(serviceLabel(b)));
  const letters = new Map<string, ResolvedService[]>();
  for (const service of sorted) {
    const first = serviceLabel(service).normalize('NFD').charAt(0).toUpperCase();
    const letter = /[A-Z]/.test(first) ? first : '#';
    letters.set(letter, [...(letters.get(letter) ?? []), service]);
  }
  return join([
    `# ${servicesText.title}`,
    `> ${servicesText.description} HTML page: ${bareLink(url(servicesText.path()))}`,
    agentDirective(url),
    servicesText.lead(catalog.services.length),
    ...[...letters].flatMap(([letter, services]) => [`## ${letter}`, services.map((s) => serviceItem(s, url)).join('\n')]),
    `---\n\n${catalogDataVersion(catalog)}`,
  ]);
}

/** The builder page as Markdown: what the interactive builder does, the forms it writes and reads, and per service where to start. */
export function builderMarkdown(catalog: Catalog, url: UrlOf): string {
  const written = forms.filter((f) => f.builderTab).map((f) => f.label);
  const severalBuilds = catalog.services
    .filter((s) => s.history.builds.length > 1)
    .map((s) => `${serviceLabel(s)} (${s.history.builds.map((b) => b.build).join(', ')})`)
    .join('; ');
  return join([
    `# ${builderText.title}`,
    `> ${builderText.description} HTML page: ${bareLink(url(href('builder/')))}`,
    agentDirective(url),
    builderText.lead,
    '## Build',
    `The builder shows the fields of the chosen authentication method, generated from the service’s metadata: the properties the method requires first, then the optional ones. It writes the string in the canonical order and quoting, and in every output form: ${written.join(', ')}. Secret values show as ******** until you reveal them; the copy buttons copy the real string. A share link carries the non-secret fields only.`,
    '## Validate',
    `Paste a string in any of these forms: ${forms.map((f) => f.label).join(', ')}. The validator reads the form, recognizes the service from the Profile, and lists every problem with its position, its cause, a fix where one is safe, and a link to the problem’s troubleshooting page; one button applies every safe fix. Findings never show a secret value.`,
    '## Driver builds',
    `For a service documented in several builds of the driver, a Driver build list beside the service picks the build your driver runs (the newest by default). Both tabs check against that build: a property or allowed value it does not list gets a finding naming the build that added or removed it. The build travels in the share link, and each older build’s page opens the builder on its build (\`?service=<id>&build=<build>\`). Services with several builds: ${severalBuilds || 'none yet'}.`,
    '## Start with a service',
    'Each service’s page has the builder for that service, after its authentication methods:',
    catalog.services.map((s) => `- [${serviceLabel(s)}](${url(servicePath(s.id))}): ${s.authMethods.map((m) => m.label).join(' · ')}; its page as Markdown: ${bareLink(url(markdownPath(servicePath(s.id))))}`).join('\n'),
    `---\n\n${catalogDataVersion(catalog)}`,
  ]);
}

/** A summary as the tail of a sentence: its first letter lower case, unless it starts with a name (two capitals). */
const lowerFirstProse = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);

/** A page listed in llms.txt: its title, Markdown URL and one line on what it holds. */
export type MarkdownPage = { title: string; markdownPath: string; summary: string };

export type SitePages = { site: MarkdownPage[]; services: MarkdownPage[]; reference: MarkdownPage[]; troubleshooting: MarkdownPage[]; guides: MarkdownPage[] };

/** The pages llms.txt lists, from the catalog and the guides' front matter. */
export function sitePages(catalog: Catalog, guides: { id: string; title: string; description: string }[]): SitePages {
  return {
    site: [
      { title: 'Home', markdownPath: markdownPath(href()), summary: 'what the site covers, the ways in, and every service with how it signs in.' },
      { title: servicesText.title, markdownPath: markdownPath(servicesText.path()), summary: 'every service by name, with how each signs in (API key or token, OAuth, user and password).' },
      { title: builderText.title, markdownPath: markdownPath(href('builder/')), summary: 'what the in-browser builder and validator do, and the forms they write and read.' },
    ],
    services: catalog.services.flatMap((s) => [
      {
        title: serviceLabel(s),
        markdownPath: markdownPath(servicePath(s.id)),
        summary: `${s.authMethods.map((m) => m.label).join(', ')}; profile ${s.profileFile}; every connection property${s.history.older.length > 0 ? `; build ${s.dataVersion.build}, the newest of ${s.history.builds.length}, with the changes between builds` : ''}.`,
      },
      ...olderBuildViews(s).map((view) => ({
        title: `${serviceLabel(s)}, build ${view.dataVersion.build}`,
        markdownPath: markdownPath(serviceBuildPath(s.id, view.dataVersion.build)),
        summary: `the older build ${view.dataVersion.build} (${view.dataVersion.edition} help edition): its methods, properties and allowed values as that build lists them.`,
      })),
    ]),
    // The index, then each property's page, from the same list the reference's routes are made from.
    reference: [
      {
        title: 'Connection properties reference',
        markdownPath: markdownPath(href('reference/')),
        summary: 'every property once, by category, with where it goes and who uses it; each links to its page.',
      },
      ...referencePages(catalog).map((page) => ({
        title: page.name,
        markdownPath: page.markdownPath,
        summary: `${placementLabel[page.entry.property.placement]}, used by ${usedByLabel(page.entry)}: ${lowerFirstProse(page.entry.property.summary)}`,
      })),
    ],
    troubleshooting: [
      { title: troubleshootingText.title, markdownPath: markdownPath(troubleshootingText.path()), summary: 'every finding code, grouped: the index of the pages below.' },
      ...(catalog.troubleshooting ?? []).map((p) => ({
        title: `${p.code}: ${p.title}`,
        markdownPath: markdownPath(troubleshootingPath(p.code)),
        summary: 'what the finding means, why the driver cares, how to fix it, and a checked example.',
      })),
    ],
    guides: guides.map((g) => ({ title: g.title, markdownPath: markdownPath(guidePath(g.id)), summary: g.description })),
  };
}

/** `/llms.txt` (llmstxt.org): a title, a one-paragraph summary, then the Markdown pages grouped in sections. */
export function llmsTxt(pages: SitePages, catalog: Catalog, url: UrlOf): string {
  const list = (items: MarkdownPage[]) => items.map((p) => `- [${p.title}](${url(p.markdownPath)}): ${p.summary}`).join('\n');
  return join([
    '# Connector Help',
    `> Help for the API data provider's connectors (${catalog.services.map(serviceLabel).join(', ')}): how to authenticate to each service, validated example connection strings, and every connection property with its placement (top level or inside ProfileSettings), allowed values and default. Every fact comes from one schema-checked catalog, and every example is checked by the same connection-string engine the site's validator and the connstr CLI use.`,
    `Connection strings are \`name=value\` pairs separated by semicolons; names and enumerated values are not case-sensitive. Settings that a service profile reads (such as APIKey) go inside the nested \`ProfileSettings='…'\` value. ${catalogDataVersion(catalog)} All pages in one file: ${bareLink(url(href('llms-full.txt')))}. The same facts as data: ${bareLink(url(href('catalog.json')))} (JSON Schema: ${bareLink(url(href('catalog.schema.json')))}). What each build of a service changed: ${bareLink(url(href('changes.xml')))} (Atom feed) and ${bareLink(url(href('changes.json')))}.`,
    '## Site',
    list(pages.site),
    '## Services',
    list(pages.services),
    '## Reference',
    list(pages.reference),
    '## Troubleshooting',
    list(pages.troubleshooting),
    '## Guides',
    list(pages.guides),
  ]);
}

/** `/llms-full.txt`: the llms.txt header, then every page's Markdown in the same order. */
export function llmsFullTxt(pages: SitePages, bodies: Map<string, string>, catalog: Catalog, url: UrlOf): string {
  const all = [...pages.site, ...pages.services, ...pages.reference, ...pages.troubleshooting, ...pages.guides].filter((p) => p.markdownPath.endsWith('.md'));
  const sections = all.map((p) => {
    const body = bodies.get(p.markdownPath);
    if (body === undefined) throw new Error(`llms-full.txt: no Markdown for ${p.markdownPath}`);
    return `<!-- ${url(p.markdownPath)} -->\n\n${body.trim()}`;
  });
  return join([llmsTxt(pages, catalog, url).trim(), ...sections]);
}

/** The troubleshooting index as Markdown: every code with its title, grouped as the HTML page groups them. */
export function troubleshootingIndexMarkdown(catalog: Catalog, url: UrlOf): string {
  return join([
    `# ${troubleshootingText.title}`,
    `> ${troubleshootingText.description} HTML page: ${bareLink(url(troubleshootingText.path()))}`,
    agentDirective(url),
    troubleshootingText.lead,
    `Every code as data: ${bareLink(url(href('troubleshooting.json')))} (JSON Schema: ${bareLink(url(href('troubleshooting.schema.json')))}).`,
    ...troubleshootingGroups(catalog).flatMap((g) => [
      `## ${g.heading}`,
      g.pages.map((p) => `- [${inlineCode(p.code)}](${url(markdownPath(troubleshootingPath(p.code)))}): ${prose(p.title)}`).join('\n'),
    ]),
    `---\n\n${catalogDataVersion(catalog)}`,
  ]);
}

/** One code's troubleshooting page as Markdown: the same words and checked example as its HTML page. */
export function troubleshootingMarkdown(page: TroubleshootingPage, catalog: Catalog, url: UrlOf): string {
  const view = exampleView(page, catalog);
  return join([
    `# ${prose(page.title)}`,
    `> Finding code ${inlineCode(page.code)}. HTML page: ${bareLink(url(troubleshootingPath(page.code)))}`,
    agentDirective(url),
    `[${troubleshootingText.title}](${url(markdownPath(troubleshootingText.path()))}) › ${inlineCode(page.code)}`,
    page.inference ? `*Our inference* ${troubleshootingText.inference}` : troubleshootingText.sourced,
    '## What it means',
    prose(page.meaning),
    '## Why the driver cares',
    prose(page.why),
    '## How to fix it',
    prose(page.fix),
    '## Example',
    `Before, for [${view.serviceName}](${url(view.servicePage)})${view.escaped ? ' (an invisible character is written as ⟨U+…⟩)' : ''}`,
    codeFence(view.before.code),
    view.drawn.length > 0 ? `The checker reports:\n\n${view.drawn.map((d) => `- ${d.severity}: ${prose(d.message)}${d.fix ? ` Fix: ${prose(d.fix)}` : ''}`).join('\n')}` : undefined,
    prose(view.afterNote),
    view.after ? codeFence(view.after.code) : undefined,
    `[All troubleshooting codes](${url(markdownPath(troubleshootingText.path()))})`,
    `---\n\n${catalogDataVersion(catalog)}`,
  ]);
}
