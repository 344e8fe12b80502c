/**
 * A one-thread `piscina` pool that builds the summary model and renders a download off
 * the event loop: DOCX and PDF layout takes seconds on a large board, and even CSV and
 * JSON take a noticeable slice, while the room's edits must not wait (issue 10). Exports
 * queue on the one thread, which also bounds their memory.
 */
import { Piscina } from 'piscina';
import type { SummaryFormat } from '../../lib/summary/formats';
import type { SummaryInput } from '../../lib/summary/input';

/** Builds and renders summaries on a worker thread. */
export class RenderPool {
  #pool: Piscina | null = null;

  private pool(): Piscina {
    this.#pool ??= new Piscina({
      filename: new URL('./renderWorker.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: 60_000,
    });
    return this.#pool;
  }

  /** The bytes of the summary built from `input`, as `format`. */
  async render(input: SummaryInput, format: SummaryFormat): Promise<Uint8Array> {
    const out: Uint8Array = await this.pool().run({ format, input });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }

  /** Stop the worker (server shutdown). */
  async close(): Promise<void> {
    await this.#pool?.destroy();
    this.#pool = null;
  }
}
