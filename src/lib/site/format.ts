/** Display text for metadata values, shared by every page so labels never drift apart. */
import type { AuthMethod, Confidence, Placement, Property } from '../providers/schema';

export const placementLabel: Record<Placement, string> = {
  top: 'Top level',
  profileSettings: 'Inside ProfileSettings',
};

export const audienceLabel: Record<AuthMethod['audience'], string> = {
  'own-data': 'Your own data',
  'other-users': 'Other users’ data',
  both: 'Your own data or other users’ data',
};

export const confidenceLabel: Record<Confidence, string> = {
  observed: 'Documented for this provider',
  convention: 'Vendor convention (seen on sibling drivers, not on this provider’s page)',
  inferred: 'Our inference',
};

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

/** A property's sample as a setting (`Name=value`); a nested top-level value is quoted, as it must be written. */
export function exampleSetting(p: Pick<Property, 'name' | 'placement' | 'type' | 'example'>): string | undefined {
  if (p.example === undefined) return undefined;
  return `${p.name}=${p.placement === 'top' && p.type === 'nested' ? `'${p.example}'` : p.example}`;
}
