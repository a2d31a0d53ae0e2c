/**
 * The builder's shared data (the general properties, one cached file for every page), fetched while the island's
 * code loads: the module waits for it (top-level await), so the island hydrates with its data in hand and a
 * keyboard user who tabbed in finds the form on the next Tab, not a loading notice. A failed fetch is reported, not
 * thrown, so the island still hydrates and says what went wrong. The file is checked against its schema where the
 * engine runs (the checker, src/lib/builder/checker.ts), before any check uses it. The server render needs none of it.
 */
import type { CommonPayload } from '../../lib/builder/payload.ts';
import { builderDataPath } from '../../lib/site/paths.ts';

export type CommonResult = { data: CommonPayload; error?: undefined } | { data?: undefined; error: string };

export const commonUrl = builderDataPath('common');

async function fetchCommon(): Promise<CommonResult> {
  try {
    const response = await fetch(commonUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return { data: (await response.json()) as CommonPayload };
  } catch (error) {
    return { error: `The builder’s shared settings could not be loaded (${(error as Error).message}). Reload the page to try again.` };
  }
}

export const common: CommonResult = import.meta.env.SSR ? { error: 'not loaded on the server' } : await fetchCommon();
