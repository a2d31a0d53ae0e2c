/**
 * Name matching for did-you-mean suggestions: used by the validator, and by the catalog checks (which import it from the engine).
 * Browser compatible, no side effects.
 */

/** Levenshtein distance, case-insensitive. Two rows of memory: names are short. */
export function editDistance(a: string, b: string): number {
  return boundedDistance(a.toLowerCase(), b.toLowerCase(), Infinity);
}

/** Two reusable rows: a pasted string with 100,000 unknown keys asks for millions of distances. */
let prevRow = new Int32Array(64);
let nextRow = new Int32Array(64);

/**
 * The edit distance of two lower-cased strings, or `limit + 1` as soon as it is known to be over `limit`: only the
 * cells within `limit` of the diagonal are computed (a path outside that band costs more), and a row whose smallest
 * cell is over the limit ends it (later rows only grow), so a key that resembles nothing stops after a row or two.
 */
function boundedDistance(s: string, t: string, limit: number): number {
  if (s === t) return 0;
  const width = Math.min(limit, s.length + t.length);
  if (Math.abs(s.length - t.length) > width) return limit + 1;
  const over = width + 1;
  if (prevRow.length <= t.length + 1) {
    prevRow = new Int32Array(t.length + 2);
    nextRow = new Int32Array(t.length + 2);
  }
  let prev = prevRow;
  let row = nextRow;
  const first = Math.min(t.length, width);
  for (let j = 0; j <= first; j++) prev[j] = j;
  prev[first + 1] = over;
  for (let i = 1; i <= s.length; i++) {
    const lo = i > width ? i - width : 1;
    const hi = Math.min(t.length, i + width);
    let left = lo === 1 ? i : over;
    row[lo - 1] = left;
    let smallest = left;
    const c = s.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const diagonal = prev[j - 1]! + (c === t.charCodeAt(j - 1) ? 0 : 1);
      const up = prev[j]! + 1;
      let d = left + 1;
      if (up < d) d = up;
      if (diagonal < d) d = diagonal;
      row[j] = d;
      left = d;
      if (d < smallest) smallest = d;
    }
    // The cell past the band reads as out of reach for the next row.
    row[hi + 1] = over;
    if (smallest > width) return limit + 1;
    const swap = prev;
    prev = row;
    row = swap;
  }
  const d = prev[t.length]!;
  return d > width ? limit + 1 : d;
}

/**
 * The candidate closest to `name` among those close enough to be a plausible typo: at most a third of the
 * longer name's letters differ (so `OAuthClientSecert` finds `OAuthClientSecret`, `Foo` finds nothing).
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  return nameMatcher(candidates)(name);
}

/**
 * `closestName` against a fixed list of candidates, prepared once (lower-cased): the validator asks it for every
 * unknown key of a string, and a pasted megabyte can hold 100,000 of them.
 */
export function nameMatcher(candidates: Iterable<string>): (name: string) => string | undefined {
  const list = [...candidates].map((candidate) => {
    const lower = candidate.toLowerCase();
    return { candidate, lower, letters: letterSet(lower) };
  });
  return (name) => {
    let best: string | undefined;
    let bestDistance = Infinity;
    const lower = name.toLowerCase();
    const letters = letterSet(lower);
    for (const { candidate, lower: other, letters: otherLetters } of list) {
      const limit = Math.max(1, Math.floor(Math.max(name.length, candidate.length) / 3));
      // The distance is at least the length difference: skip what cannot pass without computing it (a pasted
      // 100 kB key must not cost a full edit distance per property name).
      if (Math.abs(candidate.length - name.length) > limit) continue;
      // Only a distance within the limit and better than the best so far matters: stop computing past that.
      const cap = Math.min(limit, bestDistance - 1);
      // Each letter of one that the other lacks costs an edit: a cheap floor that rules out most names at once.
      if (missing(lower, otherLetters, cap) > cap || missing(other, letters, cap) > cap) continue;
      const d = boundedDistance(lower, other, cap);
      if (d <= cap) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  };
}

/** Which letters a string holds, as 32 bits (letters that share a bit only make the floor below lower, never wrong). */
function letterSet(s: string): number {
  let set = 0;
  for (let i = 0; i < s.length; i++) set |= 1 << (s.charCodeAt(i) & 31);
  return set;
}

/** How many characters of `s` the letter set lacks, counting up to `cap + 1`. */
function missing(s: string, set: number, cap: number): number {
  let count = 0;
  for (let i = 0; i < s.length && count <= cap; i++) if ((set & (1 << (s.charCodeAt(i) & 31))) === 0) count++;
  return count;
}
