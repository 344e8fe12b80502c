/**
 * Client side of Purple's own messages on the Yjs channel: registers handlers for the
 * roster, saved acknowledgements and keep-alives on a y-websocket provider. Shared by the
 * browser hook and by the integration tests' clients, so both speak the protocol alike.
 */
import * as decoding from 'lib0/decoding';
import type { Roster } from '../attribution/roster';
import {
  MESSAGE_KEEPALIVE,
  MESSAGE_ROSTER,
  MESSAGE_SAVED,
  readJsonPayload,
  rosterMessageSchema,
  savedMessageSchema,
} from './yjsMessages';

type Handler = (encoder: unknown, decoder: decoding.Decoder, ...rest: unknown[]) => void;

/** The part of a WebsocketProvider this needs. */
export interface ProviderLike {
  messageHandlers: unknown[];
}

/** Register Purple's handlers; `onRoster` runs when the roster grew, `onSaved` with acked clocks. */
export function attachPurpleHandlers(
  provider: ProviderLike,
  roster: Roster,
  onRoster: () => void,
  onSaved: (clocks: [number, number][]) => void,
): void {
  const handlers = provider.messageHandlers as Handler[];
  handlers[MESSAGE_ROSTER] = (_e, decoder) => {
    const parsed = rosterMessageSchema.safeParse(readJsonPayload(decoder));
    if (parsed.success && roster.add(parsed.data.entries)) onRoster();
  };
  handlers[MESSAGE_SAVED] = (_e, decoder) => {
    const parsed = savedMessageSchema.safeParse(readJsonPayload(decoder));
    if (parsed.success) onSaved(parsed.data.clocks);
  };
  handlers[MESSAGE_KEEPALIVE] = (_e, decoder) => {
    decoding.readVarString(decoder);
  };
}
