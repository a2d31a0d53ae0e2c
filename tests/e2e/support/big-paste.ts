/**
 * The Validate tab under a big paste, measured in the page as a user meets it: how long from the paste until the
 * findings are on screen (and painted), how long the page takes to answer each keystroke typed into the pasted
 * text (Event Timing's duration: from the key to the next paint, what INP measures), the long tasks (over 50 ms) of
 * both phases, and the DOM's size. Shared by the browser budget test (tests/e2e/big-paste.test.ts) and the bench
 * (tests/bench/validator.mjs); the page must have its builder started. Runs under Node's type stripping too.
 */
import type { Page } from 'playwright-core';

export type BigPasteFigures = {
  /** Characters pasted, and the `KeyN=v;` pairs they hold. */
  chars: number;
  pairs: number;
  /** From the paste until the findings (or the summary of a clean string) are painted. */
  pasteToFindingsMs: number;
  /** The summary then. */
  summary: string;
  /** Each keystroke's Event Timing duration (key to next paint; 16 ms means "under 16 ms": the API reports no less). */
  keystrokesMs: number[];
  /** From each keystroke until the findings for the new text are painted. */
  keystrokeToFindingsMs: number[];
  /** Long tasks (over 50 ms) while the findings came, and while typing. */
  pasteLongTasks: { count: number; totalMs: number; maxMs: number };
  typingLongTasks: { count: number; totalMs: number; maxMs: number };
  /** Elements in the document once the findings are shown. */
  domNodes: number;
};

/** `KeyN=v;` pairs to `size` characters (the megabyte): an unknown key each, so a finding each. */
export function pairsText(size: number): { text: string; pairs: number } {
  const parts: string[] = [];
  let length = 0;
  let n = 0;
  while (length < size) {
    const pair = `Key${n++}=v;`;
    parts.push(pair);
    length += pair.length;
  }
  return { text: parts.join(''), pairs: n };
}

/**
 * Pastes `text` into the Validate tab (opening it), waits for its findings, then types `keystrokes` characters at
 * the end, one at a time, waiting for each one's findings. Pass a generous `timeoutMs`: a frozen page is the thing
 * measured.
 */
export async function measureBigPaste(page: Page, text: string, { keystrokes = 5, timeoutMs = 180_000 } = {}): Promise<BigPasteFigures> {
  await page.getByRole('tab', { name: 'Validate' }).click();
  await page.locator('#builder-paste').waitFor();
  // Long tasks and event timings from here on, kept in the page.
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __events: { name: string; start: number; duration: number }[] };
    w.__longTasks = [];
    w.__events = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__events.push({ name: e.name, start: e.startTime, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  });

  // The paste: the text set in one go and an input event, as a paste delivers it; then wait for the findings.
  const pasted = await page.evaluate(
    async ({ text, timeoutMs }) => {
      const area = document.querySelector<HTMLTextAreaElement>('#builder-paste')!;
      const summary = document.querySelector('#builder-validate-summary')!;
      const shown = () => /\d finding|No problems/.test(summary.textContent ?? '') && summary.getAttribute('aria-busy') !== 'true';
      area.focus();
      const start = performance.now();
      area.value = text;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no findings ${timeoutMs} ms after the paste (summary: ${summary.textContent})`)), timeoutMs);
        const check = () => {
          if (!shown()) return requestAnimationFrame(check);
          clearTimeout(timer);
          resolve();
        };
        check();
      });
      // Painted: the frame after the one that rendered them.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      return { ms: performance.now() - start, end: performance.now(), summary: summary.textContent ?? '', domNodes: document.getElementsByTagName('*').length };
    },
    { text, timeoutMs },
  );

  // Keystrokes at the end of the text, each one's findings waited for.
  const keystrokeToFindingsMs: number[] = [];
  const typingStart = await page.evaluate(() => {
    const area = document.querySelector<HTMLTextAreaElement>('#builder-paste')!;
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
    return performance.now();
  });
  for (let i = 0; i < keystrokes; i++) {
    const before = await page.evaluate(() => performance.now());
    await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
    const after = await page.evaluate(
      async ({ timeoutMs }) => {
        const summary = document.querySelector('#builder-validate-summary')!;
        const area = document.querySelector<HTMLTextAreaElement>('#builder-paste')!;
        const started = performance.now();
        // The findings are for the text as it is now once the summary is no longer busy.
        await new Promise<void>((resolve, reject) => {
          const check = () => {
            if (summary.getAttribute('aria-busy') !== 'true' && /\d finding|No problems/.test(summary.textContent ?? '')) return resolve();
            if (performance.now() - started > timeoutMs) return reject(new Error(`no findings ${timeoutMs} ms after a keystroke (${area.value.length} chars)`));
            requestAnimationFrame(check);
          };
          check();
        });
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
        return performance.now();
      },
      { timeoutMs },
    );
    keystrokeToFindingsMs.push(after - before);
  }

  const timings = await page.evaluate(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __events: { name: string; start: number; duration: number }[] };
    return { longTasks: w.__longTasks, events: w.__events };
  });
  const tasks = (from: number, to: number) => {
    const list = timings.longTasks.filter((t) => t.start >= from && t.start < to).map((t) => t.duration);
    return { count: list.length, totalMs: list.reduce((a, b) => a + b, 0), maxMs: Math.max(0, ...list) };
  };
  // One figure per keystroke: the longest of its events (keydown, keypress, input, keyup) that Event Timing reported.
  const keyEvents = timings.events.filter((e) => e.start >= typingStart && /^key|^input|^beforeinput/.test(e.name));
  const keystrokesMs: number[] = [];
  for (const e of keyEvents.filter((e) => e.name === 'keydown')) {
    const same = keyEvents.filter((k) => k.start >= e.start && k.start < e.start + Math.max(e.duration, 16) + 1);
    keystrokesMs.push(Math.max(e.duration, ...same.map((k) => k.duration)));
  }
  // A keystroke answered within 16 ms is not reported by Event Timing at all: count it as 16.
  while (keystrokesMs.length < keystrokes) keystrokesMs.push(16);

  return {
    chars: text.length,
    pairs: (text.match(/=/g) ?? []).length,
    pasteToFindingsMs: pasted.ms,
    summary: pasted.summary,
    keystrokesMs,
    keystrokeToFindingsMs,
    pasteLongTasks: tasks(0, pasted.end),
    typingLongTasks: tasks(typingStart, Infinity),
    domNodes: pasted.domNodes,
  };
}
