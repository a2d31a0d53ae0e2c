/**
 * Name matching for did-you-mean suggestions: used by the validator, and by the catalog checks (which import it from the engine).
 * Browser compatible, no side effects.
 */

/** Levenshtein distance, case-insensitive. Two rows of memory: names are short. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return 0;
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      row[j] = Math.min(row[j - 1]! + 1, prev[j]! + 1, prev[j - 1]! + cost);
    }
    prev = row;
  }
  return prev[t.length]!;
}

/**
 * The candidate closest to `name` among those close enough to be a plausible typo: at most a third of the
 * longer name's letters differ (so `OAuthClientSecert` finds `OAuthClientSecret`, `Foo` finds nothing).
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const limit = Math.max(1, Math.floor(Math.max(name.length, candidate.length) / 3));
    // The distance is at least the length difference: skip what cannot pass without computing it (a pasted
    // 100 kB key must not cost a full edit distance per property name).
    if (Math.abs(candidate.length - name.length) > limit) continue;
    const d = editDistance(name, candidate);
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
