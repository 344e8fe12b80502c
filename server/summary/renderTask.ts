/**
 * What the render thread does with one task (see `renderPool.ts`): reads the board
 * snapshot, builds the summary model and renders the download. Loaded by
 * `renderWorker.mjs` under tsx, and bundled as `dist/renderWorker.mjs` for `npm start`.
 */
import { move } from 'piscina';
import { buildSummary } from '../../lib/summary/buildSummary';
import type { SummaryFormat } from '../../lib/summary/formats';
import { inputFromSource, type SummarySource } from '../../lib/summary/snapshot';
import { RENDERERS } from './renderSummary';

/**
 * The bytes of `source`'s summary as `format`, moved (not copied) back to the main
 * thread. A Buffer may share a pooled ArrayBuffer with others, which cannot be moved, so
 * such bytes get an ArrayBuffer of their own first.
 */
export async function render({
  format,
  source,
}: {
  format: SummaryFormat;
  source: SummarySource;
}): Promise<Uint8Array> {
  const out = await RENDERERS[format](buildSummary(inputFromSource(source)));
  const own = out.byteOffset === 0 && out.byteLength === out.buffer.byteLength;
  return move(own ? out : new Uint8Array(out)) as Uint8Array;
}

export default render;
