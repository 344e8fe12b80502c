/**
 * 7. In the browser: Chromium (Playwright) opens a board of N cards served by Purple's
 * production build (`npm start`-style: NODE_ENV=production, Next pages on). Measures, from
 * navigation start: first contentful paint, the first card rendered, and "interactive"
 * (the wrapper says data-ready, every card is in the DOM and a queued task runs); then the
 * time from a remote edit's arrival (the WebSocket message event) to the first animation
 * frame that finds the new text in the card, and key press → next frame while typing.
 * Then issue 13's phone figures: a 200-card board at 390×844, unthrottled and with
 * Chromium's CPU throttling at 4×: interactive, key press → next frame (p50/p95/max), and
 * "Add a card" → a focused, empty card.
 */
import type { Browser } from '@playwright/test';
import { cardText } from '../lib/board/doc';
import { ensureBuild } from '../scripts/ensureBuild';
import { findChromium } from '../scripts/ensureChromium';
import { ProviderClient, type Seat, sleep } from './lib/clients';
import { type Ctx, purpleSeats } from './lib/context';
import { command } from './lib/loadgen';
import { freshDir, setupPurple } from './lib/purpleSetup';
import { withTimeout } from './lib/room';
import { ROOT, startServer } from './lib/servers';
import { bootstrapMedian, type Estimate, quantile } from './lib/stats';

export interface BrowserRun {
  fcpMs: number;
  firstCardMs: number;
  interactiveMs: number;
  arrivalToPaint: number[];
  keyToFrame: number[];
}

/** One phone-sized run of the compact board (390×844), at one CPU throttling rate. */
export interface PhoneRun {
  interactiveMs: number;
  /** keydown → next animation frame, per key, typing into a card. */
  keyToFrame: number[];
  /** "Add a card" (pointerdown) → a frame where a new, empty card's field has focus. */
  addCard: number[];
}

/** The compact board on a phone, unthrottled and with Chromium's CPU throttling (issue 13). */
export interface PhoneResult {
  /** Chromium CPU throttling rate: 1 (none) or 4. */
  cpuRate: number;
  cards: number;
  runs: PhoneRun[];
  interactiveMs: Estimate;
  keyToFrameP50: number;
  keyToFrameP95: number;
  keyToFrameMax: number;
  addCardP50: number;
  addCardMax: number;
}

export interface BrowserResult {
  chromium: string;
  cards: number;
  runs: BrowserRun[];
  /** Issue 13's phone figures: 200 cards at 390×844, at CPU rates 1 and 4. */
  phone?: PhoneResult[];
  fcpMs: Estimate;
  firstCardMs: Estimate;
  interactiveMs: Estimate;
  arrivalToPaintMs: Estimate;
  arrivalToPaintP95: number;
  keyToFrameMs: Estimate;
}

// ── load-generator side: the remote editor ────────────────────────────────────────────

const editors = new Map<number, ProviderClient>();
let nextEditor = 1;

export const browserHandlers = {
  'editor.open': command(async (a: { seat: Seat }) => {
    const c = new ProviderClient(a.seat, { awareness: false });
    await withTimeout(c.synced, 30_000, 'the remote editor to sync');
    const id = nextEditor++;
    editors.set(id, c);
    return { handle: id };
  }),
  'editor.edit': command(async (a: { handle: number; cardId: string; token: string }) => {
    const c = editors.get(a.handle);
    const text = c ? cardText(c.doc, a.cardId) : null;
    if (!text) throw new Error(`the editor cannot find card ${a.cardId}`);
    text.insert(text.length, a.token);
    return null;
  }),
  'editor.close': command(async (a: { handle: number }) => {
    editors.get(a.handle)?.destroy();
    editors.delete(a.handle);
    return null;
  }),
};

// ── in-page probes (run before any page script) ──────────────────────────────────────

interface Probe {
  firstCard: number | null;
  complete: number | null;
  expected: number;
  watch: {
    token: string;
    bytes: number[];
    cardId: string;
    arrival: number | null;
    paint: number | null;
  } | null;
  keys: number[];
  adds: number[];
}

/**
 * Installed with addInitScript as source text: tsx would wrap named functions in helpers
 * that do not exist in the page.
 */
function probeScript(expected: number): string {
  return `(() => {
  const probe = { firstCard: null, complete: null, expected: ${expected}, watch: null, keys: [], adds: [] };
  // "Add a card": from the press on the button to a frame where a new, empty card's field has focus.
  let addStart = null;
  window.addEventListener('pointerdown', (e) => {
    const t = e.target instanceof Element ? e.target.closest('button[id^="add-card-"]') : null;
    if (t) addStart = { at: performance.now(), known: new Set([...document.querySelectorAll('li[data-card-id]')].map((li) => li.dataset.cardId)) };
  }, true);
  window.__bench = probe;
  const Native = window.WebSocket;
  const has = (hay, needle) => {
    outer: for (let i = 0; i + needle.length <= hay.length; i++) {
      for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
      return true;
    }
    return false;
  };
  class Probed extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      // Registered before the page sets onmessage, so it runs first: the arrival time.
      this.addEventListener('message', (e) => {
        const watch = probe.watch;
        if (!watch || watch.arrival !== null || typeof e.data === 'string') return;
        const bytes = e.data instanceof ArrayBuffer ? new Uint8Array(e.data) : null;
        if (bytes && has(bytes, watch.bytes)) watch.arrival = performance.now();
      });
    }
  }
  window.WebSocket = Probed;
  let queued = false;
  const frame = () => {
    const now = performance.now();
    if (probe.firstCard === null && document.querySelector('li[data-card-id]')) probe.firstCard = now;
    if (!queued && document.querySelector('[data-ready="true"]') &&
        document.querySelectorAll('li[data-card-id]').length >= probe.expected) {
      queued = true;
      // Interactive once a task queued now gets to run.
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { probe.complete = performance.now(); };
      ch.port2.postMessage(0);
    }
    if (addStart) {
      const a = document.activeElement;
      const li = a && a.tagName === 'TEXTAREA' ? a.closest('li[data-card-id]') : null;
      if (li && !addStart.known.has(li.dataset.cardId) && a.value === '') {
        probe.adds.push(now - addStart.at);
        addStart = null;
      }
    }
    const watch = probe.watch;
    if (watch && watch.arrival !== null && watch.paint === null) {
      const field = document.querySelector('li[data-card-id="' + watch.cardId + '"] textarea');
      if (field && field.value.includes(watch.token)) watch.paint = now;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  window.addEventListener('keydown', () => {
    const t = performance.now();
    requestAnimationFrame(() => probe.keys.push(performance.now() - t));
  }, true);
})();`;
}

// ── orchestrator side ──────────────────────────────────────────────────────────────────

export async function measureBrowser(ctx: Ctx): Promise<BrowserResult> {
  const { cfg, lg } = ctx;
  const launch = findChromium();
  if (!launch) throw new Error('no Chromium found (see scripts/ensureChromium.ts)');
  ctx.log('browser: making sure the production build is current (next build if needed)');
  if (!(await ensureBuild(ROOT))) throw new Error('next build failed');
  const { chromium } = await import('@playwright/test');
  const dataDir = freshDir('purple-bench-browser-');
  ctx.cleanup.push(dataDir);
  const [w, phoneW] = await setupPurple(dataDir, [3, 2]);
  if (!w || !phoneW) throw new Error('no workshop');
  const server = await startServer('purple-next', { dataDir });
  let browser: Browser | null = null;
  const runs: BrowserRun[] = [];
  const phone: PhoneResult[] = [];
  let version = launch.source;
  try {
    const [seeder, viewer, editor] = purpleSeats(server, w, 3) as [Seat, Seat, Seat];
    await lg.call('board.seed', { seat: seeder, cards: cfg.browserCards });
    const { handle } = await lg.call<{ handle: number }>('editor.open', { seat: editor });
    browser = await chromium.launch({
      executablePath: launch.executablePath ?? undefined,
      args: launch.args,
      headless: true,
    });
    version = browser.version();
    const [cookieName, ...rest] = (viewer.cookie ?? '').split('=');
    for (let r = 0; r < cfg.browserRuns; r++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addCookies([
        { name: cookieName ?? '', value: rest.join('='), url: server.httpUrl },
      ]);
      await context.addInitScript({ content: probeScript(cfg.browserCards) });
      const page = await context.newPage();
      await page.goto(`${server.httpUrl}/w/${w.workshopId}`, { waitUntil: 'commit' });
      await page.waitForFunction(
        () => (window as unknown as { __bench: Probe }).__bench?.complete !== null,
        undefined,
        { timeout: 120_000, polling: 100 },
      );
      const load = await page.evaluate(() => {
        const p = (window as unknown as { __bench: Probe }).__bench;
        const fcp =
          performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
        const first = document.querySelector<HTMLElement>('li[data-card-id]')?.dataset.cardId ?? '';
        return {
          fcp,
          firstCard: p.firstCard ?? Number.NaN,
          complete: p.complete ?? Number.NaN,
          first,
        };
      });
      await sleep(500);
      // Remote edits to the first card, one at a time.
      const arrivalToPaint: number[] = [];
      for (let e = 0; e < 20; e++) {
        const token = `~b${r}x${e};`;
        await page.evaluate(
          ([t, id]) => {
            const p = (window as unknown as { __bench: Probe }).__bench;
            p.watch = {
              token: t,
              bytes: [...new TextEncoder().encode(t)],
              cardId: id,
              arrival: null,
              paint: null,
            };
          },
          [token, load.first] as const,
        );
        await lg.call('editor.edit', { handle, cardId: load.first, token });
        await page.waitForFunction(
          () => (window as unknown as { __bench: Probe }).__bench.watch?.paint !== null,
          undefined,
          { timeout: 10_000, polling: 20 },
        );
        const t = await page.evaluate(() => {
          const wch = (window as unknown as { __bench: Probe }).__bench.watch;
          return (wch?.paint ?? Number.NaN) - (wch?.arrival ?? Number.NaN);
        });
        arrivalToPaint.push(t);
        await sleep(100);
      }
      // Typing in the last card of the first section.
      await page.evaluate(() => {
        (window as unknown as { __bench: Probe }).__bench.keys = [];
      });
      await page.locator(`li[data-card-id="${load.first}"] textarea`).click();
      await page.keyboard.type('typing check', { delay: 50 });
      await sleep(300);
      const keys = await page.evaluate(
        () => (window as unknown as { __bench: Probe }).__bench.keys,
      );
      runs.push({
        fcpMs: load.fcp,
        firstCardMs: load.firstCard,
        interactiveMs: load.complete,
        arrivalToPaint,
        keyToFrame: keys,
      });
      ctx.log(
        `browser run ${r + 1}/${cfg.browserRuns}: FCP ${load.fcp.toFixed(0)} ms, first card ${load.firstCard.toFixed(0)} ms, interactive ${load.complete.toFixed(0)} ms, arrival→paint median ${quantile(arrivalToPaint, 0.5).toFixed(1)} ms`,
      );
      await context.close();
    }
    await lg.call('editor.close', { handle });
    const [phoneSeeder, phoneViewer] = purpleSeats(server, phoneW, 2) as [Seat, Seat];
    await lg.call('board.seed', { seat: phoneSeeder, cards: PHONE_CARDS });
    const url = `${server.httpUrl}/w/${phoneW.workshopId}`;
    for (const cpuRate of [1, 4]) {
      const phoneRuns: PhoneRun[] = [];
      for (let r = 0; r < cfg.browserRuns; r++) {
        const run = await phoneRun(browser, url, server.httpUrl, phoneViewer, cpuRate);
        phoneRuns.push(run);
        ctx.log(
          `browser phone ×${cpuRate} run ${r + 1}/${cfg.browserRuns}: interactive ${run.interactiveMs.toFixed(0)} ms, key→frame p95 ${quantile(run.keyToFrame, 0.95).toFixed(1)} ms, add a card ${run.addCard.map((a) => a.toFixed(0)).join('/')} ms`,
        );
      }
      phone.push(summarisePhone(cpuRate, phoneRuns));
    }
  } finally {
    await browser?.close();
    await server.stop();
  }
  const all = runs.flatMap((r) => r.arrivalToPaint);
  return {
    chromium: version,
    cards: cfg.browserCards,
    runs,
    fcpMs: bootstrapMedian(runs.map((r) => r.fcpMs)),
    firstCardMs: bootstrapMedian(runs.map((r) => r.firstCardMs)),
    interactiveMs: bootstrapMedian(runs.map((r) => r.interactiveMs)),
    arrivalToPaintMs: bootstrapMedian(runs.map((r) => quantile(r.arrivalToPaint, 0.5))),
    arrivalToPaintP95: quantile(all, 0.95),
    keyToFrameMs: bootstrapMedian(runs.map((r) => quantile(r.keyToFrame, 0.5))),
    phone,
  };
}

// ── issue 13: the compact board on a phone, with and without CPU throttling ────────────

const PHONE_CARDS = 200;

/** One phone run: join, type into the first card, then add three cards at the bottom. */
async function phoneRun(
  browser: Browser,
  url: string,
  origin: string,
  seat: Seat,
  cpuRate: number,
): Promise<PhoneRun> {
  const [cookieName, ...rest] = (seat.cookie ?? '').split('=');
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    await context.addCookies([{ name: cookieName ?? '', value: rest.join('='), url: origin }]);
    await context.addInitScript({ content: probeScript(PHONE_CARDS) });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => (window as unknown as { __bench: Probe }).__bench?.complete !== null,
      undefined,
      {
        timeout: 120_000,
        polling: 100,
      },
    );
    const interactiveMs = await page.evaluate(
      () => (window as unknown as { __bench: Probe }).__bench.complete ?? Number.NaN,
    );
    await sleep(500);
    await page.evaluate(() => {
      (window as unknown as { __bench: Probe }).__bench.keys = [];
    });
    await page.locator('li[data-card-id] textarea').first().click();
    await page.keyboard.type('typing on a slow phone, one key at a time', { delay: 80 });
    await sleep(300);
    const keyToFrame = await page.evaluate(
      () => (window as unknown as { __bench: Probe }).__bench.keys,
    );
    const add = page.locator('#add-card-indicators');
    for (let k = 0; k < 3; k++) {
      // Cards scrolled into view for the first time swap their placeholder height
      // (content-visibility) for their own, which moves the button: a click at the old place
      // pressed "We agree" on a card instead and the run waited for a card that never came.
      // Scroll first and let the layout settle; the figure starts at the press itself.
      await add.scrollIntoViewIfNeeded();
      await sleep(500);
      await add.click();
      await page.waitForFunction(
        (n) => (window as unknown as { __bench: Probe }).__bench.adds.length > n,
        k,
        { timeout: 30_000, polling: 20 },
      );
      await sleep(300);
    }
    const addCard = await page.evaluate(
      () => (window as unknown as { __bench: Probe }).__bench.adds,
    );
    return { interactiveMs, keyToFrame, addCard };
  } finally {
    await context.close();
  }
}

function summarisePhone(cpuRate: number, runs: PhoneRun[]): PhoneResult {
  const keys = runs.flatMap((r) => r.keyToFrame);
  const adds = runs.flatMap((r) => r.addCard);
  return {
    cpuRate,
    cards: PHONE_CARDS,
    runs,
    interactiveMs: bootstrapMedian(runs.map((r) => r.interactiveMs)),
    keyToFrameP50: quantile(keys, 0.5),
    keyToFrameP95: quantile(keys, 0.95),
    keyToFrameMax: Math.max(...keys),
    addCardP50: quantile(adds, 0.5),
    addCardMax: Math.max(...adds),
  };
}
