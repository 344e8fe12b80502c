/**
 * Message types on the Yjs WebSocket channel. 0 (sync) and 1 (awareness) are
 * y-protocols'; Purple adds its own above 100 so the y-websocket client ignores none of
 * them by accident. All Purple messages carry one JSON string after the type.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { z } from 'zod';
import { GROUPS } from '../roles';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
/** Server → client: clientID bindings; sent before any update that uses them. */
export const MESSAGE_ROSTER = 101;
/** Server → client: for each of your clientIDs, the clock the server has stored up to. */
export const MESSAGE_SAVED = 102;

/** One roster entry: a Yjs clientID, its author's group, and a name unless anonymous. */
export const rosterEntrySchema = z.object({
  clientId: z.number().int().nonnegative(),
  group: z.enum(GROUPS),
  /** Opaque key shared by one participant's clientIDs; absent when the author must stay unidentifiable. */
  author: z.string().optional(),
  name: z.string().optional(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

export const rosterMessageSchema = z.object({ entries: z.array(rosterEntrySchema) });
export const savedMessageSchema = z.object({
  clocks: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])),
});

/** Encode a Purple JSON message of `type`. */
export function encodeJsonMessage(type: number, payload: unknown): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, type);
  encoding.writeVarString(enc, JSON.stringify(payload));
  return encoding.toUint8Array(enc);
}

/** Read the JSON payload that follows the type in a Purple message. */
export function readJsonPayload(decoder: decoding.Decoder): unknown {
  return JSON.parse(decoding.readVarString(decoder));
}

/** Server → client: keep-alive, so the y-websocket client's 30 s silence watchdog never fires. */
export const MESSAGE_KEEPALIVE = 103;
