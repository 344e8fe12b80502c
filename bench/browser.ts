import type { Ctx } from './lib/context';
import type { Estimate } from './lib/stats';

export interface BrowserResult {
  chromium: string;
  cards: number;
  runs: unknown[];
  fcpMs: Estimate;
  firstCardMs: Estimate;
  interactiveMs: Estimate;
  arrivalToPaintMs: Estimate;
  arrivalToPaintP95: number;
  keyToFrameMs: Estimate;
}

export async function measureBrowser(_ctx: Ctx): Promise<BrowserResult> {
  throw new Error('not yet');
}
