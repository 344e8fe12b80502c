/**
 * One person's private draft in memory (issue 11, I55–I56): a Y.Doc with the board's
 * schema that only its author's own connections ever see. Every message runs on one serial
 * queue: inspect (the board's rules and the draft's) → store → acknowledge → echo to the
 * author's other draft connections. Nothing here writes to any other socket.
 */
import * as Y from 'yjs';
import { REASON_INFO, type Reason } from '../../lib/protocol/reasons';
import { encodeJsonMessage, MESSAGE_SAVED } from '../../lib/protocol/yjsMessages';
import { can } from '../../lib/roles';
import type { Logger } from '../log';
import type { Store } from '../store/Store';
import { countStructs } from './countStructs';
import { DRAFT_LIMITS, draftProblem } from './draftRules';
import { inspectUpdate } from './inspectUpdate';
import type { Room, RoomConn } from './room';
import { routeSync, step1Message, step2Message, updateMessage } from './syncMessage';

/** What a draft room needs from its registry. */
export interface DraftHost {
  store: Store;
  log: Logger;
  /** The loaded board of the workshop (for clientIDs, card ids, locks, the step and card limits). */
  board(): Promise<Room>;
  /** True while private writing is on and not being revealed. */
  open(): Promise<boolean>;
  /** A draft update was stored (counts per group change). */
  changed(): void;
}

export class DraftRoom {
  /** `gc: false`, like the board: revealed deletions keep their items for card history. */
  readonly doc = new Y.Doc({ gc: false });
  readonly conns = new Set<RoomConn>();
  private readonly clients = new Set<number>();
  private cards = 0;
  private chars = 0;
  private tail: Promise<unknown> = Promise.resolve();
  lastActive = Date.now();
  readonly ready: Promise<void>;

  constructor(
    readonly workshopId: string,
    readonly participantId: string,
    private readonly host: DraftHost,
  ) {
    this.ready = this.enqueue(() => this.load());
  }

  /** Run `task` after every earlier task of this draft; errors do not break the chain. */
  enqueue<T>(task: () => Promise<T> | T): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<void> {
    const rows = await this.host.store.loadDraft(this.workshopId, this.participantId);
    this.doc.transact(() => {
      for (const r of rows) Y.applyUpdate(this.doc, r.data, 'load');
    }, 'load');
    for (const client of this.doc.store.clients.keys()) this.clients.add(client);
    // Every stored card counts; chars are counted from the doc's own items.
    this.cards = this.doc.getMap('cards').size;
    for (const list of this.doc.store.clients.values())
      for (const s of list)
        if (s instanceof Y.Item && s.content instanceof Y.ContentString) this.chars += s.length;
  }

  /** Admit the author's connection: their stored draft follows their sync step 1. */
  join(conn: RoomConn): Promise<void> {
    this.conns.add(conn);
    this.lastActive = Date.now();
    return this.enqueue(() => {
      if (this.conns.has(conn)) conn.send(step1Message(this.doc));
    });
  }

  leave(conn: RoomConn): void {
    this.conns.delete(conn);
    this.lastActive = Date.now();
  }

  handleMessage(conn: RoomConn, data: Uint8Array): Promise<void> {
    return this.enqueue(() => this.process(conn, data));
  }

  /** Close every connection (private writing ended, or the person lost access). */
  closeAll(reason: Reason): void {
    for (const c of [...this.conns]) this.refuse(c, reason, 'draft closed');
  }

  private async process(conn: RoomConn, data: Uint8Array): Promise<void> {
    if (!this.conns.has(conn)) return;
    this.lastActive = Date.now();
    return routeSync(data, {
      step1: (sv) => conn.send(step2Message(this.doc, sv)),
      step2: (u) => this.accept(conn, u, 'step2'),
      update: (u) => this.accept(conn, u, 'update'),
    });
  }

  /** Inspect, check the draft's rules, store, then apply, acknowledge and echo (I56). */
  private async accept(conn: RoomConn, raw: Uint8Array, mode: 'update' | 'step2'): Promise<void> {
    const p = conn.participant;
    const board = await this.host.board();
    const verdict = inspectUpdate(raw, {
      doc: this.doc,
      bindings: new Map([...this.clients].map((c) => [c, this.participantId])),
      participantId: this.participantId,
      mayWrite: can(p.capability, 'board:write') && p.removedAt === null,
      mode,
      // The same locks and step check as the board (I52, I84): a draft is no way around them.
      locks: board.mayBypassLocks(p) ? undefined : board.locks,
      step: board.mayBypassLocks(p) ? undefined : board.step,
    });
    if (!verdict.ok) return this.refuse(conn, verdict.reason, verdict.detail);
    if (verdict.update === null) return;
    if (!(await this.host.open())) return this.refuse(conn, 'privateEnded', 'drafts closed');
    const structs = countStructs(verdict.update, DRAFT_LIMITS.structs) ?? DRAFT_LIMITS.structs;
    const totals = { cards: this.cards, chars: this.chars, clients: this.clients, doc: this.doc };
    const problem = draftProblem(verdict, structs, totals, board.doc, board.bindings);
    if (problem) return this.refuse(conn, problem.reason, problem.detail);
    const limited = await board.admitCards(p.id, verdict.createdCards.length);
    if (limited) return this.refuse(conn, limited, 'card limit');
    try {
      await this.host.store.appendDraftUpdate({
        workshopId: this.workshopId,
        participantId: this.participantId,
        data: verdict.update,
        cards: verdict.createdCards.length,
        at: new Date().toISOString(),
      });
    } catch (err) {
      this.host.log.error('draft write failed; nothing applied', {
        workshop: this.workshopId,
        err,
      });
      return this.refuse(conn, 'storeFailed', 'store write failed');
    }
    for (const c of verdict.newBindings) this.clients.add(c);
    this.cards += verdict.createdCards.length;
    for (const a of verdict.attributions.values()) this.chars += a.inserted;
    this.echo(verdict.update, conn);
    Y.applyUpdate(this.doc, verdict.update, conn);
    conn.send(encodeJsonMessage(MESSAGE_SAVED, { clocks: [...verdict.clocks] }));
    this.host.changed();
  }

  /** Send an update to the author's other draft connections (their other tabs), never anyone else. */
  private echo(update: Uint8Array, except: RoomConn): void {
    const message = updateMessage(update);
    for (const c of this.conns)
      if (c !== except && c.participant.id === this.participantId) c.send(message);
  }

  private refuse(conn: RoomConn, reason: Reason, detail: string): void {
    this.host.log.warn('closing a draft connection', { workshop: this.workshopId, reason, detail });
    this.conns.delete(conn);
    conn.close(REASON_INFO[reason].close, REASON_INFO[reason].message.slice(0, 120));
  }
}
