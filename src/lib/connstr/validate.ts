/**
 * Checks a connection string against one service's metadata: names, levels (top or ProfileSettings),
 * value types, the chosen auth method's requirements, the profile file, secrets. Returns problems with
 * positions and, where the repair is unambiguous, one-click fixes (text edits against the input).
 * Browser compatible, no side effects.
 */
import { expectInput, expectOptionalObject, expectService } from './guard.ts';
import { closestName } from './names.ts';
import { foldKey, isWhitespace } from './chars.ts';
import { nestedEdits } from './edits.ts';
import { effectivePairs, type EffectivePair } from './pairs.ts';
import { parseAny, shown, sortProblems } from './parse.ts';
import { quoteNestedValue, quoteValue, serialize } from './serialize.ts';
import { lookupProperty, methodProperties, selectMethod } from './service.ts';
import type { MethodRule, PropertyRule, ServiceRules } from './rules.ts';
import type { Entry, Fix, Level, NestedParseResult, ParseResult, Problem, TextEdit } from './types.ts';

export interface ValidateOptions {
  /** Include the parser's own problems (syntax errors, duplicates). Default `true`. */
  includeParseProblems?: boolean;
  /** Report an `info` problem (code `sensitive`) on every secret, so a UI can mask it. Default `true`. */
  reportSensitive?: boolean;
}

/** One level of the string being checked: the top level, or the inner list of ProfileSettings. */
interface Scope {
  level: Level;
  entries: readonly Entry[];
  /** Set for the ProfileSettings level: edits there must respect the outer quoting. */
  nested?: NestedParseResult;
}

/** A property in effect at some level (after last-wins and removals). */
interface Present {
  property: PropertyRule;
  pair: EffectivePair;
  scope: Scope;
}

/** Values copied from documentation examples (`your_client_id`, `my_api_key`, `<token>`). */
const PLACEHOLDER = /^(?:(?:your|my)_[a-z0-9_]+|<[^<>]+>)$/i;
const BOOLEAN = /^(?:true|false)$/i;
const INTEGER = /^\s*[+-]?[0-9]+\s*$/;
// One host character, then any non-space text. (`[^\s/?#]+\S*$` matched the same strings but backtracked
// quadratically on a long value with a space in it.)
const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\/[^\s/?#]\S*$/i;
/** Spellings people use for booleans, mapped to what the driver documents. */
const BOOLEAN_SYNONYMS: Record<string, 'true' | 'false'> = { yes: 'true', y: 'true', on: 'true', '1': 'true', no: 'false', n: 'false', off: 'false', '0': 'false' };

/**
 * Validates a connection string (or a parse result) against a service.
 *
 * Problems come sorted by position. Each carries a stable `code`, a one-sentence `message`, the `span`
 * it concerns, the canonical `property` name when there is one, and a `fix` when one edit set repairs it
 * (apply it with `applyEdits(text, fix.edits)`). Strings are parsed with `parseAny`, so a `jdbc:api:`
 * URL is accepted. Never throws.
 */
export function validate(input: string | ParseResult, service: ServiceRules, options: ValidateOptions = {}): Problem[] {
  expectInput('validate(input, service)', 'input', input);
  expectService('validate(input, service)', 'service', service);
  expectOptionalObject('validate(input, service, options)', 'options', options);
  const result = typeof input === 'string' ? parseAny(input) : input;
  return new Validator(result, service, options).run();
}

class Validator {
  readonly problems: Problem[] = [];
  readonly text: string;
  /** Every property in effect, by canonical name; the one at its proper level first. */
  readonly present = new Map<string, Present[]>();
  readonly top: Scope;
  profileSettings?: { entry: Entry; scope?: Scope };
  readonly result: ParseResult;
  readonly service: ServiceRules;
  readonly options: ValidateOptions;
  /** Property names and aliases, for did-you-mean; built on the first unknown key. */
  names?: string[];
  readonly suggestions = new Map<string, string | undefined>();
  /** Entry → index, per scope, for `indexIn`. */
  readonly positions = new Map<Scope, Map<Entry, number>>();

  constructor(result: ParseResult, service: ServiceRules, options: ValidateOptions) {
    this.result = result;
    this.service = service;
    this.options = options;
    this.text = result.text;
    this.top = { level: 'top', entries: result.entries };
  }

  run(): Problem[] {
    // A loop, not push(...): spreading 100k+ parse problems as arguments overflows the stack.
    if (this.options.includeParseProblems !== false) for (const p of this.result.problems) this.problems.push(p);
    // Find the ProfileSettings in effect first: moving a property into it needs to know where it is.
    // An overwritten ProfileSettings only matters as a duplicate, which the parser reports.
    const ps = effectivePairs(this.top.entries).find((p) => lookupProperty(this.service, p.key)?.property.name === 'ProfileSettings');
    if (ps) {
      const nested = ps.entry.nested;
      this.profileSettings = { entry: ps.entry, scope: nested ? { level: 'profileSettings', entries: nested.entries, nested } : undefined };
    }
    this.checkScope(this.top);
    if (this.profileSettings?.scope) this.checkScope(this.profileSettings.scope);
    for (const list of this.present.values()) {
      for (const item of list) this.checkValue(item);
      // The occurrence at the property's own level comes first: it is the one the driver reads.
      list.sort((a, b) => Number(b.scope.level === b.property.placement) - Number(a.scope.level === a.property.placement));
    }
    this.checkProfile();
    this.checkMethod();
    return sortProblems(this.problems);
  }

  add(problem: Problem, scope?: Scope): void {
    if (scope && scope.level !== 'top') problem.level = scope.level;
    this.problems.push(problem);
  }

  /** Name-level checks on every entry, then the pairs in effect at this level. */
  checkScope(scope: Scope): Present[] {
    const { service } = this;
    for (let index = 0; index < scope.entries.length; index++) {
      const entry = scope.entries[index]!;
      const match = lookupProperty(service, entry.key);
      if (!match) {
        this.unknown(entry, index, scope);
        continue;
      }
      const { property } = match;
      if (entry.key !== property.name) {
        this.add(
          {
            code: 'noncanonical-name',
            severity: 'info',
            message: `${shown(entry.key)} works because names ignore case${match.via === 'alias' ? ' and it is an old alias' : ''}, but the documented spelling is ${property.name}.`,
            span: entry.keySpan,
            property: property.name,
            fix: this.fix(scope, `Rename to ${property.name}.`, [{ ...entry.keySpan, text: property.name }]),
          },
          scope,
        );
      }
      if (property.sensitive && this.options.reportSensitive !== false && entry.value !== null) {
        this.add(
          {
            code: 'sensitive',
            severity: 'info',
            message: `${property.name} is a secret; mask it on screen and do not share this string.`,
            span: entry.valueSpan,
            property: property.name,
          },
          scope,
        );
      }
      if (property.placement !== scope.level) this.wrongLevel(entry, index, scope, property);
    }

    const found: Present[] = [];
    const byName = new Map<string, Present>();
    for (const pair of effectivePairs(scope.entries)) {
      const match = lookupProperty(service, pair.key);
      if (!match) continue;
      const item: Present = { property: match.property, pair, scope };
      const earlier = byName.get(match.property.name);
      if (earlier) {
        // Two spellings of one property (a name and an alias, say): the driver keeps one of them.
        const [first, second] = earlier.pair.entry.span.start < pair.entry.span.start ? [earlier, item] : [item, earlier];
        this.add(
          {
            code: 'duplicate-property',
            severity: 'warning',
            message: `${match.property.name} is set twice, as ${shown(first.pair.key)} and ${shown(second.pair.key)}; keep only one of them.`,
            span: second.pair.entry.keySpan,
            related: [first.pair.entry.keySpan],
            property: match.property.name,
          },
          scope,
        );
        byName.set(match.property.name, second);
        found.splice(found.indexOf(earlier), 1, second);
        continue;
      }
      byName.set(match.property.name, item);
      found.push(item);
    }
    for (const item of found) {
      const list = this.present.get(item.property.name);
      if (list) list.push(item);
      else this.present.set(item.property.name, [item]);
    }
    return found;
  }

  unknown(entry: Entry, index: number, scope: Scope): void {
    const { service } = this;
    const suggestion = this.suggestName(entry.key);
    const suggested = suggestion === undefined ? undefined : service.properties.find((p) => p.name === suggestion);
    // A rename alone to a name of the other level would trade this warning for a wrong-level error: move it too.
    const fix =
      suggestion === undefined
        ? undefined
        : suggested && suggested.placement !== scope.level
          ? this.moveFix(entry, index, scope, suggested, `Rename to ${suggestion} and move it`)
          : this.fix(scope, `Rename to ${suggestion}.`, [{ ...entry.keySpan, text: suggestion }]);
    const what = scope.level === 'top' ? `a property the ${service.name} connection accepts` : `a setting of the ${service.name} profile`;
    this.add(
      {
        code: 'unknown-property',
        severity: 'warning',
        message: suggestion
          ? `${shown(entry.key)} is not ${what}; did you mean ${suggestion}?`
          : `${shown(entry.key)} is not ${what}; check the spelling or remove it.`,
        span: entry.keySpan,
        fix,
      },
      scope,
    );
  }

  /** Did-you-mean for an unknown key, once per key (ignoring case, as the distance does): a long string may repeat one key many times. */
  suggestName(key: string): string | undefined {
    const folded = foldKey(key);
    if (this.suggestions.has(folded)) return this.suggestions.get(folded);
    this.names ??= this.service.properties.flatMap((p) => [p.name, ...p.aliases]);
    const guess = closestName(key, this.names);
    const suggestion = guess === undefined ? undefined : lookupProperty(this.service, guess)?.property.name;
    this.suggestions.set(folded, suggestion);
    return suggestion;
  }

  /** A property written at the wrong level; the fix moves the pair (value kept) to where it belongs. */
  wrongLevel(entry: Entry, index: number, scope: Scope, property: PropertyRule): void {
    const message =
      property.placement === 'profileSettings'
        ? `${property.name} is a profile setting, so the driver ignores it at the top level; move it into ProfileSettings='${property.name}=…'.`
        : `${property.name} is a driver property, so the profile ignores it inside ProfileSettings; move it to the top level of the string.`;
    const fix = this.moveFix(entry, index, scope, property, 'Move');
    this.add({ code: 'wrong-level', severity: 'error', message, span: entry.span, property: property.name, fix }, scope);
  }

  /** A fix that writes an entry, value kept, as `property` at the property's own level. `verb`: "Move", "Rename to X and move it". */
  moveFix(entry: Entry, index: number, scope: Scope, property: PropertyRule, verb: string): Fix | undefined {
    const value = entry.value;
    // A ProfileSettings recovered from broken quoting has no reliable end to insert at or remove from.
    if (value === null || this.profileSettings?.entry.invalid) return undefined;
    // An overridden duplicate would win once moved (a later one at the same level is the one in effect now).
    if (this.lastIndex(scope.entries).get(foldKey(entry.key)) !== index) return undefined;
    // Already set where it belongs: moving this one there would override that value, so which one is meant is the user's call.
    const home = property.placement === 'top' ? this.top.entries : (this.profileSettings?.scope?.entries ?? []);
    if (this.namesSet(home).has(property.name)) return undefined;
    const it = verb === 'Move' ? `${verb} ${property.name}` : verb;
    if (property.placement === 'profileSettings') {
      if (scope.level !== 'top') return undefined;
      return { description: `${it} into ProfileSettings.`, edits: this.moveIntoProfileSettings(entry, index, property.name, value) };
    }
    // Moving a ProfileSettings out would create a second top-level one that replaces the real list. With two
    // ProfileSettings, emptying the one in effect would bring back the other: the duplicate goes first.
    if (!this.profileSettings || property.name === 'ProfileSettings' || scope.level === 'top' || this.profileSettingsCount() > 1) return undefined;
    const outer = this.profileSettings.entry;
    const pairText = serialize([[property.name, value]]);
    // The last setting out takes the list with it: an empty ProfileSettings='' would be left otherwise.
    const edits =
      scope.entries.length === 1
        ? [{ ...outer.span, text: pairText }]
        : [...this.removeEntry(scope, index), { start: outer.span.end, end: outer.span.end, text: `;${pairText}` }];
    return { description: `${it} out of ProfileSettings to the top level.`, edits };
  }

  /** How many ProfileSettings the top level writes (a second one replaces the first); counted once. */
  profileSettingsCount(): number {
    return (this.psCount ??= this.top.entries.filter((e) => lookupProperty(this.service, e.key)?.property.name === 'ProfileSettings').length);
  }
  psCount?: number;

  /** Per list of entries, built once (a long string may ask for every entry): the last index of each folded key. */
  readonly lastIndexes = new Map<readonly Entry[], Map<string, number>>();
  lastIndex(entries: readonly Entry[]): Map<string, number> {
    let map = this.lastIndexes.get(entries);
    if (!map) this.lastIndexes.set(entries, (map = new Map(entries.map((e, i) => [foldKey(e.key), i]))));
    return map;
  }

  /** Per list of entries, built once: the canonical names of the known properties it sets (with a value). */
  readonly nameSets = new Map<readonly Entry[], Set<string>>();
  namesSet(entries: readonly Entry[]): Set<string> {
    let set = this.nameSets.get(entries);
    if (!set) {
      set = new Set();
      for (const e of entries) {
        const name = e.value === null ? undefined : lookupProperty(this.service, e.key)?.property.name;
        if (name) set.add(name);
      }
      this.nameSets.set(entries, set);
    }
    return set;
  }

  /** Edits that delete an entry together with the separator that joins it to a neighbour. */
  removeEntry(scope: Scope, index: number): TextEdit[] {
    return this.removeEntries(scope, [index]);
  }

  /**
   * Edits that delete entries (indexes ascending) with their separators. Each run of neighbouring entries
   * is one edit, so the edits never overlap (two single-entry removals could share a `;`).
   */
  removeEntries(scope: Scope, indexes: readonly number[]): TextEdit[] {
    const entries = scope.entries;
    // Removing every setting of ProfileSettings removes the pair, not just its content (no ProfileSettings='' left).
    if (scope.nested && this.profileSettings && indexes.length === entries.length && this.profileSettingsCount() === 1) {
      return this.removeEntry(this.top, this.indexIn(this.top, this.profileSettings.entry));
    }
    const edits: TextEdit[] = [];
    for (let r = 0; r < indexes.length; r++) {
      const first = indexes[r]!;
      let last = first;
      while (r + 1 < indexes.length && indexes[r + 1] === last + 1) last = indexes[++r]!;
      if (last + 1 < entries.length) edits.push({ start: entries[first]!.span.start, end: entries[last + 1]!.span.start, text: '' });
      else if (first > 0) edits.push({ start: entries[first - 1]!.span.end, end: entries[last]!.span.end, text: '' });
      else edits.push({ start: entries[first]!.span.start, end: entries[last]!.span.end, text: '' });
    }
    return scope.nested ? nestedEdits(scope.nested, edits) : edits;
  }

  /** Where each entry of a scope is, built once per scope (an entry may be asked about many times). */
  indexIn(scope: Scope, entry: Entry): number {
    let positions = this.positions.get(scope);
    if (!positions) {
      positions = new Map(scope.entries.map((e, i) => [e, i]));
      this.positions.set(scope, positions);
    }
    return positions.get(entry)!;
  }

  /** Edits that add `name=value` to the ProfileSettings list, creating ProfileSettings when there is none. */
  addToProfileSettings(name: string, value: string): TextEdit[] {
    const pairText = serialize([[name, value]]);
    const ps = this.profileSettings;
    if (!ps) return this.appendTop(serialize([['ProfileSettings', [[name, value]]]]));
    const scope = ps.scope;
    if (!scope || !scope.nested) return [{ ...ps.entry.valueSpan, text: quoteNestedValue(pairText) }];
    const last = scope.entries[scope.entries.length - 1];
    const edit = last
      ? { start: last.span.end, end: last.span.end, text: `;${pairText}` }
      : { start: scope.nested.within.start, end: scope.nested.within.end, text: pairText };
    return nestedEdits(scope.nested, [edit]);
  }

  moveIntoProfileSettings(entry: Entry, index: number, name: string, value: string): TextEdit[] {
    if (!this.profileSettings) {
      // No ProfileSettings yet: the pair becomes one, in place.
      return [{ ...entry.span, text: serialize([['ProfileSettings', [[name, value]]]]) }];
    }
    return [...this.removeEntry(this.top, index), ...this.addToProfileSettings(name, value)];
  }

  /** An insertion of `pairText` at the end of the top level, with a `;` when one is needed. */
  appendTop(pairText: string): TextEdit[] {
    const text = this.text;
    const from = this.result.prefix?.span.end ?? 0;
    // Insert before trailing whitespace and NUL padding: text after a NUL is an error (grammar §2.2 TrailingNul).
    let at = text.length;
    while (at > from) {
      const code = text.charCodeAt(at - 1);
      if (code !== 0 && !isWhitespace(code)) break;
      at--;
    }
    const needsSeparator = at > from && text.charCodeAt(at - 1) !== 0x3b;
    return [{ start: at, end: at, text: `${needsSeparator ? ';' : ''}${pairText}` }];
  }

  /** Edits that give an entry a new value, quoted as needed (and escaped for the outer quotes when nested). */
  replaceValue(scope: Scope, entry: Entry, value: string): TextEdit[] {
    const edit = { ...entry.valueSpan, text: quoteValue(value) };
    return scope.nested ? nestedEdits(scope.nested, [edit]) : [edit];
  }

  fix(scope: Scope, description: string, edits: TextEdit[]): Fix {
    return { description, edits: scope.nested ? nestedEdits(scope.nested, edits) : edits };
  }

  /** Type checks on a value in effect. */
  checkValue({ property, pair, scope }: Present): void {
    const { value, entry } = pair;
    const name = property.name;
    const at = { span: entry.valueSpan, property: name };
    if (PLACEHOLDER.test(value.trim())) {
      this.add(
        { code: 'placeholder-value', severity: 'info', message: `${shown(value)} looks like a placeholder from an example; replace it with your real ${name}.`, ...at },
        scope,
      );
      return;
    }
    switch (property.type) {
      case 'enum': {
        const allowed = (property.allowedValues ?? []).map((v) => v.value);
        if (allowed.length === 0 || allowed.includes(value)) return;
        const same = allowed.find((v) => foldKey(v) === foldKey(value.trim()));
        if (same !== undefined) {
          this.add(
            {
              code: 'enum-casing',
              severity: 'info',
              message: `${name}=${value} works because values ignore case, but the documented spelling is ${same}.`,
              ...at,
              fix: { description: `Write ${same}.`, edits: this.replaceValue(scope, entry, same) },
            },
            scope,
          );
          return;
        }
        const guess = closestName(value, allowed);
        const list = allowed.join(', ');
        this.add(
          {
            code: 'invalid-enum-value',
            severity: 'error',
            message: guess
              ? `${name} cannot be ${shown(value)}; did you mean ${guess} (allowed: ${list})?`
              : `${name} cannot be ${shown(value)}; use one of ${list}.`,
            ...at,
            fix: guess ? { description: `Change it to ${guess}.`, edits: this.replaceValue(scope, entry, guess) } : undefined,
          },
          scope,
        );
        return;
      }
      case 'boolean': {
        if (BOOLEAN.test(value.trim())) return;
        const meant = BOOLEAN_SYNONYMS[foldKey(value.trim())];
        this.add(
          {
            code: 'invalid-boolean',
            severity: 'error',
            message: `${name} must be true or false, not ${shown(value)}${meant ? `; write ${meant}` : ''}.`,
            ...at,
            fix: meant ? { description: `Change it to ${meant}.`, edits: this.replaceValue(scope, entry, meant) } : undefined,
          },
          scope,
        );
        return;
      }
      case 'integer': {
        if (INTEGER.test(value)) return;
        const example = property.default && INTEGER.test(property.default) ? property.default : '60';
        this.add(
          { code: 'invalid-integer', severity: 'error', message: `${name} must be a whole number such as ${example}, not ${shown(value)}.`, ...at },
          scope,
        );
        return;
      }
      case 'url': {
        if (ABSOLUTE_URL.test(value.trim())) return;
        this.add(
          {
            code: 'invalid-url',
            severity: 'error',
            message: `${name} must be an absolute URL such as http://localhost:3333, not ${shown(value)}.`,
            ...at,
          },
          scope,
        );
        return;
      }
      default:
        return;
    }
  }

  /** Profile: present, a `.apip` path, and this service's file. */
  checkProfile(): void {
    const { service } = this;
    const profile = this.present.get('Profile')?.[0];
    if (!profile) {
      const guess = `C:\\profiles\\${service.profileFile}`;
      const pairText = serialize([['Profile', guess]]);
      const first = this.top.entries[0];
      // A `Profile=` without a value removes any Profile before it, so an added pair must not precede it:
      // the path goes into that (last) empty entry instead.
      const emptyProfile = this.top.entries.findLast((entry) => lookupProperty(service, entry.key)?.property.name === 'Profile');
      const edit = emptyProfile
        ? { ...emptyProfile.valueSpan, text: quoteValue(guess) }
        : first
          ? { start: first.span.start, end: first.span.start, text: `${pairText};` }
          : this.appendTop(pairText)[0]!;
      this.add({
        code: 'missing-profile',
        severity: 'error',
        message: `The string has no Profile; add Profile=<folder>\\${service.profileFile}, the path of the ${service.name} profile file.`,
        span: { start: edit.start, end: edit.start },
        property: 'Profile',
        fix: { description: `Add Profile=${guess} (change the folder to where the file is).`, edits: [edit] },
      });
      return;
    }
    const { value, entry } = profile.pair;
    if (PLACEHOLDER.test(value.trim())) return;
    const trimmed = value.trim();
    const cut = Math.max(trimmed.lastIndexOf('\\'), trimmed.lastIndexOf('/')) + 1;
    const file = trimmed.slice(cut);
    if (!/\.apip$/i.test(file)) {
      this.add(
        {
          code: 'invalid-profile-path',
          severity: 'error',
          message: `Profile must be the path of a .apip file such as C:\\profiles\\${service.profileFile}, not ${shown(value)}.`,
          span: entry.valueSpan,
          property: 'Profile',
        },
        profile.scope,
      );
      return;
    }
    if (foldKey(file) !== foldKey(service.profileFile)) {
      const fixed = trimmed.slice(0, cut) + service.profileFile;
      this.add(
        {
          code: 'wrong-profile',
          severity: 'error',
          message: `Profile points to ${shown(file)}, but the ${service.name} profile is ${service.profileFile}; change the file name.`,
          span: entry.valueSpan,
          property: 'Profile',
          fix: { description: `Point Profile at ${service.profileFile}.`, edits: this.replaceValue(profile.scope, entry, fixed) },
        },
        profile.scope,
      );
    }
  }

  /** The auth method: which one the string selects, what it needs, and what it ignores. */
  checkMethod(): void {
    const { service } = this;
    const { method, authScheme: schemeAtHome } = selectMethod(service, this.result);
    const documented = service.authMethods.flatMap((m) => m.authSchemes);
    if (schemeAtHome) {
      const allowed = service.properties.find((p) => p.name === 'AuthScheme')?.allowedValues?.map((v) => v.value) ?? [];
      const value = schemeAtHome.value.trim();
      if (!method && allowed.some((v) => foldKey(v) === foldKey(value))) {
        this.add({
          code: 'undocumented-auth-scheme',
          severity: 'warning',
          message: `AuthScheme=${value} is accepted by the driver, but no documented ${service.name} method uses it; use ${orList(documented)}.`,
          span: schemeAtHome.entry.valueSpan,
          property: 'AuthScheme',
        });
      }
      if (!method) return;
    } else if (!method) {
      this.add({
        code: 'missing-auth-scheme',
        severity: 'error',
        message: `${service.name} has no default sign-in method, so AuthScheme is needed; add AuthScheme=${orList(documented)}.`,
        span: { start: this.text.length, end: this.text.length },
        property: 'AuthScheme',
      });
      return;
    }
    const anchor = schemeAtHome ? schemeAtHome.entry.span : { start: this.text.length, end: this.text.length };
    const label = method.label;

    for (const req of method.requires) {
      const list = this.present.get(req.property);
      const property = service.properties.find((p) => p.name === req.property);
      const where = property?.placement === 'profileSettings' ? 'inside ProfileSettings' : 'at the top level';
      const item = list?.[0];
      if (!item || (item.scope.level !== property?.placement && property !== undefined)) {
        // Written only at the wrong level: `wrong-level` already says where to move it.
        if (item) continue;
        const fix: Fix | undefined =
          req.value !== undefined && !(property?.placement === 'profileSettings' && this.profileSettings?.entry.invalid)
            ? {
                description: `Add ${req.property}=${req.value}.`,
                edits: property?.placement === 'profileSettings' ? this.addToProfileSettings(req.property, req.value) : this.appendTop(serialize([[req.property, req.value]])),
              }
            : undefined;
        this.add({
          code: 'missing-required',
          severity: 'error',
          message: `The ${label} method needs ${req.value !== undefined ? `${req.property}=${req.value}` : req.property}; add it ${where}.`,
          span: anchor,
          property: req.property,
          fix,
        });
        continue;
      }
      const { value, entry } = item.pair;
      if (value.trim() === '') {
        this.add(
          {
            code: 'missing-required',
            severity: 'error',
            message: `The ${label} method needs a value for ${req.property}, but it is empty; fill it in.`,
            span: entry.valueSpan,
            property: req.property,
            fix: req.value !== undefined ? { description: `Set ${req.property}=${req.value}.`, edits: this.replaceValue(item.scope, entry, req.value) } : undefined,
          },
          item.scope,
        );
        continue;
      }
      if (req.value !== undefined && foldKey(value.trim()) !== foldKey(req.value)) {
        const required = req.valueRule === 'required';
        this.add(
          {
            code: required ? 'required-value' : 'recommended-value',
            severity: required ? 'error' : 'info',
            message: required
              ? `The ${label} method needs ${req.property}=${req.value}, not ${shown(value)}; change it.`
              : `The ${label} method usually sets ${req.property}=${req.value} (here ${shown(value)}); keep this value only if you mean to.`,
            span: entry.valueSpan,
            property: req.property,
            fix: { description: `Set ${req.property}=${req.value}.`, edits: this.replaceValue(item.scope, entry, req.value) },
          },
          item.scope,
        );
      }
    }

    // Auth properties another method uses but this one does not: the driver ignores them here.
    const mine = methodProperties(method);
    const others = new Map<string, MethodRule>();
    for (const other of service.authMethods) {
      if (other === method) continue;
      for (const name of methodProperties(other)) if (!others.has(name)) others.set(name, other);
    }
    for (const [name, list] of this.present) {
      if (name === 'AuthScheme' || name === 'Profile' || name === 'ProfileSettings' || mine.has(name)) continue;
      const other = others.get(name);
      if (!other) continue;
      for (const item of list) {
        // Every occurrence in effect goes: removing only the last would let an earlier duplicate take over.
        const indexes = item.pair.occurrences.map((entry) => this.indexIn(item.scope, entry));
        this.add(
          {
            code: 'ignored-by-method',
            severity: 'warning',
            message: `The ${label} method does not use ${name}, so the driver ignores it; remove it, or switch to the ${other.label} method.`,
            span: item.pair.entry.span,
            property: name,
            fix: { description: `Remove ${name}.`, edits: this.removeEntries(item.scope, indexes) },
          },
          item.scope,
        );
      }
    }
  }
}

/** `A`, `A or B`, `A, B or C`. */
function orList(values: readonly string[]): string {
  const unique = [...new Set(values)];
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}
