import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The test projects, grouped by what a test needs (exported for tests/lib/fixture-only.test.ts, which holds the
 * rule that the unit project reads no content):
 * - `unit`: the sources and the fixtures only (engine, builder model, site and search libraries, the CLI in-process
 *   on the fixture catalog, the preview server on a scratch folder, the import rule);
 * - `content`: the real content/ too, no build (the real services' facts, the CLI run on them, the Markdown);
 * - `timing`: the linear-time measurement, which compares timings, so no other test file shares the two cores;
 * - `site`: the built site's files in dist/ (links, markup, CSP, budgets, the catalog as published);
 * - `browser`: Chromium against the built site (one browser and one preview server per file, files one at a time).
 * `npm run test:unit` runs the two that need no build; `npm test` (tests/run-all.mjs) runs them, then `timing`
 * alone, then builds and runs `site` and `browser`. Projects of one `groupOrder` run at the same time.
 */
export const projects: Record<'unit' | 'content' | 'timing' | 'site' | 'browser', { include: string[]; exclude: string[] }> = {
  unit: {
    include: ['tests/lib/**/*.test.ts', 'tests/structure/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/integrations/**/*.test.ts'],
    exclude: ['tests/lib/connstr/linear-time.test.ts', 'tests/cli/connstr.test.ts', 'tests/cli/mcp.test.ts'],
  },
  content: { include: ['tests/content/**/*.test.ts', 'tests/cli/connstr.test.ts', 'tests/cli/mcp.test.ts'], exclude: [] },
  timing: { include: ['tests/lib/connstr/linear-time.test.ts'], exclude: [] },
  site: { include: ['tests/site/**/*.test.ts'], exclude: [] },
  browser: { include: ['tests/e2e/**/*.test.ts'], exclude: [] },
};

export default defineConfig({
  root,
  test: {
    // Every project inherits these (extends: true). Many tests wait on a child process (the CLI, the MCP server, the
    // importer, astro dev) or a browser; on a loaded two-core machine a test that runs the CLI three times took over
    // Vitest's default 5 s and failed a fresh-clone run. They only catch a hang: speed lives in `npm run bench`.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', ...projects.unit, environment: 'node', isolate: false, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'content', ...projects.content, environment: 'node', isolate: false, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'timing', ...projects.timing, environment: 'node', fileParallelism: false, sequence: { groupOrder: 1 } } },
      { extends: true, test: { name: 'site', ...projects.site, environment: 'node', sequence: { groupOrder: 2 } } },
      {
        extends: true,
        test: {
          name: 'browser',
          ...projects.browser,
          environment: 'node',
          // expect.poll's own default (1 s) is made for in-process code; here a poll waits on the browser: the search
          // dialog's first open (its module, Pagefind's engine and wasm), the island's hydration, the checker worker's
          // first answer, a service's metadata. Under 4× CPU throttling these took up to 0.98 s, and failed the 1 s bound
          // under 6–8× (search.test.ts, keyboard.test.ts, validate-forms.test.ts). A poll ends as soon as its condition
          // holds, so the bound costs a passing test nothing.
          expect: { poll: { timeout: 10_000 } },
          // One Chromium and one preview server per file; two cores, so files run one at a time.
          fileParallelism: false,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
