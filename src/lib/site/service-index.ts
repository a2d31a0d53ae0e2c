/**
 * The service finder's contract: the index the build writes (`service-index.json`, from auth-kinds.ts) and the
 * matching the finder script runs on it in the browser. No imports, so the finder's bundle carries only this file.
 */

/** Ways a service signs in, in the order filters and badges list them. */
export const authKinds = ['token', 'oauth', 'basic'] as const;
export type AuthKind = (typeof authKinds)[number];

/** Short labels (filter chips, badges) and the longer wording used where there is room. */
export const authKindLabels: Record<AuthKind, string> = { token: 'Token', oauth: 'OAuth', basic: 'Basic' };
export const authKindTitles: Record<AuthKind, string> = {
  token: 'API key or token',
  oauth: 'OAuth',
  basic: 'Basic (user and password)',
};

export type ServiceIndexEntry = {
  id: string;
  /** The name pages show (the brand spelling when there is one). */
  name: string;
  /** The driver's spelling, when it differs from `name`. */
  also?: string;
  kinds: AuthKind[];
};
export type ServiceIndex = { services: ServiceIndexEntry[] };

/** Lower case without accents, so "freee" finds "Freee" and "zoho" finds "Zohō". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Services whose name, driver name or id contains every word of the query, that sign in with `kind` (any kind when
 * absent), best first: a name starting with the query, then a word of the name starting with it, then the rest,
 * each group by name. An empty query with no kind matches nothing (the finder then shows its page's own list).
 */
export function findServices(index: ServiceIndex, query: string, kind?: AuthKind): ServiceIndexEntry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0 && !kind) return [];
  const whole = words.join(' ');
  const ranked: { entry: ServiceIndexEntry; rank: number }[] = [];
  for (const entry of index.services) {
    if (kind && !entry.kinds.includes(kind)) continue;
    const names = [entry.name, entry.also ?? '', entry.id].map(fold);
    const text = names.join(' ');
    if (!words.every((w) => text.includes(w))) continue;
    const rank = !whole ? 0 : names.some((n) => n.startsWith(whole)) ? 0 : names.some((n) => n.split(/[\s-]+/).some((w) => w.startsWith(words[0]!))) ? 1 : 2;
    ranked.push({ entry, rank });
  }
  return ranked.sort((a, b) => a.rank - b.rank || a.entry.name.localeCompare(b.entry.name)).map((r) => r.entry);
}
