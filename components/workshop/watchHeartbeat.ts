/**
 * Keeps a control socket's "connected" honest (issue 13): offline at once when the browser
 * says so, or when the server's heartbeat has been silent for `OFFLINE_AFTER_MS`; and a
 * `purple:reconnected` window event when it is back, so cards can clear "You are offline".
 */
import type { Socket } from 'socket.io-client';
import { OFFLINE_AFTER_MS } from '../../lib/protocol/heartbeat';

/** The window event sent when the control channel is back after being offline. */
export const RECONNECTED_EVENT = 'purple:reconnected';

/** Watch `socket`; calls `setConnected` on every change. Returns a function that stops it. */
export function watchHeartbeat(socket: Socket, setConnected: (c: boolean) => void): () => void {
  let lastHeard = Date.now();
  let online = false;
  let wasOffline = false;
  const set = (next: boolean) => {
    if (next === online) return;
    online = next;
    setConnected(next);
    if (!next) wasOffline = true;
    else if (wasOffline) window.dispatchEvent(new Event(RECONNECTED_EVENT));
  };
  const heard = () => {
    lastHeard = Date.now();
    if (socket.connected && navigator.onLine) set(true);
  };
  const onOffline = () => {
    set(false);
    // Close now, so the server stops showing this person as here; reconnect when online.
    socket.disconnect();
  };
  const onOnline = () => {
    if (!socket.connected) socket.connect();
  };
  socket.on('connect', () => {
    heard();
    socket.io.engine?.on('ping', heard);
    socket.io.engine?.on('packet', heard);
  });
  socket.on('disconnect', () => set(false));
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);
  const timer = setInterval(() => {
    if (online && Date.now() - lastHeard > OFFLINE_AFTER_MS) set(false);
  }, 500);
  return () => {
    clearInterval(timer);
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('online', onOnline);
  };
}
