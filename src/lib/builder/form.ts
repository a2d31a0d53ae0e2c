/**
 * The builder's form: which fields an auth method shows, what each writes, and the connection string they make.
 * DOM-free, on the island's payload (payload.ts).
 */
import { canonicalOrder, holdsSecret, MASK, serialize, type Pair, type ServiceRules } from '../connstr/index.ts';
import type { BuilderMethod, BuilderProperty, BuilderService } from './payload.ts';
import { rulesOf } from './service.ts';

/** What the form reads of the builder's state: the method chosen per service, and what was typed per service. */
export type FormState = { methods: Readonly<Record<string, string>>; values: Readonly<Record<string, Readonly<Record<string, string>>>> };

/** The method a service starts on: the one used without AuthScheme, else the first. */
export function defaultMethod(service: BuilderService): BuilderMethod {
  return service.authMethods.find((m) => m.impliedWithoutAuthScheme) ?? service.authMethods[0]!;
}

/**
 * A method by id, else the one the service starts on: the only fallback for a missing or unknown method id
 * (a service not chosen yet, a stale id), so the fields, the string and the share link never disagree.
 */
export function methodById(service: BuilderService, methodId: string | undefined): BuilderMethod {
  return service.authMethods.find((m) => m.id === methodId) ?? defaultMethod(service);
}

/** The method the form shows for a service. */
export function currentMethod(service: BuilderService, state: Pick<FormState, 'methods'>): BuilderMethod {
  return methodById(service, state.methods[service.id]);
}

export type InputKind = 'text' | 'password' | 'select' | 'checkbox' | 'number' | 'url';

export type Field = {
  property: BuilderProperty;
  required: boolean;
  /** A value the method fixes (AuthScheme=OAUTH): shown, not edited. */
  fixedValue?: string;
  /** The usual value (InitiateOAuth=GETANDREFRESH), preselected until the user changes it. */
  recommendedValue?: string;
  /** Where the value comes from, in our words. */
  source?: string;
  /** Menu paths in the service's console that lead to the value. */
  menuPaths: string[][];
  input: InputKind;
};

export function inputKind(property: Pick<BuilderProperty, 'type' | 'sensitive'>): InputKind {
  if (property.sensitive) return 'password';
  switch (property.type) {
    case 'enum':
      return 'select';
    case 'boolean':
      return 'checkbox';
    case 'integer':
      return 'number';
    case 'url':
      return 'url';
    default:
      return 'text';
  }
}

function fieldOf(service: BuilderService, method: BuilderMethod, name: string, requirement?: BuilderMethod['requires'][number]): Field | undefined {
  const property = service.properties.find((p) => p.name === name);
  if (!property) return undefined;
  const fixed = requirement?.value !== undefined && requirement.valueRule === 'required';
  return {
    property,
    required: requirement !== undefined,
    fixedValue: fixed ? requirement.value : undefined,
    recommendedValue: !fixed ? requirement?.value : undefined,
    source: requirement?.source,
    menuPaths: method.menuPaths[name] ?? [],
    input: inputKind(property),
  };
}

/** The form of a method: Profile first, then what it requires (in its order), then what it allows. */
export function fieldsFor(service: BuilderService, methodId: string | undefined): { required: Field[]; optional: Field[] } {
  const method = methodById(service, methodId);
  const profile = service.properties.find((p) => p.name === 'Profile');
  const required: Field[] = profile
    ? [{ property: profile, required: true, source: undefined, menuPaths: [], input: 'text' }]
    : [];
  for (const requirement of method.requires) {
    const field = fieldOf(service, method, requirement.property, requirement);
    if (field) required.push(field);
  }
  const optional = method.allows
    .filter((name) => !method.requires.some((r) => r.property === name))
    .map((name) => fieldOf(service, method, name))
    .filter((field): field is Field => field !== undefined);
  return { required, optional };
}

/** The names of the settings a method's form shows (Profile, what it requires, what it allows). */
export function formFieldNames(service: BuilderService, methodId: string | undefined): Set<string> {
  const { required, optional } = fieldsFor(service, methodId);
  return new Set([...required, ...optional].map((f) => f.property.name));
}

/** The value a field contributes, or undefined when it writes nothing. */
export function fieldValue(field: Field, typed: Readonly<Record<string, string>>): string | undefined {
  if (field.fixedValue !== undefined) return field.fixedValue;
  const value = typed[field.property.name];
  if (value === undefined) return field.recommendedValue;
  if (value === '') return undefined;
  // A checkbox left at the property's default writes nothing: the driver applies the default anyway.
  if (field.input === 'checkbox' && field.property.default !== undefined && value.toLowerCase() === field.property.default.toLowerCase()) {
    return undefined;
  }
  return value;
}

/** The pairs the form produces, with service settings nested into ProfileSettings where the service puts them. */
export function buildPairs(service: BuilderService, state: FormState): Pair[] {
  const typed = state.values[service.id] ?? {};
  const { required, optional } = fieldsFor(service, currentMethod(service, state).id);
  const top: Pair[] = [];
  const nested: Pair[] = [];
  for (const field of [...required, ...optional]) {
    const value = fieldValue(field, typed);
    if (value === undefined) continue;
    (field.property.placement === 'profileSettings' ? nested : top).push([field.property.name, value]);
  }
  if (nested.length > 0) top.push(['ProfileSettings', nested]);
  return top;
}

/**
 * The string the form makes, and (when it holds a secret) the same string with each secret value replaced by
 * `********`: what the output panel shows until the user reveals it (an open page is a screen someone can see; the
 * copy buttons copy the real string).
 */
export type Output = { text: string; masked?: string; error?: string };

/** Pairs with every secret value (the engine's one rule, secrets.ts) replaced by the mask, nested lists included. */
function maskedPairs(pairs: readonly Pair[], rules: ServiceRules): Pair[] {
  return pairs.map(([key, value]): Pair => (typeof value === 'string' ? [key, value !== '' && holdsSecret(key, value, [rules]) ? MASK : value] : [key, maskedPairs(value, rules)]));
}

/** The connection string of the form, in the canonical order the docs use (written once). Never throws. */
export function buildString(service: BuilderService, state: FormState): Output {
  try {
    const rules = rulesOf(service);
    const pairs = canonicalOrder(buildPairs(service, state), rules);
    const text = serialize(pairs);
    const masked = serialize(maskedPairs(pairs, rules));
    return masked === text ? { text } : { text, masked };
  } catch (error) {
    // Only a value the driver cannot read (a control character in it) gets here; say which.
    return { text: '', error: (error as Error).message };
  }
}
