/**
 * What changed between two builds of a service, derived from facts, never written by hand. One comparison
 * (`diffBuildFacts`) serves both sides that need it: the catalog (each older build a service holds against the
 * next one, for the "Changes between builds" section, the feed and catalog.json) and the importer's
 * `import -- diff OLD.txt NEW.txt` (two vendor pages read into the same `BuildFacts`). Pure, no I/O.
 *
 * A fact one side cannot show because its page was cut off is not a change: the side says which facts it
 * cannot vouch for (`unknown`), and the comparison reports them as `not-shown` instead of a removal or addition.
 */

import { changeKinds } from './change-kinds.ts';
import type { BuildChange, ChangeKind } from './schema.ts';

export { changeKinds };
export type { BuildChange, ChangeKind };


/** One auth method's facts in one build, keyed by something stable across builds (our id, the vendor's heading). */
export interface MethodFacts {
  key: string;
  /** The method's name for messages ("OAuth"). */
  label: string;
  /** The steps as one comparable text per step. */
  steps: string[];
  /** Menu paths, items joined with ' › '. */
  menuPaths: string[];
  /** Example strings, as published. */
  examples: string[];
}

export interface PropertyFacts {
  name: string;
  /** The closed list, canonical spelling; absent when the property has none. */
  allowedValues?: string[];
  default?: string;
  /** The vendor's description (the importer's diff only: the catalog holds our own words, not the vendor's). */
  description?: string;
}

/** The comparable facts of one build of one service. */
export interface BuildFacts {
  build: string;
  /** The properties the build's table (the service's own list) documents, in its order. */
  properties: PropertyFacts[];
  methods: MethodFacts[];
  /**
   * Facts this build cannot vouch for because its page is cut off: property names (or `name=*` for its allowed
   * values, `method:key` for a method), compared case-insensitively. Absent from this side is then "not shown".
   */
  unknown?: ReadonlySet<string>;
}

const fold = (s: string) => s.toLowerCase();
const normalExample = (s: string) => s.trim().replace(/;+\s*$/, '');

function unknownHas(facts: BuildFacts, key: string): boolean {
  return facts.unknown?.has(fold(key)) ?? false;
}

/** The changes from `before` to `after`, each with its direction; facts a cut-off page cannot show are `not-shown`. */
export function diffBuildFacts(before: BuildFacts, after: BuildFacts): BuildChange[] {
  const changes: BuildChange[] = [];
  const add = (kind: ChangeKind, property: string | null, was: string | null, now: string | null) => changes.push({ kind, property, before: was, after: now });

  const oldMethods = new Map(before.methods.map((m) => [fold(m.key), m]));
  const newMethods = new Map(after.methods.map((m) => [fold(m.key), m]));
  for (const [key, m] of newMethods) {
    if (oldMethods.has(key)) continue;
    if (unknownHas(before, `method:${m.key}`)) add('not-shown', m.label, `not shown in ${before.build} (its page is cut off)`, m.label);
    else add('method-added', m.label, null, m.label);
  }
  for (const [key, m] of oldMethods) {
    if (newMethods.has(key)) continue;
    if (unknownHas(after, `method:${m.key}`)) add('not-shown', m.label, m.label, `not shown in ${after.build} (its page is cut off)`);
    else add('method-removed', m.label, m.label, null);
  }

  const oldProps = new Map(before.properties.map((p) => [fold(p.name), p]));
  const newProps = new Map(after.properties.map((p) => [fold(p.name), p]));
  for (const [key, p] of newProps) {
    if (oldProps.has(key)) continue;
    if (unknownHas(before, p.name)) add('not-shown', p.name, `not shown in ${before.build} (its page is cut off)`, p.name);
    else add('property-added', p.name, null, p.name);
  }
  for (const [key, p] of oldProps) {
    if (newProps.has(key)) continue;
    if (unknownHas(after, p.name)) add('not-shown', p.name, p.name, `not shown in ${after.build} (its page is cut off)`);
    else add('property-removed', p.name, p.name, null);
  }

  for (const [key, now] of newProps) {
    const was = oldProps.get(key);
    if (!was) continue;
    const wasValues = was.allowedValues ?? [];
    const nowValues = now.allowedValues ?? [];
    const valuesUnknown = unknownHas(before, `${now.name}=*`) || unknownHas(after, `${now.name}=*`);
    if (valuesUnknown) {
      if (wasValues.join() !== nowValues.join()) {
        const cutSide = unknownHas(after, `${now.name}=*`) ? after.build : before.build;
        add('not-shown', now.name, wasValues.join(', ') || `allowed values not shown in ${cutSide} (its page is cut off)`, nowValues.join(', ') || `allowed values not shown in ${cutSide} (its page is cut off)`);
      }
    } else {
      const wasSet = new Set(wasValues.map(fold));
      const nowSet = new Set(nowValues.map(fold));
      for (const v of nowValues) if (!wasSet.has(fold(v))) add('value-added', now.name, null, v);
      for (const v of wasValues) if (!nowSet.has(fold(v))) add('value-removed', now.name, v, null);
    }
    if ((was.default ?? null) !== (now.default ?? null) && !(unknownHas(before, now.name) || unknownHas(after, now.name))) {
      add('default-changed', now.name, was.default ?? null, now.default ?? null);
    }
    if (was.description !== undefined && now.description !== undefined && was.description !== now.description && !unknownHas(before, now.name) && !unknownHas(after, now.name)) {
      add('description-changed', now.name, was.description, now.description);
    }
  }

  for (const [key, now] of newMethods) {
    const was = oldMethods.get(key);
    if (!was) continue;
    const wasExamples = was.examples.map(normalExample);
    const nowExamples = now.examples.map(normalExample);
    const examplesUnknown = unknownHas(before, `example:${now.key}`) || unknownHas(after, `example:${now.key}`);
    if (wasExamples.join('\n') !== nowExamples.join('\n') && !examplesUnknown) {
      add('example-changed', now.label, was.examples.join('\n') || null, now.examples.join('\n') || null);
    }
    if (was.steps.join('\n') !== now.steps.join('\n') && !unknownHas(before, `steps:${now.key}`) && !unknownHas(after, `steps:${now.key}`)) {
      add('steps-changed', now.label, was.steps.join('\n') || null, now.steps.join('\n') || null);
    }
    const wasPaths = new Set(was.menuPaths);
    const nowPaths = new Set(now.menuPaths);
    for (const p of now.menuPaths) if (!wasPaths.has(p)) add('menu-path-added', now.label, null, p);
    for (const p of was.menuPaths) if (!nowPaths.has(p)) add('menu-path-removed', now.label, p, null);
  }
  const order = (c: BuildChange) => changeKinds.indexOf(c.kind);
  return changes.sort((a, b) => order(a) - order(b));
}

/** A change in one line of our words, for the page, the Markdown twin, the feed and the CLI. */
export function describeChange(change: BuildChange): string {
  const { kind, property, before, after } = change;
  switch (kind) {
    case 'method-added':
      return `Method added: ${after}.`;
    case 'method-removed':
      return `Method removed: ${before}.`;
    case 'property-added':
      return `Property added: ${after}.`;
    case 'property-removed':
      return `Property removed: ${before}.`;
    case 'value-added':
      return `${property}: value ${after} added.`;
    case 'value-removed':
      return `${property}: value ${before} removed.`;
    case 'default-changed':
      return `${property}: default changed from ${before ?? '(none)'} to ${after ?? '(none)'}.`;
    case 'example-changed':
      return `${property}: example string changed.`;
    case 'steps-changed':
      return `${property}: steps rewritten.`;
    case 'menu-path-added':
      return `${property}: menu path ${after} added.`;
    case 'menu-path-removed':
      return `${property}: menu path ${before} removed.`;
    case 'description-changed':
      return `${property}: description rewritten.`;
    case 'not-shown':
      return `${property}: ${[before, after].find((side) => side?.includes('not shown')) ?? 'not comparable'}; not a removal or an addition.`;
  }
}

/** Compares dotted build numbers, oldest first (23.0.8839.0 < 24.0.9060.0). */
export function compareBuildNumbers(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
