/**
 * A one-thread `piscina` pool that reads the board snapshot, builds the summary model and
 * renders a download off the event loop: DOCX and PDF layout takes seconds on a large
 * board, and even reading 2,000 cards or writing CSV and JSON takes a noticeable slice,
 * while the room's edits must not wait (issue 10). Exports queue on the one thread, which
 * also bounds their memory. The snapshot's bytes are moved to the worker and the
 * download's bytes moved back, never copied.
 */
import { Piscina } from 'piscina';
import type { SummaryFormat } from '../../lib/summary/formats';
import type { SummarySource } from '../../lib/summary/snapshot';

/** How much lower than the server's the render thread's CPU priority is (0–19). */
export const RENDER_NICE = 10;

/** Builds and renders summaries on a worker thread. */
export class RenderPool {
  #pool: Piscina | null = null;

  private pool(): Piscina {
    this.#pool ??= new Piscina({
      filename: new URL('./renderWorker.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: 60_000,
      // Renders are background work: at a lower priority the thread yields its core to
      // the room's event loop whenever that has work (Linux gives each thread its own
      // nice value; piscina applies it through its optional @napi-rs/nice).
      niceIncrement: RENDER_NICE,
    });
    return this.#pool;
  }

  /** The bytes of the summary built from `source`, as `format`; the snapshot is moved there. */
  async render(source: SummarySource, format: SummaryFormat): Promise<Uint8Array> {
    const { update } = source.board;
    const own = update.byteOffset === 0 && update.byteLength === update.buffer.byteLength;
    const moved = own ? update : update.slice();
    const task = { format, source: { ...source, board: { ...source.board, update: moved } } };
    const out: Uint8Array = await this.pool().run(task, {
      name: 'render',
      transferList: [moved.buffer as ArrayBuffer],
    });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }

  /** Stop the worker (server shutdown). */
  async close(): Promise<void> {
    await this.#pool?.destroy();
    this.#pool = null;
  }
}
