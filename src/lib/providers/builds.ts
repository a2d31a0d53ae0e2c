/**
 * A service's builds: the newest as its file documents it, each older one as the file's `olderBuilds` entry
 * applied to it (`serviceAtBuild`), and what each build changed from the one before (`buildHistory`), derived
 * from the resolved facts with the one comparison in `changes.ts`. Pure, no I/O.
 */
import { compareBuildNumbers, diffBuildFacts, type BuildFacts } from './changes.ts';
import type { ResolvedBuild } from './resolved.ts';
import type { BuildChanges, OlderBuild, Service } from './schema.ts';

/** The service file as one older build documents it: the newest's facts with the build's differences applied. */
export function serviceAtBuild(service: Service, older: OlderBuild): Service {
  const propertyDelta = new Map(older.properties.map((p) => [p.name, p]));
  const methodDelta = new Map(older.authMethods.map((m) => [m.id, m]));
  const exampleDelta = new Map(older.examples.map((e) => [e.id, e]));
  const properties = service.properties
    .filter((p) => !propertyDelta.get(p.name)?.absent)
    .map((p) => {
      const delta = propertyDelta.get(p.name);
      if (!delta) return p;
      return {
        ...p,
        ...(delta.allowedValues ? { allowedValues: delta.allowedValues } : {}),
        ...(delta.default !== undefined ? { default: delta.default } : {}),
        ...(delta.decisions ? { decisions: delta.decisions } : {}),
      };
    });
  const authMethods = service.authMethods
    .filter((m) => !methodDelta.get(m.id)?.absent)
    .map((m) => {
      const delta = methodDelta.get(m.id);
      if (!delta) return m;
      return { ...m, ...(delta.steps ? { steps: delta.steps } : {}), ...(delta.decisions ? { decisions: delta.decisions } : {}) };
    });
  const methodIds = new Set(authMethods.map((m) => m.id));
  const examples = service.examples
    .filter((e) => methodIds.has(e.authMethod))
    .map((e) => {
      const delta = exampleDelta.get(e.id);
      if (!delta) return e;
      return { ...e, ...(delta.connectionString ? { connectionString: delta.connectionString } : {}), ...(delta.vendorText !== undefined ? { vendorText: delta.vendorText } : {}) };
    });
  const { vendorPage: _newestPage, ...rest } = service;
  return {
    ...rest,
    dataVersion: { build: older.build, edition: older.edition },
    ...(older.vendorPage ? { vendorPage: older.vendorPage } : {}),
    olderBuilds: [],
    properties: [...properties, ...older.removedLater],
    authMethods,
    examples,
    decisions: older.decisions,
  };
}

/** The comparable facts of one resolved build: the properties its table lists, its methods' steps, paths and examples. */
export function buildFacts(service: ResolvedBuild): BuildFacts {
  const byName = new Map(service.properties.map((p) => [p.name, p]));
  return {
    build: service.dataVersion.build,
    properties: service.listedProperties.map((name) => {
      const p = byName.get(name)!;
      return { name, ...(p.allowedValues ? { allowedValues: p.allowedValues.map((v) => v.value) } : {}), ...(p.default !== undefined ? { default: p.default } : {}) };
    }),
    methods: service.authMethods.map((m) => ({
      key: m.id,
      label: m.label,
      steps: m.steps.map((s) => s.text),
      menuPaths: m.steps.flatMap((s) => (s.menuPath ? [s.menuPath.join(' › ')] : [])),
      examples: service.examples.filter((e) => e.id === m.example).map((e) => e.connectionString),
    })),
  };
}

/** What each build changed from the one before it, newest first (the oldest has nothing to compare with). */
export function buildChanges(builds: readonly ResolvedBuild[]): BuildChanges[] {
  const sorted = [...builds].sort((a, b) => compareBuildNumbers(b.dataVersion.build, a.dataVersion.build));
  return sorted.slice(0, -1).map((build, i) => {
    const previous = sorted[i + 1]!;
    return { build: build.dataVersion.build, edition: build.dataVersion.edition, previous: previous.dataVersion.build, changes: diffBuildFacts(buildFacts(previous), buildFacts(build)) };
  });
}

/**
 * Facts another build lists that `build` does not: each property or allowed value with the build that added it
 * (the first later build to list it) or removed it (the first build after the last earlier one to list it). The
 * engine names that build in its `not-in-build` finding.
 */
export function notInBuild(build: ResolvedBuild, all: readonly ResolvedBuild[]): { property: string; value?: string; addedIn?: string; removedIn?: string }[] {
  const sorted = [...all].sort((a, b) => compareBuildNumbers(a.dataVersion.build, b.dataVersion.build));
  const mine = buildFacts(build);
  const mineProps = new Map(mine.properties.map((p) => [p.name.toLowerCase(), p]));
  const facts = sorted.map(buildFacts);
  const at = sorted.findIndex((b) => b.dataVersion.build === build.dataVersion.build);
  const lists = (f: BuildFacts, property: string, value?: string) => {
    const p = f.properties.find((q) => q.name.toLowerCase() === property.toLowerCase());
    if (!p) return false;
    return value === undefined || (p.allowedValues ?? []).some((v) => v.toLowerCase() === value.toLowerCase());
  };
  const when = (property: string, value?: string) => {
    const later = facts.findIndex((f, i) => i > at && lists(f, property, value));
    if (later >= 0) return { addedIn: facts[later]!.build };
    let last = -1;
    facts.forEach((f, i) => {
      if (i < at && lists(f, property, value)) last = i;
    });
    return { removedIn: facts[last + 1]!.build };
  };
  const seen = new Set<string>();
  const out: { property: string; value?: string; addedIn?: string; removedIn?: string }[] = [];
  for (const f of facts) {
    for (const p of f.properties) {
      const own = mineProps.get(p.name.toLowerCase());
      if (!own) {
        const key = p.name.toLowerCase();
        if (!seen.has(key)) out.push({ property: p.name, ...when(p.name) });
        seen.add(key);
        continue;
      }
      for (const v of p.allowedValues ?? []) {
        if ((own.allowedValues ?? []).some((w) => w.toLowerCase() === v.toLowerCase())) continue;
        const key = `${p.name}=${v}`.toLowerCase();
        if (!seen.has(key)) out.push({ property: own.name, value: v, ...when(p.name, v) });
        seen.add(key);
      }
    }
  }
  return out;
}
