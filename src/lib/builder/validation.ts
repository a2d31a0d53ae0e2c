/**
 * What the engine answers the builder, computed where the engine runs (the checker worker, checker.ts): the Validate
 * tab's view of a pasted text (`validateView`: the service it is for, a summary, the findings grouped and capped,
 * each with its excerpt and fix), the problems of the string the form built (`buildProblems`), "Fix all safe
 * problems" (`fixPasted`) and "Load into the builder" (`fromConnectionString`). The page gets these small answers,
 * never the engine, the pasted text's secrets or a list of 100,000 findings. DOM-free.
 */
import {
  MASK,
  checkPasted,
  effectivePairs,
  fixAll,
  formById,
  lookupProperty,
  parseAny,
  readPasted,
  recognizeService,
  safeFixCodes,
  secretSpans,
  selectMethod,
  unrecognizedMessage,
  validate,
  type EffectivePair,
  type FormId,
  type Problem,
  type ProblemCode,
  type Severity,
  type Span,
  type TextEdit,
} from '../connstr/index.ts';
import { formFieldNames, methodById } from './form.ts';
import type { BuilderService } from './payload.ts';
import { rulesOf } from './service.ts';
import { pasteHint } from './views.ts';
import { troubleshootingPath } from '../site/paths.ts';

/**
 * Validation of the string the form built (a plain string the builder wrote: no pasted form to read, no paste
 * damage). `methodId`: the method the form shows. A string without AuthScheme or the credential that picks a method
 * (Kairos3's Password method before the password is typed) would be read as the service's default method; the form
 * means the chosen one, so the engine is told to take it as the default.
 */
export function buildProblems(service: BuilderService, text: string, methodId?: string): Problem[] {
  const rules = rulesOf(service);
  const chosen = rules.authMethods.find((m) => m.id === methodId);
  const meant = chosen && chosen.authSchemes.length === 0 ? { ...rules, authMethods: rules.authMethods.map((m) => ({ ...m, impliedWithoutAuthScheme: m === chosen })) } : rules;
  return validate(text, meant, { reportSensitive: false });
}

/**
 * What a pasted text reads as: its findings in any output form (C#, Java, Python, ODBC, JDBC or plain), pasting
 * damage included, with spans and fixes in the text as given; which form was read (its label, for "Read as: C#");
 * how many findings "Fix all safe problems" would settle; and where the text holds secrets.
 */
export function pastedView(service: BuilderService, text: string): { form: FormId; formLabel: string; problems: Problem[]; safeFixes: number; secrets: Span[] } {
  const { reading, problems, secrets } = checkPasted(text, rulesOf(service), { reportSensitive: false });
  return {
    form: reading.form,
    formLabel: formById(reading.form).label,
    problems,
    secrets,
    safeFixes: problems.filter((p) => p.fix && p.fix.edits.length > 0 && safeFixCodes.has(p.code)).length,
  };
}

/** "Fix all safe problems": the pasted text with every safe fix applied (see `safeFixCodes`), in the pasted form. */
export function fixPasted(service: BuilderService, text: string): string {
  return fixAll(text, rulesOf(service), { reportSensitive: false }).text;
}

/** One finding as the Validate tab shows it: what and where, an excerpt with secrets masked, and its fix. */
export type FindingView = {
  code: ProblemCode;
  severity: Severity;
  message: string;
  /** Where it is in the pasted text ("Show in the text" selects it). */
  span: Span;
  property?: string;
  /** The text around the span: before, the span itself, after; a secret it touches shows as `********`. */
  excerpt: { before: string; marked: string; after: string };
  /** The fix, when there is one (edits of the pasted text). */
  fix?: { description: string; edits: TextEdit[] };
  /** On the last finding shown of its group: how many more of the group (same code, same property) are not shown. */
  more?: number;
  /** The code's troubleshooting page on this site ("How to fix"). */
  docs: string;
};

/**
 * What validate mode shows: the service the pasted Profile names, the status line, the form it was read as (none
 * before anything is pasted), the findings (grouped by code and property, a few of each shown, the rest counted),
 * and how many safe fixes "Fix all safe problems" would apply.
 */
export type ValidateView = {
  /** On /builder/: the service the pasted Profile names (the island switches to it). */
  inferredServiceId?: string;
  /**
   * On /builder/: why the string does not say which service it is for, when the user has not picked one. Nothing
   * is checked then (checking against whichever service happens to be selected would be a guess).
   */
  needsService?: string;
  summary: string;
  formLabel?: string;
  /** Every finding of the text. */
  total: number;
  /** The findings shown: each group's first few, groups in the order they first occur, in text order within one. */
  findings: FindingView[];
  /** Findings of groups that have none shown (past `MOST_SHOWN`). */
  notShown: number;
  safeFixes: number;
  /**
   * The answers to "Fix all safe problems" (when there is one) and "Load into the builder" for this text, computed
   * with the view when the text is short (up to `READY_ACTIONS_UP_TO`), so that a click on either applies at once;
   * for a longer text each is asked of the checker when clicked.
   */
  ready?: { fixed?: string; loaded: LoadedString };
};

/** The longest text whose actions come with its view: a real connection string, with room to spare. */
export const READY_ACTIONS_UP_TO = 16 * 1024;

/** The findings shown of one group ("and 9,812 more like this" counts the rest). */
export const SHOWN_PER_GROUP = 5;
/** The findings shown in all: a megabyte of pasted text may hold 100,000, and each is a few DOM nodes. */
export const MOST_SHOWN = 100;

/** A count as the summary writes it: `96,334 findings`. */
const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * @param state the pasted text, and how the service was chosen (`serviceBy`, see the model's state)
 * @param services every service (id, page title, profile file), to recognise the pasted Profile on /builder/
 * @param fixed the builder is on a service's page: the service is not read from the Profile.
 */
export function validateView(
  state: { pasted: string; serviceBy?: 'user' | 'profile' },
  service: BuilderService,
  services: readonly { id: string; label?: string; profileFile: string }[],
  fixed: boolean,
): ValidateView {
  const text = state.pasted;
  // A service with several builds names the one checked against: the same string can be valid for one and not another.
  const name = service.build ? `${service.label} build ${service.build.version}` : service.label;
  const empty = { total: 0, findings: [], notShown: 0, safeFixes: 0 };
  if (!text.trim()) return { ...empty, summary: pasteHint(service) };
  const recognition = fixed ? undefined : recognizeService(text, services);
  const inferredServiceId = recognition?.service?.id;
  let note = '';
  if (recognition?.service && inferredServiceId !== service.id) {
    const named = recognition.service.label ?? recognition.service.id;
    // Picked over the Profile (after the island switched to the service it names): the user's choice stands.
    if (state.serviceBy === 'user') note = ` Its Profile names the ${named} profile; checked against ${name} because you picked it.`;
    // Otherwise the island switches to that service; until its settings are here, nothing is checked against this one.
    else return { ...empty, inferredServiceId, summary: `This string is for ${named} (from its Profile); loading its settings…` };
  }
  if (recognition && !recognition.service) {
    if (state.serviceBy !== 'user') {
      const needsService = unrecognizedMessage(recognition);
      return { ...empty, needsService, summary: `${needsService} Pick the service it is for in the Service list.` };
    }
    note = ` ${unrecognizedMessage(recognition)} Checked against ${name} because you picked it.`;
  }
  const pasted = pastedView(service, text);
  const problems = pasted.problems;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity]++;
  const summary =
    problems.length === 0
      ? `No problems: this string is valid for ${name}.`
      : `${count(problems.length, 'finding', 'findings')} for ${name}: ${count(counts.error, 'error', 'errors')}, ${count(counts.warning, 'warning', 'warnings')}, ${count(counts.info, 'note', 'notes')}.`;
  const shown = shownFindings(text, problems, pasted.secrets);
  const ready =
    text.length <= READY_ACTIONS_UP_TO
      ? { ...(pasted.safeFixes > 0 ? { fixed: fixPasted(service, text) } : {}), loaded: fromConnectionString(text, service) }
      : undefined;
  return {
    ...(inferredServiceId ? { inferredServiceId } : {}),
    summary: inferredServiceId === service.id ? `${summary} Service recognized from the Profile file name.` : summary + note,
    formLabel: pasted.formLabel,
    total: problems.length,
    findings: shown.findings,
    notShown: shown.notShown,
    safeFixes: pasted.safeFixes,
    ...(ready ? { ready } : {}),
  };
}

/**
 * The findings the Validate tab shows: grouped by code and property (groups in the order they first occur, text
 * order within one), the first `perGroup` of each while fewer than `most` are shown, each with its excerpt; the
 * group's last one shown says how many of it are not, and `notShown` counts the groups left off whole.
 */
export function shownFindings(
  text: string,
  problems: readonly Problem[],
  secrets: readonly Span[],
  limits = { perGroup: SHOWN_PER_GROUP, most: MOST_SHOWN },
): { findings: FindingView[]; notShown: number } {
  const groups = new Map<string, { first: Problem[]; size: number }>();
  for (const p of problems) {
    const key = `${p.code}\u0000${p.property ?? ''}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { first: [p], size: 1 });
    else {
      group.size++;
      if (group.first.length < limits.perGroup) group.first.push(p);
    }
  }
  const findings: FindingView[] = [];
  let notShown = 0;
  for (const group of groups.values()) {
    const room = Math.min(group.first.length, limits.most - findings.length);
    if (room <= 0) {
      notShown += group.size;
      continue;
    }
    group.first.slice(0, room).forEach((p, i) => {
      const more = i === room - 1 ? group.size - room : 0;
      findings.push({
        code: p.code,
        severity: p.severity,
        message: p.message,
        span: p.span,
        ...(p.property ? { property: p.property } : {}),
        excerpt: excerpt(text, p.span, undefined, secrets),
        ...(p.fix ? { fix: { description: p.fix.description, edits: p.fix.edits } } : {}),
        ...(more > 0 ? { more } : {}),
        docs: troubleshootingPath(p.code),
      });
    });
  }
  return { findings, notShown };
}

/**
 * A short excerpt around a span, for the problem list: before, the span itself, after. Text inside `secrets`
 * (sorted spans, from `checkPasted`) shows as `********`, so an excerpt never shows a secret the text holds.
 */
export function excerpt(
  text: string,
  span: { start: number; end: number },
  context = 24,
  secrets: readonly Span[] = [],
): { before: string; marked: string; after: string } {
  const start = Math.max(0, span.start - context);
  const end = Math.min(text.length, span.end + context);
  return {
    before: (start > 0 ? '…' : '') + masked(text, start, span.start, secrets),
    marked: masked(text, span.start, span.end, secrets),
    after: masked(text, span.end, end, secrets) + (end < text.length ? '…' : ''),
  };
}

/** `text.slice(from, to)` with each secret it touches written as `********` (once per secret). */
function masked(text: string, from: number, to: number, secrets: readonly Span[]): string {
  // The first secret that ends after `from` (secrets are sorted and apart).
  let lo = 0;
  let hi = secrets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (secrets[mid]!.end <= from) lo = mid + 1;
    else hi = mid;
  }
  let out = '';
  let at = from;
  for (let i = lo; i < secrets.length && secrets[i]!.start < to; i++) {
    const secret = secrets[i]!;
    if (secret.end <= secret.start) continue;
    out += text.slice(at, Math.max(at, secret.start)) + MASK;
    at = Math.min(to, secret.end);
  }
  return out + text.slice(at, to);
}

/** Settings that say how the string is built rather than fill a field: the method picks AuthScheme, and ProfileSettings holds fields. */
const STRUCTURAL = new Set(['authscheme', 'profilesettings']);

/** What "Load into the builder" puts into the form: the method, the values of fields, and every setting's name. */
export type LoadedString = { methodId: string; values: Record<string, string>; names: string[] };

/**
 * Method and field values read from a pasted string (any output form), for "Load into the builder". `values`
 * holds the settings some method's form of the service shows (another method's stay for when the user switches
 * to it); `names` lists every setting the string sets (names only, documented spelling when known), so the view
 * can say which ones the current form leaves out.
 */
export function fromConnectionString(text: string, service: BuilderService): LoadedString {
  const parsed = parseAny(readPasted(text).text);
  const pairs = effectivePairs(parsed);
  const shown = new Set(service.authMethods.flatMap((m) => [...formFieldNames(service, m.id)]));
  // A "key" that is the rest of a secret (`Password=ab;cd`) is named as masked.
  const secrets = secretSpans(parsed, [service]);
  const inSecret = (at: number) => {
    // The last secret starting at or before `at` (sorted spans: a binary search, for long pasted strings).
    let lo = 0;
    let hi = secrets.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (secrets[mid]!.start <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && at < secrets[lo - 1]!.end;
  };
  const values: Record<string, string> = {};
  const names: string[] = [];
  const named = new Set<string>();
  const put = (pair: EffectivePair) => {
    const property = lookupProperty(service, pair.key)?.property;
    const name = property?.name ?? (inSecret(pair.entry.keySpan.start) ? MASK : pair.key.trim());
    if (!STRUCTURAL.has(name.toLowerCase()) && !named.has(name)) {
      named.add(name);
      names.push(name);
    }
    if (!property || !shown.has(property.name)) return;
    const canonicalValue = property.allowedValues?.find((v) => v.value.toLowerCase() === pair.value.trim().toLowerCase())?.value;
    values[property.name] = canonicalValue ?? pair.value;
  };
  for (const pair of pairs) {
    if (pair.key.toLowerCase() === 'profilesettings') {
      // The nested entries keep their places in the text (for the secret check); a value the parser did not nest is read on its own.
      for (const inner of effectivePairs(pair.entry.nested?.entries ?? parseAny(pair.value))) put(inner);
    } else {
      put(pair);
    }
  }
  // The engine says which method the string selects; one that selects none starts the form on the default.
  return { methodId: methodById(service, selectMethod(rulesOf(service), parsed).method?.id).id, values, names };
}
