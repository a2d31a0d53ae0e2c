/**
 * The state one validation run shares between its checks: the string, the service, the properties in effect
 * per level, the ProfileSettings in effect, the problems found, and per-run caches (a long string may ask
 * the same question for every entry, so answers are built once). Browser compatible, no side effects.
 */
import type { EffectivePair } from '../pairs.ts';
import type { Placement, PropertyRule, ServiceRules } from '../rules.ts';
import { showValue, type ShownValue } from '../messages.ts';
import { holdsSecret } from '../secrets.ts';
import type { Entry, NestedParseResult, ParseResult, Problem } from '../types.ts';

export interface ValidateOptions {
  /** Include the parser's own problems (syntax errors, duplicates). Default `true`. */
  includeParseProblems?: boolean;
  /** Report an `info` problem (code `sensitive`) on every secret, so a UI can mask it. Default `true`. */
  reportSensitive?: boolean;
}

/** One level of the string being checked: the top level, or the inner list of ProfileSettings. */
export interface Scope {
  level: Placement;
  entries: readonly Entry[];
  /** Set for the ProfileSettings level: edits there must respect the outer quoting. */
  nested?: NestedParseResult;
}

/** A property in effect at some level (after last-wins and removals). */
export interface Present {
  property: PropertyRule;
  pair: EffectivePair;
  scope: Scope;
}

export class Context {
  readonly problems: Problem[] = [];
  readonly text: string;
  /** Every property in effect, by canonical name; the one at its proper level first. */
  readonly present = new Map<string, Present[]>();
  readonly top: Scope;
  /** The ProfileSettings in effect, and its inner list when it has one. */
  profileSettings?: { entry: Entry; scope?: Scope };
  readonly result: ParseResult;
  readonly service: ServiceRules;
  readonly options: ValidateOptions;
  /** Properties the string writes in a form another finding repairs (a misspelt name, a list joined with ","): not also "missing". */
  readonly suggested = new Set<string>();
  /** Did-you-mean answers by folded key. */
  readonly suggestions = new Map<string, string | undefined>();
  /** Entry → index, per scope. */
  readonly positions = new Map<Scope, Map<Entry, number>>();
  /** Per list of entries: the last index of each folded key. */
  readonly lastIndexes = new Map<readonly Entry[], Map<string, number>>();
  /** Per list of entries: the canonical names of the known properties it sets (with a value). */
  readonly nameSets = new Map<readonly Entry[], Set<string>>();
  /** How many ProfileSettings the top level writes. */
  psCount?: number;

  constructor(result: ParseResult, service: ServiceRules, options: ValidateOptions) {
    this.result = result;
    this.service = service;
    this.options = options;
    this.text = result.text;
    this.top = { level: 'top', entries: result.entries };
  }

  /** A value written under `key`, as a message may show it: masked when the pair holds a secret. */
  show(key: string, value: string): ShownValue {
    return showValue(value, holdsSecret(key, value, [this.service]));
  }

  /** Records a problem; one found inside ProfileSettings says so. */
  add(problem: Problem, scope?: Scope): void {
    if (scope && scope.level !== 'top') problem.level = scope.level;
    this.problems.push(problem);
  }
}
