/** Small statistics for repeated measurements. */

export const median = (values) => {
  const sorted = values.filter((v) => v != null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const min = (values) => (values.length ? Math.min(...values) : null);
export const max = (values) => (values.length ? Math.max(...values) : null);

/** Relative spread of a sample, (max − min) / median, to show how noisy a figure is. */
export const spread = (values) => {
  const m = median(values);
  return m ? (Math.max(...values) - Math.min(...values)) / m : null;
};

/**
 * Growth exponent between two sizes: log(b/a) / log(nb/na). 1 means linear, 2 quadratic, below 1 means a
 * fixed cost dominates. null when a value is missing or zero.
 */
export function growthExponent(na, a, nb, b) {
  if (!a || !b || !na || !nb || na === nb) return null;
  return Math.log(b / a) / Math.log(nb / na);
}
