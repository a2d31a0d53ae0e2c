import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The linear-time measurement compares timings, so it runs alone: no other test file shares the two cores. */
const timing = ['tests/lib/connstr/linear-time.test.ts'];

// Three projects, run one group after another (sequence.groupOrder; projects in one group would run at the same
// time): `unit` in Node on sources only; `timing`, the linear-time check, with nothing beside it; `e2e`, which
// reads the built site (`tests/site/`: HTML structure and the real content) and drives Chromium against it
// (`tests/e2e/`), so `npm test` builds first (tests/run-all.mjs).
export default defineConfig({
  root,
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/e2e/**', 'tests/site/**', 'node_modules/**', ...timing],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'timing',
          include: timing,
          environment: 'node',
          fileParallelism: false,
          sequence: { groupOrder: 1 },
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
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
