'use client';
/**
 * The client side of decision and indicator records (issue 9): the `records:update` stream
 * (outcomes, actions, readings, closures as the server stored them, sent on join and after
 * every change) and the requests, each answered by the server's acknowledgement. The
 * listener attaches to the control socket through `useWorkshop`'s module seam (combine it
 * with others with `joinAttach`); requests go through `useWorkshop`'s `call`.
 */
import { useCallback, useMemo, useState } from 'react';
import type { Ack } from '../../lib/protocol/events';
import type {
  ActionView,
  OutcomeView,
  ReadingView,
  RecordClientEvents,
  RecordsView,
} from '../../lib/protocol/recordEvents';
import type { AttachModule, CallEvent } from '../workshop/useWorkshop';

type Payload<E extends keyof RecordClientEvents> = Parameters<RecordClientEvents[E]>[0];

/** The record requests; each resolves with the server's answer (offline: a failure). */
export interface RecordRequests {
  /** Save or change a decision's outcome; refused with `rationaleRequired` when it must say why. */
  saveOutcome(p: Payload<'outcome:save'>): Promise<Ack<{ outcome: OutcomeView }>>;
  addAction(p: Payload<'action:add'>): Promise<Ack<{ action: ActionView }>>;
  /** Change an action's status; dropping one needs a reason. */
  setActionStatus(p: Payload<'action:status'>): Promise<Ack<{ action: ActionView }>>;
  addReading(p: Payload<'reading:add'>): Promise<Ack<{ reading: ReadingView }>>;
  removeReading(readingId: string): Promise<Ack>;
  /** Close a Joint priorities card as "Not possible, because …" (closed false reopens it). */
  closePriority(p: Payload<'priority:close'>): Promise<Ack>;
}

/** What `useRecords` returns. */
export interface RecordsClient {
  /** The latest records state from the server; null until the welcome arrives. */
  view: RecordsView | null;
  /** Pass to `useWorkshop` (alone or through `joinAttach`) so no welcome is missed. */
  attach: AttachModule;
  /** The requests, sent through `useWorkshop`'s `call`. */
  requests(call: CallEvent): RecordRequests;
}

/** Hold the records state the server sends, and wrap its requests. */
export function useRecords(): RecordsClient {
  const [view, setView] = useState<RecordsView | null>(null);
  const attach = useCallback<AttachModule>((socket) => {
    socket.on('records:update', setView);
    return () => {
      socket.off('records:update');
    };
  }, []);
  return useMemo(() => ({ view, attach, requests: recordRequests }), [view, attach]);
}

/** The record requests over one `call`. */
export function recordRequests(call: CallEvent): RecordRequests {
  return {
    saveOutcome: (p) => call('outcome:save', p),
    addAction: (p) => call('action:add', p),
    setActionStatus: (p) => call('action:status', p),
    addReading: (p) => call('reading:add', p),
    removeReading: (readingId) => call('reading:remove', { readingId }),
    closePriority: (p) => call('priority:close', p),
  };
}
