/**
 * Where the values of a connection string are written, for the configuration-file writers (.env and
 * appsettings.json): a light split, not the parser. Those writers only cut the text at its values to name them, and
 * write the text back exactly whatever the cut, so the builder's page, which writes these forms, does without the
 * parser (about 5 kB gzip; the checker worker has it). A ProfileSettings list that doubles its own quote inside is
 * kept as one value rather than taken apart. Browser compatible, no side effects.
 */

/** One value as written: its pair's key (trimmed) and the value's text, quotes included. */
export type WrittenValue = { key: string; start: number; end: number };

const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** The end of a pair starting at `from`: the next `;` before `to`, or `to`. */
const pairEnd = (text: string, from: number, to: number) => {
  const semi = text.indexOf(';', from);
  return semi === -1 || semi >= to ? to : semi;
};

function splitList(text: string, from: number, to: number, out: WrittenValue[], nested: boolean): void {
  let i = from;
  while (i < to) {
    // The key runs to its `=` (`==` is a literal `=` in a key); a pair without one has no value to name.
    let eq = -1;
    for (let j = i; j < to && text[j] !== ';'; j++) {
      if (text[j] !== '=') continue;
      if (text[j + 1] === '=') j++;
      else {
        eq = j;
        break;
      }
    }
    if (eq === -1) {
      i = pairEnd(text, i, to) + 1;
      continue;
    }
    const key = text.slice(i, eq).trim();
    let start = eq + 1;
    while (start < to && isBlank(text[start])) start++;
    const quote = text[start];
    if (quote === "'" || quote === '"') {
      // A quoted value runs to its closing quote (a doubled quote is one quote inside it), or to the end.
      let end = to;
      for (let k = start + 1; k < to; ) {
        const at = text.indexOf(quote, k);
        if (at === -1 || at >= to) break;
        if (text[at + 1] === quote) k = at + 2;
        else {
          end = at + 1;
          break;
        }
      }
      const inner = text.slice(start + 1, end - 1);
      const closed = end - start >= 2 && text[end - 1] === quote;
      if (nested && closed && key.toLowerCase() === 'profilesettings' && !inner.includes(quote)) splitList(text, start + 1, end - 1, out, false);
      else out.push({ key, start, end });
      i = pairEnd(text, end, to) + 1;
    } else {
      const stop = pairEnd(text, start, to);
      let end = stop;
      while (end > start && isBlank(text[end - 1])) end--;
      out.push({ key, start, end });
      i = stop + 1;
    }
  }
}

/** Every value written in `text`, at the top level and inside a quoted ProfileSettings list, in text order. */
export function writtenValues(text: string): WrittenValue[] {
  const out: WrittenValue[] = [];
  splitList(text, 0, text.length, out, true);
  return out;
}

/** The Profile's value as the driver reads it (quotes taken off, a doubled quote one), for a default name. */
export function writtenProfile(text: string): string | undefined {
  const profile = writtenValues(text).find((v) => v.key.toLowerCase() === 'profile');
  if (!profile) return undefined;
  const raw = text.slice(profile.start, profile.end);
  const quote = raw[0];
  return quote === "'" || quote === '"' ? raw.slice(1, raw.endsWith(quote) && raw.length > 1 ? -1 : undefined).replaceAll(quote + quote, quote) : raw;
}
