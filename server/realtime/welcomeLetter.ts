/**
 * A connecting socket's welcome is one message (I96).
 *
 * Each feature of the control channel sends a new socket what it shows (agreement, rounds,
 * records, the facilitation state, counts of private writing…). Sent one by one, that was
 * about ten socket.io packets per socket, each encoded, framed and written on its own; when
 * 500 people came back after a restart, sending was the largest single part of the server's
 * time (276 ms of 1.8 s, profiled). Gathered, it is one packet: the features put their
 * events in the socket's letter (`greet`), and the letter goes when every feature is done.
 *
 * While the letter is gathered, whatever else is sent to the socket (a change another
 * person made, presence, an answer) waits and follows it, in the order it was sent. So the
 * socket never sees a change and then the older state the welcome read before it (I93's
 * promise, kept for the whole letter). A letter still not done after `WELCOME_HOLD_MAX_MS`
 * (a store that stopped answering) lets the waiting messages go, and its features' events
 * are then sent as they come, one by one, as before. A socket that disconnects meanwhile
 * lets them go too, so a "session ended" before a disconnect is not lost.
 */
import type { ServerToClientEvents, WelcomeItem } from '../../lib/protocol/events';
import type { ControlSocket } from './control';

/** The longest a welcome holds back a socket's other messages. */
export const WELCOME_HOLD_MAX_MS = 10_000;

type Event = WelcomeItem[0];

/** socket.io's Client: every packet to a socket passes `writeToEngine`, direct or broadcast. */
interface EngineWriter {
  writeToEngine(packets: unknown, opts: unknown): void;
}

const letters = new WeakMap<object, WelcomeItem[]>();

/**
 * Send `event` to `socket`: into its welcome while one is being gathered, else at once.
 * Features call this wherever they send what a new socket needs.
 */
export function greet<E extends Event>(
  socket: Pick<ControlSocket, 'emit'>,
  event: E,
  payload: Parameters<ServerToClientEvents[E]>[0],
): void {
  const letter = letters.get(socket);
  if (letter) letter.push([event, payload] as WelcomeItem);
  else (socket.emit as (e: string, p: unknown) => boolean)(event, payload);
}

/**
 * Gather the welcome of `socket` while the promises `start` returns (each feature's
 * welcome, started once the letter is open) run, then send it as one message. Resolves
 * when it has been sent.
 */
export function gatherWelcome(
  socket: ControlSocket,
  start: () => Promise<unknown>[],
  holdMaxMs = WELCOME_HOLD_MAX_MS,
): Promise<void> {
  const items: WelcomeItem[] = [];
  letters.set(socket, items);
  const client = socket.client as unknown as EngineWriter;
  const ownWrite = (Object.getPrototypeOf(client) as EngineWriter).writeToEngine;
  const held: [unknown, unknown][] = [];
  client.writeToEngine = (packets, opts) => {
    held.push([packets, opts]);
  };
  let open = true;
  const release = (withLetter: boolean) => {
    if (!open) return;
    open = false;
    clearTimeout(timer);
    socket.off('disconnecting', onLeaving);
    letters.delete(socket);
    // Back to socket.io's own method (on the prototype). Assigned, not deleted: deleting a
    // property turns the object's shape into a slow dictionary, and this object handles
    // every packet of the connection.
    client.writeToEngine = ownWrite;
    if (withLetter && items.length > 0) socket.emit('welcome', items);
    else for (const [event, payload] of items) greet(socket, event, payload as never);
    for (const [packets, opts] of held) client.writeToEngine(packets, opts);
  };
  const onLeaving = () => release(false);
  socket.on('disconnecting', onLeaving);
  const timer = setTimeout(() => release(false), holdMaxMs);
  timer.unref();
  return Promise.allSettled(start()).then(() => release(true));
}
