/**
 * The door of the socket.io control channel, run by engine.io's `allowRequest` before it
 * allocates a session: the Origin must be the site's own (or allowed), and the client's
 * address must have a connection slot free. The slot is held until the engine.io session
 * closes (or given back if no session follows the request).
 */
import type { IncomingMessage } from 'node:http';
import type { Server } from 'socket.io';
import { REASON_INFO } from '../../lib/protocol/reasons';
import { originAllowed } from '../auth/origin';
import type { Config } from '../config';
import { clientAddress } from '../http/clientAddress';
import { firstWriteTogether } from '../http/firstWrite';
import { requestOrigin } from '../http/requestOrigin';
import type { Limits } from './Limits';

const SLOT = Symbol('purple.addressSlot');
/** A request allowed in but never turned into a session gives its slot back after this. */
const UNCLAIMED_MS = 10_000;

interface Slot {
  address: string;
  claimed: boolean;
}

type SlotRequest = IncomingMessage & { [SLOT]?: Slot };
type AllowRequest = (req: IncomingMessage, cb: (err: string | null, ok: boolean) => void) => void;

/** The `allowRequest` option for socket.io, and `watch` to tie each slot to its session. */
export function engineDoor(
  config: Config,
  limits: Limits,
): { allowRequest: AllowRequest; watch: (io: Server) => void } {
  const allowRequest: AllowRequest = (req, cb) => {
    const site = requestOrigin((name) => req.headers[name], config);
    if (!originAllowed(req.headers.origin, site, config.allowedOrigins, config.publicUrl)) {
      return cb(REASON_INFO.badOrigin.message, false);
    }
    const address = clientAddress(req, config.trustProxy);
    void limits.connectionsPerAddress.acquire(address).then((ok) => {
      if (!ok) return cb(REASON_INFO.tooMany.message, false);
      const slot: Slot = { address, claimed: false };
      (req as SlotRequest)[SLOT] = slot;
      setTimeout(() => {
        if (!slot.claimed) void limits.connectionsPerAddress.release(address);
      }, UNCLAIMED_MS).unref();
      // A websocket's 101 and engine.io's open packet leave in one write (not long-polling).
      if (req.headers.upgrade) firstWriteTogether(req.socket);
      cb(null, true);
    });
  };
  const watch = (io: Server) => {
    io.engine.on(
      'connection',
      (conn: { request: SlotRequest; once: (e: string, f: () => void) => void }) => {
        const slot = conn.request[SLOT];
        if (!slot || slot.claimed) return;
        slot.claimed = true;
        conn.once('close', () => void limits.connectionsPerAddress.release(slot.address));
      },
    );
  };
  return { allowRequest, watch };
}
