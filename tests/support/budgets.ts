/**
 * The size budgets (gzip), in one place: the static check on the built HTML (tests/site/budgets.test.ts) and the
 * measurement in Chromium (tests/e2e/page-weight.test.ts) hold the same numbers.
 */
export const KB = 1024;
export const budgets = {
  /** Pages without an island: only the site script (src/scripts/site.ts). */
  plainPageJs: 3 * KB,
  /** The home page, before any interaction. */
  homeJs: 5 * KB,
  /** A service page before the reader touches the builder: no builder code, only the site script and loaders. */
  servicePageJsAtLoad: 15 * KB,
  /**
   * Any page once its builder has started (the island, Preact and the engine); /builder/ starts it at load. 33 kB
   * since the validator reads every pasted form and its damage (about 6 kB of the 31 kB measured); loading that
   * part only when Validate opens is the next saving. 33.5 kB since the engine selects a method by the credential
   * a string sets (the family's methods without AuthScheme): 33.1 kB measured.
   */
  builderStartedJs: 33.5 * KB,
  css: 16.75 * KB,
  serviceHtml: 40 * KB,
  referenceHtml: 60 * KB,
};
