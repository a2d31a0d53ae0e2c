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
   * Any page once its builder has started (the island, Preact and the engine, plus the site script every page has);
   * /builder/ starts it at load. 33 kB since the validator reads every pasted form and its damage (about 6 kB of the
   * 31 kB measured); 37.5 kB since every report masks secrets by the engine's one rule, the service of a pasted
   * string is recognized through pasting damage and file settings on another machine are warned about (about
   * 3.6 kB); 38.5 kB since the site script carries the navigation drawer, the "On this page" highlight and the
   * unfolding of folded deep links (0.7 kB); 44.5 kB since the island checks the data it fetches against its schema
   * (zod's mini build, about 6 kB of the 43.8 kB measured); 47 kB since it writes and reads the .env and appsettings.json
   * forms and shows secrets masked in its output (about 2.4 kB: 46.2 kB measured). Loading the validator only when
   * Validate opens is the next saving.
   */
  builderStartedJs: 47 * KB,
  css: 16.75 * KB,
  serviceHtml: 40 * KB,
  referenceHtml: 60 * KB,
};

/**
 * How tall a service page may be (CSS pixels), at load and once its builder has started: half of what it was when
 * every general property had a six-column table row (12,200 px at 1280 px wide, 24,000 px on a phone). The general
 * properties are folded, so a page grows with what its service's methods use, not with the driver.
 */
export const servicePageHeight = { desktop: 6000, phone: 12000 };
