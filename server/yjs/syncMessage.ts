/**
 * Reading and writing the y-protocols messages both kinds of Yjs room speak: the board's
 * room and a person's private draft (issue 11). Reading routes one frame to its handler;
 * a frame that cannot be read throws `BadMessage`, which closes only its connection.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { MESSAGE_AWARENESS, MESSAGE_KEEPALIVE, MESSAGE_SYNC } from '../../lib/protocol/yjsMessages';

/** A message the room cannot read; the connection that sent it is closed. */
export class BadMessage extends Error {}

/** What a room does with each kind of sync message. */
export interface SyncHandlers {
  step1(stateVector: Uint8Array): Promise<void> | void;
  step2(update: Uint8Array): Promise<void> | void;
  update(update: Uint8Array): Promise<void> | void;
}

/** Read one frame and hand it to its handler; awareness is ignored (presence is on socket.io). */
export function routeSync(data: Uint8Array, on: SyncHandlers): Promise<void> | void {
  let type: number;
  let syncType = -1;
  let payload: Uint8Array | null = null;
  try {
    const decoder = decoding.createDecoder(data);
    type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      syncType = decoding.readVarUint(decoder);
      payload = decoding.readVarUint8Array(decoder);
    }
  } catch {
    throw new BadMessage('unreadable frame');
  }
  if (type === MESSAGE_AWARENESS) return;
  if (type !== MESSAGE_SYNC || payload === null)
    throw new BadMessage(`unknown message type ${type}`);
  if (syncType === syncProtocol.messageYjsSyncStep1) return on.step1(payload);
  if (syncType === syncProtocol.messageYjsSyncStep2) return on.step2(payload);
  if (syncType === syncProtocol.messageYjsUpdate) return on.update(payload);
  throw new BadMessage(`unknown sync message ${syncType}`);
}

/** Sync step 1: the doc's state vector. */
export function step1Message(doc: Y.Doc): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(enc, doc);
  return encoding.toUint8Array(enc);
}

/** Sync step 2: what `doc` has beyond `stateVector`; a state vector that cannot be read is a BadMessage. */
export function step2Message(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_SYNC);
  try {
    syncProtocol.writeSyncStep2(enc, doc, stateVector);
  } catch {
    throw new BadMessage('unreadable state vector');
  }
  return encoding.toUint8Array(enc);
}

/** One update, framed as a sync update message. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_SYNC);
  syncProtocol.writeUpdate(enc, update);
  return encoding.toUint8Array(enc);
}

/** The keep-alive every Yjs connection gets inside the client's 30 s watchdog. */
export function keepAliveMessage(): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_KEEPALIVE);
  encoding.writeVarString(enc, '');
  return encoding.toUint8Array(enc);
}
