'use client';
/**
 * A person's private draft while private writing is on (issue 11): a fresh Y.Doc (never
 * the board doc's clientID) synced over `/yjs/<workshopId>/draft/<participantId>`, which
 * only this person can open. When private writing ends, whatever of the draft the board
 * still lacks (keystrokes in flight at the reveal) is applied to the board as this
 * person's own edit, then the draft is dropped; leaving the page drops it without that.
 */
import { useEffect, useRef, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { Roster } from '../../lib/attribution/roster';
import { attachPurpleHandlers } from '../../lib/protocol/purpleHandlers';
import { REASON_INFO } from '../../lib/protocol/reasons';
import { LOCAL_ORIGIN } from './localOrigin';

/** Where private writing is: off, on (drafts take cards), or being revealed. */
export type DraftMode = 'off' | 'drafting' | 'revealing';

/** What `useDraftDoc` returns. */
export interface DraftDoc {
  /** The draft, while private writing is on; null otherwise. */
  doc: Y.Doc | null;
  /** Set when the server closed the draft for a reason the person should hear. */
  closedMessage: string | null;
}

/** A new doc whose clientID differs from the board doc's, so their clocks never collide. */
function freshDraft(board: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  while (doc.clientID === board.clientID || doc.clientID === 0) {
    doc.clientID = globalThis.crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
  }
  return doc;
}

/** The private draft for as long as private writing is on. */
export function useDraftDoc(
  workshopId: string,
  participantId: string,
  mode: DraftMode,
  board: Y.Doc,
): DraftDoc {
  const [doc, setDoc] = useState<Y.Doc | null>(null);
  const [closedMessage, setClosedMessage] = useState<string | null>(null);
  const modeRef = useRef(mode);
  modeRef.current = mode;
  const on = mode !== 'off';

  useEffect(() => {
    if (!on) return;
    const draft = freshDraft(board);
    setDoc(draft);
    return () => {
      setDoc(null);
      if (modeRef.current === 'off') {
        const rest = Y.encodeStateAsUpdate(draft, Y.encodeStateVector(board));
        if (Y.decodeUpdate(rest).structs.length > 0) Y.applyUpdate(board, rest, LOCAL_ORIGIN);
      }
      draft.destroy();
    };
  }, [on, board]);

  const drafting = mode === 'drafting';
  useEffect(() => {
    if (!doc || !drafting) return;
    setClosedMessage(null);
    const { protocol, host } = window.location;
    const url = `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/yjs`;
    const provider = new WebsocketProvider(url, `${workshopId}/draft/${participantId}`, doc, {
      disableBc: true,
    });
    provider.awareness.setLocalState(null);
    attachPurpleHandlers(
      provider,
      new Roster(),
      () => undefined,
      () => undefined,
    );
    provider.on('closed', ({ code, reason }) => {
      // Private writing ended: the board shows the cards now; nothing to say here.
      if (code !== REASON_INFO.privateEnded.close)
        setClosedMessage(reason || 'Your private cards could not be saved.');
    });
    return () => provider.destroy();
  }, [doc, drafting, workshopId, participantId]);

  return { doc, closedMessage };
}
