/** Every command the load-generator process understands, gathered from each measurement. */
import { browserHandlers } from './browser';
import { durabilityHandlers } from './durability';
import { fanoutHandlers } from './fanout';
import { boardHandlers } from './lib/board';
import { idleHandlers } from './lib/idle';
import type { Handler } from './lib/loadgen';
import { scaleoutHandlers } from './scaleout';
import { soakHandlers } from './soak';

export const handlers: Record<string, Handler> = {
  ...fanoutHandlers,
  ...idleHandlers,
  ...boardHandlers,
  ...durabilityHandlers,
  ...browserHandlers,
  ...soakHandlers,
  ...scaleoutHandlers,
};
