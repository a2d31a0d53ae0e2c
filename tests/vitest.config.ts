import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Two projects: `unit` runs in Node on sources (the engine and builder-model tests on the acme fixture,
// tests/support/acme.ts, never on content/); `e2e` checks the real site: its content (`tests/site/content/`: facts about
// the real services, unit-speed), the built HTML (`tests/site/`) and Chromium driving it (`tests/e2e/`), so
// `npm test` builds first (tests/run-all.mjs).
export default defineConfig({
  root,
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/e2e/**', 'tests/site/**', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/site/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium and one preview server per file; two cores, so files run one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
