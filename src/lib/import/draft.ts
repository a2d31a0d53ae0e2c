/**
 * A draft service file (the `content/services` format) from a reviewed vendor page: every fact of the page in
 * place (names, fixed values, menu paths, URLs, example strings as printed and in canonical form, the table's
 * allowed values, build and year) and every field that needs our words left as a `[to write]` hint. Each warning
 * of the review gets a `decisions` entry beside the data it concerns, with the decision left to write.
 * Pure: pages and the shared properties in, a JSON-ready object out.
 */
import { canonicalize, foldKey, type MethodRule, type PropertyRule, type ServiceRules } from '../connstr/index.ts';
import { toWrite } from '../providers/drafts.ts';
import type { ServiceInput } from '../providers/schema.ts';
import { finding, type ImportFinding } from './findings.ts';
import { buildFromFileName, CONSOLE, type VendorBullet, type VendorExample, type VendorPage, type VendorProperty } from './page.ts';
import {
  CONNECTION_NAMES,
  canonicalName,
  examplePairs,
  mentionedNames,
  methodGroups,
  sentences,
  nameUses,
  sharedProperty,
  type ExamplePair,
  type ImportContext,
  type MethodGroup,
  type SharedProperty,
} from './usage.ts';

type PropertyEntry = NonNullable<ServiceInput['properties']>[number];
type MethodEntry = ServiceInput['authMethods'][number];
type StepEntry = MethodEntry['steps'][number];
type RequirementEntry = MethodEntry['requires'][number];
type ExampleEntry = ServiceInput['examples'][number];
type DecisionEntry = NonNullable<ServiceInput['decisions']>[number];

export interface Draft {
  /** The service file's content, ready for `JSON.stringify`. */
  service: ServiceInput;
  /** What drafting found on top of the review (facts taken from an older build, values the driver does not list). */
  findings: ImportFinding[];
}

/** The id a service file takes from the service's name: lower case, digits and dashes ("SmartHR" → smarthr). */
export function serviceIdOf(name: string): string {
  const id = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(id) ? id : `service-${id}`;
}

/** The service's name: the page title's, else the profile file's, else the file's. */
export function serviceNameOf(page: VendorPage): string {
  if (page.title) return page.title.service;
  const profile = profileFileOf(page);
  if (profile) return profile.replace(/\.apip$/i, '');
  return (page.file.split(/[\\/]/).pop() ?? page.file).replace(/[-_]\d.*$|\.txt$/i, '');
}

/** The profile file the examples name (the most frequent spelling), if any. */
export function profileFileOf(page: VendorPage): string | undefined {
  const counts = new Map<string, number>();
  page.sections.forEach((section, i) => {
    for (const example of section.examples) {
      const profile = examplePairs(example, i).find((p) => foldKey(p.key) === 'profile');
      const file = profile?.value.trim().split(/[\\/]/).pop();
      if (file && /\.apip$/i.test(file)) counts.set(file, (counts.get(file) ?? 0) + 1);
    }
  });
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** "Using Bot Token Authentication" → "Bot token"; "Using API Keys" → "API keys". */
export function methodLabel(heading: string): string {
  const bare = heading.replace(/^Using\s+/i, '').replace(/\s*\bauthentications?\b/i, '').replace(/\s+/g, ' ').trim() || heading;
  return bare
    .split(' ')
    .map((word, i) => (i === 0 || /[A-Z].*[A-Z]|\d/.test(word) || /^[A-Z]{2,}/.test(word) ? word : word.toLowerCase()))
    .join(' ');
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'method';

/** A name that holds a secret, by the family's naming: passwords, secrets, tokens and keys. */
const SECRET_NAME = /password|secret|token|apikey|key$/i;

/** What drafting one service shares between its steps: its pages, the shared properties, and what it found. */
interface Drafting {
  page: VendorPage;
  /** Older builds of the same page, used only for what `page` lacks because it was cut off. */
  older: readonly VendorPage[];
  context: ImportContext;
  findings: ImportFinding[];
  groups: MethodGroup[];
  /** Each method's example strings (by its section index): its own, or an older build's when its own is cut off. */
  examples: Map<number, { example: VendorExample; section: number }[]>;
  /** The spelling we publish for a name as printed. */
  nameOf: (spelling: string) => string;
}

/** A method of the draft before it is written out: its name, AuthScheme, requirements and optional settings. */
interface MethodDraft {
  group: MethodGroup;
  id: string;
  label: string;
  scheme: string | undefined;
  requires: RequirementEntry[];
  optional: string[];
  bullets: VendorBullet[];
}

/**
 * Drafts a service from its pages: the first is the one documented (the newest build); the others (older builds)
 * only fill what the first lacks because it was cut off, each such fact reported.
 */
export function draftService(pages: readonly VendorPage[], context: ImportContext, review: readonly ImportFinding[]): Draft {
  const [page, ...older] = pages;
  if (!page) throw new Error('draftService needs at least one page');
  const uses = nameUses(page);
  const d: Drafting = {
    page,
    older,
    context,
    findings: [],
    groups: methodGroups(page),
    examples: new Map(),
    nameOf: (spelling) => canonicalName(context, uses.get(foldKey(spelling)) ?? [{ spelling, source: 'example', line: 0 }]),
  };
  for (const group of d.groups) d.examples.set(group.section, examplesOf(d, group));
  const { properties, defaults } = draftProperties(d);
  const methods = draftMethods(d, defaults);
  const { authMethods, examples } = writeMethods(d, methods, properties);
  const name = serviceNameOf(page);
  const service: ServiceInput = {
    id: serviceIdOf(name),
    draft: true,
    name,
    consoleName: toWrite(`where the values are found, as the page names it${consoleHint(page)}`),
    profileFile: profileFileOf(page) ?? `${name.replace(/\s+/g, '')}.apip`,
    dataVersion: { build: page.build?.version ?? buildFromFileName(page.file) ?? '', edition: page.copyright ? String(page.copyright.year) : toWrite('the help edition year (the page has no copyright line)') },
    ...(page.truncations.length > 0 || !page.table ? { vendorPage: { incomplete: toWrite('what the saved page lacks (it breaks off early), and where we took the missing facts from') } } : {}),
    overview: toWrite('two or three sentences: the methods this service documents, and when to pick each'),
    properties,
    authMethods,
    examples,
    decisions: [],
  };
  fileDecisions(service, methods.map((m) => m.group.section), [...review, ...d.findings]);
  return { service, findings: d.findings };
}

/** A method's example strings: its own, or, when its own is cut off, the same method's of an older build. */
function examplesOf(d: Drafting, group: MethodGroup): { example: VendorExample; section: number }[] {
  const { page } = d;
  const own = group.sections.flatMap((i) => page.sections[i]!.examples.filter((e) => !e.truncated).map((example) => ({ example, section: i })));
  if (own.length > 0) return own;
  const cut = group.sections.flatMap((i) => page.sections[i]!.examples.filter((e) => e.truncated));
  for (const other of d.older) {
    const match = methodGroups(other).find((g) => foldKey(g.heading) === foldKey(group.heading));
    const found = match?.sections.flatMap((i) => other.sections[i]!.examples.filter((e) => !e.truncated)) ?? [];
    const fitting = found.filter((e) => cut.every((c) => e.text.startsWith(c.text)));
    if (fitting.length > 0) {
      d.findings.push(finding('filled-from-build', cut[0]?.line ?? group.line, `The example of "${group.heading}" is taken from the ${other.build?.version ?? 'older'} page (line ${fitting[0]!.line} there): this page's copy is cut off. Say so on the page.`, { section: group.section }));
      return fitting.map((example) => ({ example, section: group.section }));
    }
  }
  return [];
}

const pairsOf = (d: Drafting, group: MethodGroup): ExamplePair[] => (d.examples.get(group.section) ?? []).flatMap(({ example, section }) => examplePairs(example, section));

/** A property's table row: this page's, or, when this page is cut off before it, an older build's (reported). */
function rowOf(d: Drafting, canonical: string): VendorProperty | undefined {
  const own = d.page.table?.rows.find((r) => foldKey(r.name) === foldKey(canonical));
  if (own || d.page.truncations.length === 0) return own;
  for (const other of d.older) {
    const row = other.table?.rows.find((r) => foldKey(r.name) === foldKey(canonical));
    if (row) {
      d.findings.push(finding('filled-from-build', d.page.truncations[0]!.line, `The ${canonical} row is taken from the ${other.build?.version ?? 'older'} page (line ${row.line} there): this page is cut off before it. Say so on the page.`, { property: canonical }));
      return row;
    }
  }
  return undefined;
}

/**
 * The properties: the table's rows in order, then every other name the bullets and examples use. A shared one is
 * referenced (narrowed to the table's allowed values, placed where the examples put it); any other is defined,
 * typed from its allowed values or example value. Also returns the defaults the page states.
 */
function draftProperties(d: Drafting): { properties: PropertyEntry[]; defaults: Map<string, string> } {
  const { page, context } = d;
  const allPairs = d.groups.flatMap((g) => pairsOf(d, g));
  const order: string[] = [];
  const addName = (spelling: string) => {
    if (CONNECTION_NAMES.has(foldKey(spelling))) return;
    const canonical = d.nameOf(spelling);
    if (!order.some((n) => foldKey(n) === foldKey(canonical))) order.push(canonical);
  };
  for (const row of page.table?.rows ?? []) addName(row.name);
  page.sections.forEach((s) => s.bullets.forEach((b) => addName(b.name)));
  for (const pair of allPairs) addName(pair.key);

  const properties: PropertyEntry[] = [];
  const defaults = new Map<string, string>();
  for (const canonical of order) {
    const row = rowOf(d, canonical);
    const bullet = page.sections.flatMap((s) => s.bullets).find((b) => foldKey(b.name) === foldKey(canonical));
    const pairs = allPairs.filter((p) => foldKey(p.key) === foldKey(canonical));
    const levels = new Set(pairs.map((p) => p.level));
    const stated = bullet?.default ?? row?.default;
    if (stated !== undefined) defaults.set(canonical, stated);
    const shared = sharedProperty(context, canonical);
    properties.push(shared ? sharedEntry(d, shared, row, levels, stated) : definedEntry(canonical, row, levels, stated, pairs[0]?.value));
  }
  return { properties, defaults };
}

/** A shared property as this service uses it: its table's allowed values, and its level when the examples differ. */
function sharedEntry(d: Drafting, shared: SharedProperty, row: VendorProperty | undefined, levels: Set<'top' | 'profileSettings'>, stated: string | undefined): PropertyEntry {
  const entry: PropertyEntry = { name: shared.name };
  if (row?.allowedValues && row.allowedValues.length > 0 && shared.allowedValues) {
    const known = row.allowedValues.map((v) => shared.allowedValues!.find((a) => foldKey(a.value) === foldKey(v))?.value);
    row.allowedValues.forEach((v, i) => {
      if (known[i] === undefined) {
        d.findings.push(finding('unknown-allowed-value', row.allowedValuesLine ?? row.line, `${v} is listed as an allowed value of ${shared.name}, but the driver's shared list (${shared.allowedValues!.map((a) => a.value).join(', ')}) does not have it; add it there if it is real.`, { property: shared.name }));
      }
    });
    entry.allowedValues = known.filter((v): v is string => v !== undefined);
  }
  if (levels.size === 1) {
    const level = [...levels][0]!;
    if (level !== shared.placement) entry.placement = level;
  }
  if (stated !== undefined) entry.default = stated;
  return entry;
}

/** A property only this service has: typed from its allowed values or example, placed where the examples put it. */
function definedEntry(name: string, row: VendorProperty | undefined, levels: Set<'top' | 'profileSettings'>, stated: string | undefined, example: string | undefined): PropertyEntry {
  const values = row?.allowedValues;
  const boolean = (values && values.length > 0 && values.every((v) => /^(?:true|false)$/i.test(v))) || (example !== undefined && /^(?:true|false)$/i.test(example));
  const type = boolean ? 'boolean' : values && values.length > 0 ? 'enum' : example !== undefined && /^https?:\/\//i.test(example) ? 'url' : 'string';
  // Never written in an example: a setting of the service's profile, as the family's own settings are.
  const placement = levels.size === 1 ? [...levels][0]! : 'profileSettings';
  const sensitive = SECRET_NAME.test(name);
  return {
    name,
    define: {
      category: sensitive ? 'Authentication' : 'Connection',
      type,
      placement,
      sensitive,
      ...(stated !== undefined ? { default: stated } : {}),
      ...(type === 'enum' ? { allowedValues: values!.map((value) => ({ value, summary: toWrite(`what the value ${value} of ${name} does`) })) } : {}),
      summary: toWrite(`what ${name} is for, in one sentence`),
      ...(example !== undefined && type !== 'boolean' ? { example } : {}),
    },
  };
}

/** The value as the driver lists it (OAuth → OAUTH), from the shared list or the page's table. */
function canonicalValue(d: Drafting, name: string, value: string): string {
  const fromShared = sharedProperty(d.context, name)?.allowedValues?.find((v) => foldKey(v.value) === foldKey(value))?.value;
  if (fromShared) return fromShared;
  const row = d.page.table?.rows.find((r) => foldKey(r.name) === foldKey(name));
  return row?.allowedValues?.find((v) => foldKey(v) === foldKey(value)) ?? value;
}

/**
 * Each method: its id and label from the heading, the AuthScheme its bullets or example fix, what it requires (its
 * bullets, then its example's other settings) and what it allows (settings with a stated default).
 */
function draftMethods(d: Drafting, defaults: ReadonlyMap<string, string>): MethodDraft[] {
  const ids = new Set<string>();
  return d.groups.map((group) => {
    const label = methodLabel(group.heading);
    let id = slug(label);
    for (let n = 2; ids.has(id); n++) id = `${slug(label)}-${n}`;
    ids.add(id);
    const bullets = group.sections.flatMap((i) => d.page.sections[i]!.bullets).filter((b) => !CONNECTION_NAMES.has(foldKey(b.name)));
    const pairs = pairsOf(d, group).filter((p) => !CONNECTION_NAMES.has(foldKey(p.key)));
    const schemeValue = bullets.find((b) => foldKey(b.name) === 'authscheme')?.value ?? pairs.find((p) => foldKey(p.key) === 'authscheme')?.value;
    const scheme = schemeValue === undefined ? undefined : canonicalValue(d, 'AuthScheme', schemeValue);
    const required: string[] = [];
    const optional: string[] = [];
    for (const spelling of [...bullets.map((b) => b.name), ...pairs.map((p) => p.key)]) {
      const canonical = d.nameOf(spelling);
      if (required.includes(canonical) || optional.includes(canonical)) continue;
      (defaults.has(canonical) ? optional : required).push(canonical);
    }
    const requires: RequirementEntry[] = required.map((property) => {
      const raw = foldKey(property) === 'authscheme' ? scheme : bullets.find((b) => foldKey(b.name) === foldKey(property))?.value;
      const value = raw === undefined ? undefined : canonicalValue(d, property, raw);
      return {
        property,
        ...(value !== undefined ? { value } : {}),
        // GETANDREFRESH unless the string brings its own token (then OFF or REFRESH works): what the validator checks.
        ...(property === 'InitiateOAuth' && value !== undefined
          ? sharedProperty(d.context, 'OAuthAccessToken')
            ? { unlessSet: ['OAuthAccessToken'] }
            : { valueRule: 'recommended' as const }
          : {}),
        source: toWrite(value !== undefined && property === 'AuthScheme' ? 'why this method fixes this value (a few words)' : `where the ${property} value comes from, and which console page shows it`),
      };
    });
    return { group, id, label, scheme, requires, optional, bullets };
  });
}

/** The methods as the service file writes them (steps, pitfalls, the credential that selects them) and their examples in canonical form. */
function writeMethods(d: Drafting, methods: readonly MethodDraft[], properties: readonly PropertyEntry[]): { authMethods: MethodEntry[]; examples: ExampleEntry[] } {
  const withoutScheme = methods.filter((m) => m.scheme === undefined);
  const rules = draftRules(serviceNameOf(d.page), d.page, d.context, properties, methods);
  const examples: ExampleEntry[] = [];
  const authMethods = methods.map((m): MethodEntry => {
    const credentials = withoutScheme.length > 1 && m.scheme === undefined ? credentialsOf(m, withoutScheme, d.context, properties) : [];
    const pitfalls = m.bullets
      .filter((b) => b.rejectedPrefix !== undefined)
      .map((b) => ({ property: d.nameOf(b.name), rejectedPrefix: b.rejectedPrefix!, text: toWrite(`the mistake the page warns about: the value given with its ${JSON.stringify(b.rejectedPrefix)} prefix`), confidence: 'observed' as const }));
    const own = d.examples.get(m.group.section) ?? [];
    own.forEach(({ example }, n) => {
      examples.push({ id: n === 0 ? m.id : `${m.id}-${n + 1}`, title: m.label, authMethod: m.id, connectionString: canonicalize(example.text, rules), vendorText: example.text });
    });
    return {
      id: m.id,
      label: m.label,
      whenToUse: toWrite('when to pick this method, in one or two sentences'),
      authSchemes: m.scheme !== undefined ? [m.scheme] : [],
      impliedWithoutAuthScheme: m.scheme === undefined && withoutScheme[0] === m,
      ...(credentials.length > 0 ? { impliedWhenSet: credentials } : {}),
      steps: stepsOf(d.page, m.group, m.requires.map((r) => r.property)),
      requires: m.requires,
      allows: m.optional,
      example: own.length > 0 ? m.id : toWrite('the id of an example for this method (the page has none): add one to "examples"'),
      ...(pitfalls.length > 0 ? { pitfalls } : {}),
    };
  });
  return { authMethods, examples };
}

/** The console names the page mentions ("Discord Developer Portal"), as a hint for `consoleName`. */
function consoleHint(page: VendorPage): string {
  const names = new Set<string>();
  for (const section of page.sections) {
    for (const p of section.prose) for (const m of p.text.matchAll(/\b(?:[A-Z][\w.-]*\s+){1,3}(?:Portal|Console|Hub|Dashboard|Center)\b/g)) if (CONSOLE.test(m[0])) names.add(m[0].trim());
  }
  return names.size ? ` (the page names ${[...names].join(', ')})` : '';
}

/**
 * The credential that tells a method without AuthScheme from the others: the secrets it requires that the others
 * do not (Kairos3: APIKey for one method, Password for the other).
 */
function credentialsOf(
  method: { requires: RequirementEntry[] },
  all: readonly { requires: RequirementEntry[] }[],
  context: ImportContext,
  properties: readonly PropertyEntry[],
): string[] {
  const others = all.filter((m) => m !== method).flatMap((m) => m.requires.map((r) => r.property));
  const own = method.requires.map((r) => r.property).filter((p) => !others.includes(p));
  const secret = (name: string) => sharedProperty(context, name)?.sensitive ?? properties.find((p) => p.name === name)?.define?.sensitive ?? SECRET_NAME.test(name);
  const secrets = own.filter(secret);
  return secrets.length > 0 ? secrets : own;
}

/** One step per menu path and per address the method's sections print; the text is the writer's. */
function stepsOf(page: VendorPage, group: MethodGroup, names: readonly string[]): StepEntry[] {
  const steps: StepEntry[] = [];
  for (const i of group.sections) {
    const section = page.sections[i]!;
    // The settings a screen yields: those the sentence naming it names ("the API Application ID (AppId), the Username…").
    const yields = (line: number, label = '') => {
      const text = page.lines[line - 1] ?? '';
      const sentence = sentences(text).find((s) => label !== '' && s.includes(label)) ?? text;
      return mentionedNames(sentence, names);
    };
    const items: { line: number; step: StepEntry }[] = [];
    for (const path of section.menuPaths) {
      const check = path.quoted ? '' : ' (this menu path was read from unquoted text: check it against the page)';
      items.push({ line: path.line, step: { text: toWrite(`what to do on this screen${check}`), menuPath: path.items, yields: yields(path.line, path.items[path.items.length - 1]) } });
    }
    for (const url of section.urls) {
      if (url.broken || /\/\/(?:localhost|127\.0\.0\.1)\b/i.test(url.url)) {
        items.push({ line: url.line, step: { text: toWrite(`what to do with the address the page gives: ${url.url}${url.broken ? ' (broken on the page: find the working one)' : ''}`), yields: yields(url.line, url.url) } });
      } else {
        items.push({ line: url.line, step: { text: toWrite('what to do on this page'), link: url.url, yields: yields(url.line, url.url) } });
      }
    }
    steps.push(...items.sort((a, b) => a.line - b.line).map((i) => i.step));
  }
  if (steps.length === 0) steps.push({ text: toWrite('how to get the values this method needs (the page names no screen)'), yields: [] });
  return steps;
}

/** The engine's view of the draft, for the canonical form of its examples. */
function draftRules(
  name: string,
  page: VendorPage,
  context: ImportContext,
  properties: readonly PropertyEntry[],
  methods: readonly Pick<MethodDraft, 'id' | 'label' | 'scheme' | 'requires' | 'optional'>[],
): ServiceRules {
  const rules: PropertyRule[] = [];
  const own = new Set(properties.map((p) => foldKey(p.name)));
  for (const entry of properties) {
    const shared = sharedProperty(context, entry.name);
    if (shared) rules.push(asRule(shared, entry.placement, entry.allowedValues));
    else if (entry.define) {
      rules.push({
        name: entry.name,
        aliases: [],
        type: entry.define.type,
        placement: entry.define.placement ?? 'top',
        sensitive: entry.define.sensitive ?? false,
        origin: 'service',
        allowedValues: entry.define.allowedValues?.map((v) => ({ value: v.value })),
      });
    }
  }
  for (const shared of context.shared) if (!own.has(foldKey(shared.name)) && shared.placement === 'top') rules.push(asRule(shared));
  const authMethods: MethodRule[] = methods.map((m, i) => ({
    id: m.id,
    label: m.label,
    authSchemes: m.scheme ? [m.scheme] : [],
    impliedWithoutAuthScheme: m.scheme === undefined && methods.findIndex((x) => x.scheme === undefined) === i,
    requires: m.requires.map((r) => ({ property: r.property, value: r.value, valueRule: r.valueRule ?? 'required', ...(r.unlessSet && r.unlessSet.length > 0 ? { unlessSet: r.unlessSet } : {}) })),
    allows: m.optional,
  }));
  // A draft has no display name of its own yet: its messages name it as the page does.
  return { label: name, profileFile: profileFileOf(page) ?? `${name}.apip`, properties: rules, authMethods };
}

function asRule(shared: SharedProperty, placement?: 'top' | 'profileSettings', allowed?: readonly string[]): PropertyRule {
  return {
    name: shared.name,
    aliases: shared.aliases,
    type: shared.type as PropertyRule['type'],
    placement: placement ?? shared.placement,
    sensitive: shared.sensitive,
    allowedValues: allowed ? allowed.map((value) => ({ value })) : shared.allowedValues,
  };
}

/**
 * A `decisions` entry for each warning (and each cut-off), filed beside the data it is about: the property's entry,
 * else the method's, else the service's. The issue is the finding's message (our words); the decision is to write.
 */
function fileDecisions(service: ServiceInput, methodSections: readonly number[], findings: readonly ImportFinding[]): void {
  const decision = (f: ImportFinding): DecisionEntry => ({ issue: f.message, decision: toWrite('what we publish instead, and why') });
  const seen = new Set<string>();
  for (const f of findings) {
    if (f.severity === 'info' && f.code !== 'filled-from-build') continue;
    if (f.code === 'unplaced-line' || f.code === 'missing-build' || f.code === 'missing-title' || f.code === 'footer-after-truncation') continue;
    if (seen.has(f.message)) continue;
    seen.add(f.message);
    const property = f.property === undefined ? undefined : service.properties.find((p) => foldKey(p.name) === foldKey(f.property!));
    const methodIndex = f.section === undefined ? -1 : methodSections.indexOf(f.section);
    const method = methodIndex >= 0 ? service.authMethods[methodIndex] : undefined;
    const list = property ? (property.decisions ??= []) : method ? (method.decisions ??= []) : (service.decisions ??= []);
    list.push(decision(f));
  }
}

