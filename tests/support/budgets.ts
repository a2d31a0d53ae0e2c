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
   * Any page once its builder has started (the island, Preact and the form's share of the engine, plus the site
   * script every page has); /builder/ starts it at load, so this is also /builder/'s JS at first paint (issue 22:
   * at most 25 kB). 22.6 kB measured since the engine runs in the checker worker (it was 43.8 kB with the engine,
   * the paste readers and zod on the page): about 4.1 kB of page scripts (the site script, Astro's island loader
   * and client:engage), 7.2 kB of Preact, its hooks and Astro's Preact renderer, and 11.7 kB of island: its
   * components (about 5.7 kB), the builder's state, form, build view and share link (2.2 kB), the engine's writing
   * half (serialize, the canonical order, the output forms' writers, the secret rule the share link follows: 3.4 kB)
   * and the checker's client (0.7 kB). 23.9 kB measured since the output panel also writes the .env and
   * appsettings.json forms and masks secrets on screen (about 1.3 kB; those writers cut a string with a split of
   * their own, forms/split.ts, not the parser). The budget is the ceiling, 25 kB: more means moving
   * something to the checker.
   */
  builderStartedJs: 25 * KB,
  /**
   * The checker worker the builder loads when the Validate tab opens or something first needs the engine: 28.8 kB
   * measured, the whole engine (parse, validate, the paste readers and damage checks, fixes, recognition, the secret
   * masking: 21.6 kB), zod's mini build and the payload schema it checks the fetched files with (6.2 kB), and the
   * Validate tab's view (grouping, excerpts: 1 kB). 32.5 kB since it also reads the .env and appsettings.json forms
   * (their readers, with a string assembled from variables) and knows the family's shapes (methods told apart by
   * their credential, settings behind invisible characters, fixes that wait for a curly quote): 31.6 kB measured.
   */
  checkerWorkerJs: 32.5 * KB,
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
