'use client';
/**
 * Opens the board's Y.Doc over the Yjs WebSocket (`/yjs/<workshopId>`), keeps the roster
 * the server sends, and tracks whether this browser's own edits are saved on the server.
 * The only place in the UI that opens the Yjs socket.
 */
import { useEffect, useMemo, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { Roster } from '../../lib/attribution/roster';
import { attachPurpleHandlers } from '../../lib/protocol/purpleHandlers';
import { REASON_INFO, type Reason } from '../../lib/protocol/reasons';
import { SavedStore } from './SavedStore';

/** Connection state of the board document. */
export type BoardStatus = 'connecting' | 'connected' | 'disconnected' | 'closed';

/**
 * What `useBoardDoc` returns. `rosterVersion` changes whenever the roster grows; the saved
 * flag lives in `saved`, a store, so a keystroke does not re-render the board.
 */
export interface BoardDoc {
  doc: Y.Doc;
  roster: Roster;
  rosterVersion: number;
  status: BoardStatus;
  /** True once the server's stored board has arrived. */
  synced: boolean;
  /** Whether every edit made in this browser is stored on the server (read it in a leaf). */
  saved: SavedStore;
  /** Set when the server closed the connection for good, in plain words. */
  closedMessage: string | null;
}

function closeMessage(code: number, reason: string): string {
  const match = Object.entries(REASON_INFO).find(([, info]) => info.close === code);
  return reason || (match ? REASON_INFO[match[0] as Reason].message : 'The connection was closed.');
}

/** The Yjs endpoint for this page's host. */
function yjsUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/yjs`;
}

/** Connect to a workshop's board document for as long as the component is mounted. */
export function useBoardDoc(workshopId: string): BoardDoc {
  const doc = useMemo(() => new Y.Doc(), []);
  const roster = useMemo(() => new Roster(), []);
  const [rosterVersion, setRosterVersion] = useState(0);
  const [status, setStatus] = useState<BoardStatus>('connecting');
  const [synced, setSynced] = useState(false);
  const saved = useMemo(() => new SavedStore(), []);
  const [closedMessage, setClosedMessage] = useState<string | null>(null);

  useEffect(() => {
    let ackedClock = 0;
    const provider = new WebsocketProvider(yjsUrl(), workshopId, doc, { disableBc: true });
    // Presence is server-authoritative over socket.io; no awareness traffic on this channel.
    provider.awareness.setLocalState(null);
    attachPurpleHandlers(
      provider,
      roster,
      () => setRosterVersion((v) => v + 1),
      (clocks) => {
        for (const [clientId, clock] of clocks) {
          if (clientId === doc.clientID) ackedClock = Math.max(ackedClock, clock);
        }
        saved.set(Y.getState(doc.store, doc.clientID) <= ackedClock);
      },
    );
    const onUpdate = (_u: Uint8Array, origin: unknown) => {
      if (origin !== provider) saved.set(Y.getState(doc.store, doc.clientID) <= ackedClock);
    };
    doc.on('update', onUpdate);
    // The browser knows first when the network goes: say so at once, and stop pretending
    // to be connected until it is back (y-websocket's own watchdog waits 30 s).
    const onOffline = () => {
      provider.disconnect();
      setStatus('disconnected');
    };
    const onOnline = () => provider.connect();
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    provider.on('status', ({ status: s }) => setStatus(s));
    provider.on('sync', (s: boolean) => setSynced(s));
    provider.on('closed', ({ code, reason }) => {
      setStatus('closed');
      setClosedMessage(closeMessage(code, reason));
    });
    return () => {
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      doc.off('update', onUpdate);
      provider.destroy();
    };
  }, [doc, roster, saved, workshopId]);

  useEffect(() => () => doc.destroy(), [doc]);

  return { doc, roster, rosterVersion, status, synced, saved, closedMessage };
}
