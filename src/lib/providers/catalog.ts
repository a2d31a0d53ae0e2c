/**
 * Builds the checked catalog from raw data files: parses each file with the schema, resolves every
 * service's property references against the shared properties, and checks the rules that span files
 * (unknown references, duplicates, values outside a list, missing examples). Pure: the caller reads the
 * files (see `load.ts`), so tests can feed fixtures and the build feeds `content/`.
 */
import type { z } from 'astro/zod';
import { propertyFileSchema, serviceSchema, type AuthMethod, type Decision, type Property, type Service } from './schema.ts';
import { closestName } from '../connstr/index.ts';
import { draftProblems, draftReport, type DraftReport } from './drafts.ts';
import { exampleProblems, proseProblems } from './examples.ts';
import type { Catalog, ResolvedBuild, ResolvedProperty, ResolvedService } from './resolved.ts';
import { buildChanges, notInBuild, serviceAtBuild } from './builds.ts';
import { compareBuildNumbers } from './changes.ts';
import { troubleshootingEntrySchema, troubleshootingExample, troubleshootingTitle, type TroubleshootingPage } from './troubleshooting.ts';
import { findingCodes } from '../connstr/index.ts';

export type { Catalog, ResolvedBuild, ResolvedProperty, ResolvedService } from './resolved.ts';

/** A data file's name without its folder and `.json`: what a service's id and an entry's code must equal. */
const jsonFileBase = (file: string) => file.split(/[\\/]/).pop()?.replace(/\.json$/, '');

export class CatalogError extends Error {
  // A plain field, not a parameter property: the CLI and the bench run this file under Node's type stripping.
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`The provider metadata is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
    this.name = 'CatalogError';
  }
}

/** `file › service "id" › path: message`, the one format every data error uses. */
function where(file: string, service: string | undefined, path: string): string {
  return [file, service === undefined ? undefined : `service "${service}"`, path || undefined]
    .filter(Boolean)
    .join(' › ');
}

function zodProblems(file: string, service: string | undefined, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path
      .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
      .join('');
    return `${where(file, service, path)}: ${issue.message}`;
  });
}

function didYouMean(name: string, candidates: Iterable<string>): string {
  const best = closestName(name, candidates);
  return best ? ` (did you mean "${best}"?)` : '';
}

export type CatalogOptions = {
  /**
   * `reject` (the default, and every production build): a draft service file fails the build, each field still to
   * write named. `allow` (the dev server, the CLIs): drafts load, and the catalog lists them in `drafts`.
   */
  drafts?: 'allow' | 'reject';
};

/**
 * @param propertyFiles file path → parsed JSON of a shared property file
 * @param serviceFiles file path → parsed JSON of a service file (the file name must be `<id>.json`)
 * @throws CatalogError listing every problem found, each naming the file, the service and the field
 */
export function buildCatalog(
  propertyFiles: Record<string, unknown>,
  serviceFiles: Record<string, unknown>,
  options: CatalogOptions = {},
): Catalog {
  const problems: string[] = [];
  const drafts: DraftReport[] = [];
  const shared = new Map<string, Property>();

  for (const [file, raw] of Object.entries(propertyFiles).sort(([a], [b]) => a.localeCompare(b))) {
    const parsed = propertyFileSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...zodProblems(file, undefined, parsed.error));
      continue;
    }
    parsed.data.properties.forEach((property, i) => {
      const key = property.name.toLowerCase();
      if (shared.has(key)) {
        problems.push(`${where(file, undefined, `properties[${i}].name`)}: duplicate property "${property.name}"`);
        return;
      }
      problems.push(...checkProperty(property, where(file, undefined, `properties[${i}]`)));
      property.decisions.forEach((decision, d) => {
        // A shared property is shown on every page, so its corrections must say which pages they belong on.
        if (!decision.appliesTo) {
          problems.push(`${where(file, undefined, `properties[${i}].decisions[${d}].appliesTo`)}: a shared property's decision must name the services whose vendor page has the problem`);
        }
      });
      shared.set(key, property);
    });
  }

  const services: ResolvedService[] = [];
  const seenIds = new Map<string, string>();
  for (const [file, raw] of Object.entries(serviceFiles).sort(([a], [b]) => a.localeCompare(b))) {
    const rawId = typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : undefined;
    const draft = draftReport(file, raw);
    if (draft) {
      if (options.drafts === 'allow') drafts.push(draft);
      else problems.push(...draftProblems(draft));
    }
    const parsed = serviceSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...zodProblems(file, rawId, parsed.error));
      continue;
    }
    const service = parsed.data;
    const base = jsonFileBase(file);
    if (base !== service.id) {
      problems.push(`${where(file, service.id, 'id')}: the id must match the file name ("${base}")`);
    }
    const clash = seenIds.get(service.id);
    if (clash) {
      problems.push(`${where(file, service.id, 'id')}: duplicate service id, also used by ${clash}`);
      continue;
    }
    seenIds.set(service.id, file);
    const newest = resolveService(file, service, shared, problems);
    if (newest) {
      // Examples are checked with the engine, so a wrong example fails the build like bad data does.
      problems.push(...exampleProblems(newest).map((problem) => `${file} › ${problem}`));
      const older = olderBuilds(file, service, shared, problems);
      const builds = [newest, ...older].map((b) => ({ build: b.dataVersion.build, edition: b.dataVersion.edition }));
      const all = [newest, ...older];
      const missing = Object.fromEntries(all.map((b) => [b.dataVersion.build, notInBuild(b, all)]));
      services.push({ ...newest, history: { builds, older, changes: buildChanges(all), notInBuild: missing } });
    }
  }

  // Connection strings in prose (remarks, property examples) are checked like service examples.
  if (problems.length === 0) problems.push(...proseProblems([...shared.values()], services));

  if (problems.length > 0) throw new CatalogError(problems);
  return {
    properties: [...shared.values()],
    services: services.sort((a, b) => a.name.localeCompare(b.name)),
    ...(drafts.length > 0 ? { drafts } : {}),
  };
}

/** Each older build resolved and checked like the newest (its examples validated against its own rules), newest first. */
function olderBuilds(file: string, service: Service, shared: Map<string, Property>, problems: string[]): ResolvedBuild[] {
  const resolved: ResolvedBuild[] = [];
  const seen = new Set([service.dataVersion.build]);
  service.olderBuilds.forEach((older, i) => {
    const at = `${file} › service "${service.id}" › olderBuilds[${i}]`;
    if (seen.has(older.build)) problems.push(`${at}.build: build ${older.build} is documented twice`);
    else if (compareBuildNumbers(older.build, service.dataVersion.build) > 0) problems.push(`${at}.build: ${older.build} is newer than the build the file documents (${service.dataVersion.build}); document the newest build and list the others here`);
    seen.add(older.build);
    const names = new Set(service.properties.map((p) => p.name));
    for (const p of older.properties) if (!names.has(p.name)) problems.push(`${at}.properties: "${p.name}" is not a property of the newest build; a property only older builds list goes in removedLater`);
    const methods = new Set(service.authMethods.map((m) => m.id));
    for (const m of older.authMethods) if (!methods.has(m.id)) problems.push(`${at}.authMethods: unknown auth method "${m.id}"`);
    const examples = new Set(service.examples.map((e) => e.id));
    for (const e of older.examples) if (!examples.has(e.id)) problems.push(`${at}.examples: unknown example "${e.id}"`);
    const before = problems.length;
    const build = resolveService(`${file} (build ${older.build})`, serviceAtBuild(service, older), shared, problems);
    if (!build || problems.length > before) return;
    problems.push(...exampleProblems(build).map((problem) => `${file} (build ${older.build}) › ${problem}`));
    resolved.push(build);
  });
  return resolved.sort((a, b) => compareBuildNumbers(b.dataVersion.build, a.dataVersion.build));
}

function checkProperty(property: Property, at: string): string[] {
  const problems: string[] = [];
  const values = property.allowedValues?.map((v) => v.value) ?? [];
  if (property.type === 'enum' && values.length === 0) {
    problems.push(`${at}.allowedValues: an enum property needs its allowed values`);
  }
  const dup = values.find((v, i) => values.findIndex((w) => w.toLowerCase() === v.toLowerCase()) !== i);
  if (dup) problems.push(`${at}.allowedValues: duplicate value "${dup}"`);
  if (property.default !== undefined && values.length > 0 && property.default !== '' && !values.includes(property.default)) {
    problems.push(`${at}.default: "${property.default}" is not one of the allowed values (${values.join(', ')})`);
  }
  return problems;
}

function resolveService(
  file: string,
  service: Service,
  shared: Map<string, Property>,
  problems: string[],
): ResolvedBuild | undefined {
  const at = (path: string) => where(file, service.id, path);
  const own = new Map<string, ResolvedProperty>();
  const listed: string[] = [];
  const before = problems.length;

  service.properties.forEach((entry, i) => {
    const key = entry.name.toLowerCase();
    if (own.has(key)) {
      problems.push(`${at(`properties[${i}].name`)}: "${entry.name}" is listed twice`);
      return;
    }
    const base = shared.get(key);
    let property: ResolvedProperty;
    if (entry.define) {
      if (base) {
        problems.push(`${at(`properties[${i}].define`)}: "${entry.name}" is a shared property; narrow it instead of redefining it`);
        return;
      }
      property = { ...entry.define, name: entry.name, origin: 'service' };
      problems.push(...checkProperty(property, at(`properties[${i}].define`)));
    } else if (!base) {
      problems.push(`${at(`properties[${i}].name`)}: unknown property "${entry.name}"${didYouMean(entry.name, names(shared))}; define it with "define" or fix the name`);
      return;
    } else {
      if (base.name !== entry.name) {
        problems.push(`${at(`properties[${i}].name`)}: write "${base.name}", the canonical spelling, not "${entry.name}"`);
      }
      property = { ...base, origin: 'shared' };
    }
    if (entry.allowedValues) {
      const known = property.allowedValues ?? [];
      const narrowed = entry.allowedValues.map((value, j) => {
        const match = known.find((k) => k.value === value);
        if (!match) {
          const list = known.map((k) => k.value).join(', ') || 'none';
          problems.push(`${at(`properties[${i}].allowedValues[${j}]`)}: "${value}" is not an allowed value of ${property.name} (allowed: ${list})`);
        }
        return match;
      });
      property.allowedValues = narrowed.filter((v): v is NonNullable<typeof v> => v !== undefined);
    }
    if (entry.placement !== undefined) {
      if (entry.define) problems.push(`${at(`properties[${i}].placement`)}: a property this service defines sets its placement inside "define"`);
      else property.placement = entry.placement;
    }
    if (entry.default !== undefined) property.default = entry.default;
    if (entry.summary !== undefined) property.summary = entry.summary;
    if (entry.remarks !== undefined) property.remarks = entry.remarks;
    if (entry.misnomers.length > 0) property.misnomers = [...property.misnomers, ...entry.misnomers];
    property.decisions = [...property.decisions, ...entry.decisions];
    own.set(key, property);
    listed.push(property.name);
  });

  const all = new Map(own);
  // Driver-level properties apply to every service; a shared ProfileSettings entry (APIKey) only to the
  // services that list it, because each profile reads its own settings.
  for (const [key, property] of shared) {
    if (!all.has(key) && property.placement === 'top') all.set(key, { ...property, origin: 'shared' });
  }
  const known = [...all.values()].map((p) => p.name);
  const lookup = (name: string) => all.get(name.toLowerCase());
  const checkName = (name: string, path: string) => {
    const property = lookup(name);
    if (!property) problems.push(`${at(path)}: unknown property "${name}"${didYouMean(name, known)}`);
    else if (property.name !== name) problems.push(`${at(path)}: write "${property.name}", the canonical spelling, not "${name}"`);
    return property;
  };
  service.alternateForms.forEach((form, i) => {
    if (lookup(form.name)) problems.push(`${at(`alternateForms[${i}].name`)}: "${form.name}" is a property of this service; an alternate form names a setting its page does not list`);
    form.properties.forEach((name, j) => checkName(name, `alternateForms[${i}].properties[${j}]`));
  });

  const ownDecisions: [string, Decision[]][] = [
    ['decisions', service.decisions],
    ...service.authMethods.map((m, i): [string, Decision[]] => [`authMethods[${i}].decisions`, m.decisions]),
    ...service.properties.map((p, i): [string, Decision[]] => [`properties[${i}].decisions`, p.decisions]),
  ];
  for (const [path, list] of ownDecisions) {
    list.forEach((decision, d) => {
      if (decision.appliesTo) problems.push(`${at(`${path}[${d}].appliesTo`)}: a decision in a service's file applies to that service only; leave appliesTo out`);
    });
  }

  const authSchemeValues = lookup('AuthScheme')?.allowedValues?.map((v) => v.value) ?? [];
  const methodIds = new Set<string>();
  const exampleIds = new Set(service.examples.map((e) => e.id));
  service.authMethods.forEach((method: AuthMethod, m) => {
    const path = `authMethods[${m}]`;
    if (methodIds.has(method.id)) problems.push(`${at(`${path}.id`)}: duplicate auth method id "${method.id}"`);
    methodIds.add(method.id);
    method.authSchemes.forEach((scheme, s) => {
      if (!authSchemeValues.includes(scheme)) {
        problems.push(`${at(`${path}.authSchemes[${s}]`)}: "${scheme}" is not in this service's AuthScheme values (${authSchemeValues.join(', ')})`);
      }
    });
    method.requires.forEach((req, r) => {
      const property = checkName(req.property, `${path}.requires[${r}].property`);
      if (property && req.value !== undefined && property.allowedValues) {
        const values = property.allowedValues.map((v) => v.value);
        if (!values.includes(req.value)) {
          problems.push(`${at(`${path}.requires[${r}].value`)}: "${req.value}" is not an allowed value of ${property.name} (allowed: ${values.join(', ')})`);
        }
      }
      req.unlessSet.forEach((name, u) => checkName(name, `${path}.requires[${r}].unlessSet[${u}]`));
    });
    method.allows.forEach((name, a) => checkName(name, `${path}.allows[${a}]`));
    method.impliedWhenSet.forEach((name, c) => {
      if (checkName(name, `${path}.impliedWhenSet[${c}]`) && !method.requires.some((r) => r.property === name)) {
        problems.push(`${at(`${path}.impliedWhenSet[${c}]`)}: "${name}" selects this method, so the method must require it`);
      }
    });
    method.pitfalls.forEach((pitfall, p) => {
      if (pitfall.property !== undefined) checkName(pitfall.property, `${path}.pitfalls[${p}].property`);
    });
    method.steps.forEach((step, s) => step.yields.forEach((name, y) => checkName(name, `${path}.steps[${s}].yields[${y}]`)));
    if (!exampleIds.has(method.example)) {
      problems.push(`${at(`${path}.example`)}: missing example "${method.example}"; add it to "examples"`);
    }
  });
  if (service.authMethods.filter((m) => m.impliedWithoutAuthScheme).length > 1) {
    problems.push(`${at('authMethods')}: only one auth method may be impliedWithoutAuthScheme`);
  }
  const seenExamples = new Set<string>();
  service.examples.forEach((example, e) => {
    if (seenExamples.has(example.id)) problems.push(`${at(`examples[${e}].id`)}: duplicate example id "${example.id}"`);
    seenExamples.add(example.id);
    if (!methodIds.has(example.authMethod)) {
      problems.push(`${at(`examples[${e}].authMethod`)}: unknown auth method "${example.authMethod}"${didYouMean(example.authMethod, methodIds)}`);
    }
  });

  if (problems.length > before) return undefined;
  return { ...service, properties: [...all.values()], listedProperties: listed };
}

function names(map: Map<string, Property>): string[] {
  return [...map.values()].map((p) => p.name);
}

/**
 * Services named by shared decisions that the catalog does not have (a misspelt id would hide a correction
 * from every page). Checked on the whole content folder (`loadCatalog`), not by `buildCatalog`, which tests
 * also feed with one service at a time.
 */
export function unknownDecisionTargets(catalog: Catalog): string[] {
  const ids = new Set(catalog.services.map((s) => s.id));
  return catalog.properties.flatMap((property) =>
    property.decisions.flatMap((decision, d) =>
      (decision.appliesTo ?? [])
        .filter((id) => !ids.has(id))
        .map((id) => `property "${property.name}" › decisions[${d}].appliesTo: unknown service "${id}"${didYouMean(id, ids)}`),
    ),
  );
}

/**
 * The troubleshooting entries (file path → parsed JSON of `troubleshooting/<code>.json`), checked: the schema, the
 * file named after its code, a known service, and an example the engine agrees with (see `troubleshootingExample`).
 * In the order of `findingCodes`.
 * @throws CatalogError listing every problem found
 */
export function buildTroubleshooting(files: Record<string, unknown>, services: readonly ResolvedService[]): TroubleshootingPage[] {
  const problems: string[] = [];
  const pages: TroubleshootingPage[] = [];
  const byId = new Map(services.map((s) => [s.id, s]));
  for (const [file, raw] of Object.entries(files)) {
    const parsed = troubleshootingEntrySchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...zodProblems(file, undefined, parsed.error));
      continue;
    }
    const entry = parsed.data;
    const base = jsonFileBase(file);
    if (base !== entry.code) problems.push(`${where(file, undefined, 'code')}: the code must match the file name ("${base}")`);
    const service = byId.get(entry.example.service);
    if (!service) {
      problems.push(`${where(file, undefined, 'example.service')}: unknown service "${entry.example.service}"${didYouMean(entry.example.service, byId.keys())}`);
      continue;
    }
    const checked = troubleshootingExample(entry, service);
    if ('error' in checked) {
      problems.push(`${where(file, undefined, 'example')}: ${checked.error}`);
      continue;
    }
    pages.push({ ...entry, title: troubleshootingTitle(entry.code), checked });
  }
  if (problems.length > 0) throw new CatalogError(problems);
  const order = new Map(findingCodes.map((c, i) => [c, i]));
  return pages.sort((a, b) => order.get(a.code)! - order.get(b.code)!);
}
