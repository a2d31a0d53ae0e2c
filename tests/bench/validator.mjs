/**
 * The Validate tab under big pastes (issue 20 "Big input stays fluid"), in Chromium on the built site: 10,000
 * `KeyN=v;` pairs and a megabyte of them pasted into /builder/?service=intercom, then five keystrokes typed at the
 * end. Figures: paste to findings painted, each keystroke's Event Timing duration (key to next paint), keystroke to
 * new findings, long tasks, DOM size. The measurement is tests/e2e/support/big-paste.ts, shared with the browser
 * budget test (tests/e2e/big-paste.test.ts, which holds the bounds).
 */
import { serveStatic } from './lib/server.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { ms, note, size, table } from './lib/format.mjs';
import { measureBigPaste, pairsText } from '../e2e/support/big-paste.ts';

export const defaultInputs = [
  { id: '10,000 pairs', make: () => Array.from({ length: 10_000 }, (_, i) => `Key${i}=v;`).join('') },
  { id: '1 MB', make: () => pairsText(1024 * 1024).text },
];

/**
 * @param {{ distDir: string, inputs?: { id: string, make: () => string }[], keystrokes?: number, log?: (s: string) => void }} options
 */
export async function measureValidator({ distDir, inputs = defaultInputs, keystrokes = 5, log = () => {} }) {
  const server = await serveStatic(distDir);
  const browser = await launchBrowser();
  const rows = [];
  try {
    for (const input of inputs) {
      log(`validator: ${input.id}`);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
      try {
        const page = await context.newPage();
        await page.goto(new URL('builder/?service=intercom', server.url).href, { waitUntil: 'load' });
        await page.locator('.builder-methods').waitFor({ timeout: 30_000 });
        const figures = await measureBigPaste(page, input.make(), { keystrokes, timeoutMs: 300_000 });
        rows.push({ id: input.id, ...figures });
      } catch (error) {
        rows.push({ id: input.id, error: String(error?.message ?? error) });
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { page: '/builder/?service=intercom', viewport: '1280×900', keystrokes, rows };
}

const worst = (list) => (list?.length ? Math.max(...list) : undefined);
const median = (list) => {
  if (!list?.length) return undefined;
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

export function printValidator(r) {
  table(`Validate tab under a big paste, ${r.page}, Chromium ${r.viewport}`, [
    'input', 'chars', 'paste → findings', 'keystroke (worst)', 'keystroke (median)', 'keystroke → findings', 'long tasks (paste)', 'longest', 'long tasks (typing)', 'longest', 'DOM nodes',
  ], r.rows.map((row) =>
    row.error
      ? [row.id, '–', `failed: ${row.error}`]
      : [
          row.id,
          size(row.chars),
          ms(row.pasteToFindingsMs),
          ms(worst(row.keystrokesMs)),
          ms(median(row.keystrokesMs)),
          ms(median(row.keystrokeToFindingsMs)),
          row.pasteLongTasks.count,
          ms(row.pasteLongTasks.maxMs),
          row.typingLongTasks.count,
          ms(row.typingLongTasks.maxMs),
          row.domNodes,
        ],
  ));
  note('  Meaning: paste → findings is from the input event to the frame after the findings render; a keystroke is');
  note('  Event Timing\'s duration (key to next paint; "16 ms" means at most that: shorter ones are not reported);');
  note('  keystroke → findings waits for the findings of the new text. Issue 20 asks for findings within 3 s and a');
  note('  keystroke answered within 300 ms (aim 100 ms) at 1 MB.');
}
