/**
 * A one-thread `piscina` pool for the heavy summary formats: DOCX and PDF layout takes
 * seconds on a large board, and the room's edits must not wait for it (issue 10). Light
 * formats render in-process; exports queue on the one thread, which also bounds memory.
 */
import { Piscina } from 'piscina';
import type { SummaryFormat } from '../../lib/summary/formats';
import type { SummaryModel } from '../../lib/summary/schema';
import { RENDERERS } from './renderSummary';

/** Formats rendered on the worker thread. */
export const HEAVY_FORMATS: ReadonlySet<SummaryFormat> = new Set([
  'docx',
  'pdf',
  'easy-read-docx',
  'easy-read-pdf',
]);

/** Renders formats, the heavy ones off the event loop. */
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

  /** The bytes of `model` as `format`. */
  async render(model: SummaryModel, format: SummaryFormat): Promise<Uint8Array> {
    if (!HEAVY_FORMATS.has(format)) return RENDERERS[format](model);
    const out: Uint8Array = await this.pool().run({ format, model });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }

  /** Stop the worker (server shutdown). */
  async close(): Promise<void> {
    await this.#pool?.destroy();
    this.#pool = null;
  }
}
