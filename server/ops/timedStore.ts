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
  'updateFacilitation',
  'deleteWorkshop',
]);

/**
 * `store`, with each timed write observed in `metrics` (failed writes too). Each method is
 * wrapped or bound once (again only if the store's method is replaced): `appendUpdate` runs
 * for every edit, and a new closure on every property read was garbage on the broadcast path.
 */
export function timedStore(store: Store, metrics: Metrics): Store {
  type Method = (...args: unknown[]) => unknown;
  const methods = new Map<string, { value: Method; method: Method }>();
  const timed =
    (name: string, fn: Method) =>
    async (...args: unknown[]) => {
      const started = process.hrtime.bigint();
      try {
        return await fn.apply(store, args);
      } finally {
        metrics.storeWrite(name, Number(process.hrtime.bigint() - started) / 1e9);
      }
    };
  // The journal's fast path (I92) is synchronous and is the edit's durable write: it is
  // observed as `appendUpdate`, so the metric means the same on either path.
  const journalTimed =
    (name: string, fn: Method) =>
    (...args: unknown[]) => {
      const started = process.hrtime.bigint();
      const seq = fn.apply(store, args);
      // Null: not journalled, so `appendUpdate` stores (and is timed) instead.
      if (seq !== null) metrics.storeWrite(name, Number(process.hrtime.bigint() - started) / 1e9);
      return seq;
    };
  return new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof name !== 'string' || typeof value !== 'function') return value;
      const known = methods.get(name);
      if (known && known.value === value) return known.method;
      const method =
        name === 'journalUpdate'
          ? journalTimed('appendUpdate', value)
          : TIMED.has(name)
            ? timed(name, value)
            : value.bind(target);
      methods.set(name, { value, method });
      return method;
    },
  });
}
