/**
 * The worker thread that builds the summary model and renders every download format off
 * the server's event loop (issue 10: an export never blocks the room's edits). Plain ESM
 * that registers tsx itself, so it loads the TypeScript code under `npm start`, the dev
 * server and the tests alike.
 */
import { register } from 'tsx/esm/api';

register();
const { RENDERERS } = await import('./renderSummary.ts');
const { buildSummary } = await import('../../lib/summary/buildSummary.ts');

/** Build the model from `input` and return its bytes as `format`. */
export default async function render({ format, input }) {
  return RENDERERS[format](buildSummary(input));
}
