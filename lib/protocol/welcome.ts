/**
 * The client's side of the welcome (I96): the server sends everything a socket needs when it
 * connects as one `welcome` message; this hands each of its events to the socket's own
 * listeners, in order, exactly as if it had come alone. Listeners are written once, for the
 * event, and never need to know whether it came in a welcome.
 */
import type { WelcomeItem } from './events';

type Listener = (...args: unknown[]) => void;

/** What of a socket.io client socket this needs (lib/ does not import socket.io-client). */
interface ReceivingSocket {
  on(event: 'welcome', listener: (items: WelcomeItem[]) => void): unknown;
  // biome-ignore lint/suspicious/noExplicitAny: the client's typed event names
  listeners(event: any): unknown[];
  listenersAny(): unknown[];
}

/** Deliver welcome messages to this socket's listeners (call once, before it connects). */
export function receiveWelcome(socket: ReceivingSocket): void {
  socket.on('welcome', (items) => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      if (!Array.isArray(item) || typeof item[0] !== 'string') continue;
      const [event, payload] = item;
      // As socket.io-client delivers an event: catch-all listeners first, then the event's.
      for (const fn of socket.listenersAny() as Listener[]) fn(event, payload);
      for (const fn of socket.listeners(event) as Listener[]) fn(payload);
    }
  });
}
