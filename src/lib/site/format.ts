/** Display text for metadata values, shared by every page so labels never drift apart. */
import type { Placement } from '../connstr/index.ts';
import type { AuthMethod, Confidence, Property } from '../providers/schema.ts';
import { serviceLabel } from '../providers/service-facts.ts';

export const placementLabel: Record<Placement, string> = {
  top: 'Top level',
  profileSettings: 'Inside ProfileSettings',
};

export const audienceLabel: Record<NonNullable<AuthMethod['audience']>, string> = {
  'own-data': 'Your own data',
  'other-users': 'Other users’ data',
  both: 'Your own data or other users’ data',
};

export const confidenceLabel: Record<Confidence, string> = {
  observed: 'Documented in the vendor’s help for this driver',
  convention: 'Vendor convention: seen on the vendor’s other drivers, not in this driver’s help',
  inferred: 'Our inference, not documented by the vendor',
};

/** What opens the note on a service whose vendor page breaks off early (the note itself is the service's data). */
export const incompleteNote = 'The vendor’s page for this build is incomplete.';

/** Service id → display name, for notes that name services by id (a shared correction's appliesTo). */
export function serviceLabels(services: readonly { id: string; name: string; brandName?: string | undefined }[]): ReadonlyMap<string, string> {
  return new Map(services.map((s) => [s.id, serviceLabel(s)]));
}

/** `On the Intercom page.` before a shared correction that concerns some services only; undefined for all. */
export function appliesToNote(appliesTo: readonly string[] | undefined, names: ReadonlyMap<string, string>): string | undefined {
  if (!appliesTo) return undefined;
  return `On the ${andList(appliesTo.map((id) => names.get(id) ?? id))} ${appliesTo.length > 1 ? 'pages' : 'page'}.`;
}

/** Running text cut at backticks: `{ code: true }` parts are inline code (connection strings in remarks). */
export function inlineParts(text: string): { text: string; code: boolean }[] {
  return text.split('`').map((part, i) => ({ text: part, code: i % 2 === 1 })).filter((part) => part.text !== '');
}

/** A label mid-sentence, in parentheses or after other words: `Your own data` → `your own data` (names keep their case). */
export function lowerFirst(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** `A`, `A and B`, `A, B and C`. */
export function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const typeLabels: Record<Property['type'], string> = {
  string: 'string',
  integer: 'integer',
  boolean: 'boolean (true or false)',
  enum: 'one of a list',
  url: 'URL',
  path: 'file path',
  nested: 'nested connection string',
};
export const typeLabel = (type: Property['type']) => typeLabels[type];

/** `""` shows as "empty", a missing default as "none documented". */
export function defaultLabel(value: string | undefined): string {
  if (value === undefined) return 'none documented';
  return value === '' ? 'empty' : value;
}

/** Splits remarks into paragraphs (blank-line separated). */
export function paragraphs(text: string | undefined): string[] {
  return (text ?? '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

/**
 * A property name cut into the parts a line may break between (camelCase and acronym boundaries, with
 * "OAuth" kept whole), so a narrow table column wraps `OAuthAccessToken` as `OAuth|Access|Token` instead of
 * mid-word. The parts always join back to the name.
 * @example nameBreakParts('ProxySSLType') → ['Proxy', 'SSL', 'Type']
 */
export function nameBreakParts(name: string): string[] {
  return name.match(/OAuth|[A-Z]+(?=[A-Z][a-z]|[^A-Za-z]|$)|[A-Z]?[a-z0-9_]+|./g) ?? [name];
}

/** How names and values match, said once for every page and its Markdown twin. */
export const caseRule =
  'Property names, and the values of properties that take a fixed list, are matched without regard to case; the spelling shown is canonical. Every other value (secrets, tokens, passwords, paths) is passed on exactly as written.';

/** Where a default comes from when it is not from this driver's help (empty when it is). */
export function defaultSourceNote(p: Pick<Property, 'defaultConfidence'>): string {
  if (p.defaultConfidence === 'inferred') return ' (our inference)';
  if (p.defaultConfidence === 'convention') return ' (seen on the vendor’s other drivers)';
  return '';
}
