/**
 * Times the store's writes for the `purple_store_write_seconds` histogram (issue 12) by
 * wrapping the Store the server opened; reads and every other method pass through as they are.
 */
import type { OrderedLog, Store } from '../store/Store';
import type { Metrics } from './metrics';

/** The writes worth watching: the edit and ballot hot paths and the other durable changes. */
const TIMED: ReadonlySet<string> = new Set<keyof Store | keyof OrderedLog>([
  'appendUpdate',
  // Several instances' edit path (I62): the write under the workshop's row lock.
  'appendOrdered',
  'appendServerWrite',
  'compact',
  'castBallot',
  'createWorkshop',
  'addParticipantWithinCap',
  'recordCardEvent',
  'putEndorsement',
  'createRound',
  'closeRound',
  'saveFacilitation',
  'deleteWorkshop',
]);

/** `store`, with each timed write observed in `metrics` (failed writes too). */
export function timedStore(store: Store, metrics: Metrics): Store {
  return new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof name !== 'string' || !TIMED.has(name) || typeof value !== 'function')
        return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: unknown[]) => {
        const started = process.hrtime.bigint();
        try {
          return await value.apply(target, args);
        } finally {
          metrics.storeWrite(name, Number(process.hrtime.bigint() - started) / 1e9);
        }
      };
    },
  });
}
