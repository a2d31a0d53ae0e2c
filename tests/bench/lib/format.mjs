/** Output helpers: aligned text tables, byte and time formatting. */

export const kb = (bytes) => (bytes == null ? '–' : `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 2 : 1)} kB`);
export const mb = (bytes) => (bytes == null ? '–' : `${(bytes / 1024 / 1024).toFixed(2)} MB`);
export const size = (bytes) => (bytes == null ? '–' : bytes >= 1024 * 1024 ? mb(bytes) : kb(bytes));
export const ms = (value) => (value == null ? '–' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(value < 10 ? 2 : 0)} ms`);

/**
 * Prints a table: a title, then rows of cells (strings or numbers) aligned under the headers. Numbers and
 * cells that look like figures align right.
 * @param {string} title
 * @param {string[]} headers
 * @param {(string|number|null|undefined)[][]} rows
 */
export function table(title, headers, rows) {
  const cells = rows.map((row) => row.map((c) => (c == null ? '–' : String(c))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) => cells.length > 0 && cells.every((r) => /^[-+]?[\d.,]+\s*(%|x|×|kB|MB|B|ms|s)?$|^–$/.test(r[i] ?? '')));
  const line = (r) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  const out = [`\n## ${title}`, line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
  console.log(out.join('\n'));
}

export function note(text) {
  console.log(text);
}
