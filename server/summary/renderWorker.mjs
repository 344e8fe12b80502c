/**
 * The render thread's entry under tsx (`npm run dev`, the tests): plain ESM that registers
 * tsx itself, then loads the TypeScript task. `npm start` runs the bundled
 * `dist/renderWorker.mjs` instead, built from the same `renderTask.ts`.
 */
import { register } from 'tsx/esm/api';

register();
const { render } = await import('./renderTask.ts');

export { render };
export default render;
