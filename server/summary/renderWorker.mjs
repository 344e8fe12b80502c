/**
 * The worker thread that reads the board snapshot, builds the summary model and renders
 * every download format off the server's event loop (issue 10: an export never blocks the
 * room's edits). Plain ESM that registers tsx itself, so it loads the TypeScript code
 * under `npm start`, the dev server and the tests alike.
 */
import { move } from 'piscina';
import { register } from 'tsx/esm/api';

register();
const { RENDERERS } = await import('./renderSummary.ts');
const { buildSummary } = await import('../../lib/summary/buildSummary.ts');
const { inputFromSource } = await import('../../lib/summary/snapshot.ts');

/**
 * The bytes of `source`'s summary as `format`, moved (not copied) back to the main
 * thread. A Buffer may share a pooled ArrayBuffer with others, which cannot be moved, so
 * such bytes get an ArrayBuffer of their own first.
 */
export async function render({ format, source }) {
  const out = await RENDERERS[format](buildSummary(inputFromSource(source)));
  const own = out.byteOffset === 0 && out.byteLength === out.buffer.byteLength;
  return move(own ? out : new Uint8Array(out));
}

export default render;
