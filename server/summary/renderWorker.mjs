/**
 * The worker thread that renders heavy summary formats (DOCX, PDF, easy read) off the
 * server's event loop (issue 10: an export never blocks the room's edits). Plain ESM that
 * registers tsx itself, so it loads the TypeScript renderers under `npm start`, the dev
 * server and the tests alike.
 */
import { register } from 'tsx/esm/api';

register();
const { RENDERERS } = await import('./renderSummary.ts');

/** Render `model` as `format` and return the bytes. */
export default async function render({ format, model }) {
  return RENDERERS[format](model);
}
