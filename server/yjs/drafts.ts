/**
 * The registry of private drafts in memory (issue 11): one `DraftRoom` per person, loaded
 * on first use and dropped when idle; whether each workshop's drafts take writes; and the
 * keep-alive every draft connection needs, as the board's rooms send it.
 */
import { draftsOpen } from '../../lib/facilitation/state';
import type { Reason } from '../../lib/protocol/reasons';
import type { Logger } from '../log';
import type { Store } from '../store/Store';
import { DraftRoom } from './draftRoom';
import type { Rooms } from './rooms';
import { keepAliveMessage } from './syncMessage';

const KEEPALIVE_MS = 10_000;

export class Drafts {
  private readonly drafts = new Map<string, DraftRoom>();
  /** Workshop → drafts take writes; unknown workshops are read from the stored state. */
  private readonly opened = new Map<string, boolean>();
  private readonly timer: NodeJS.Timeout;
  private readonly keepalive: Uint8Array;

  constructor(
    private readonly deps: {
      store: Store;
      log: Logger;
      rooms: Rooms;
      idleMs: number;
      /** A draft of this workshop was stored (counts per group change). */
      changed(workshopId: string): void;
    },
  ) {
    this.keepalive = keepAliveMessage();
    this.timer = setInterval(() => this.tick(), KEEPALIVE_MS);
    this.timer.unref();
  }

  /** A person's draft, loading it if needed. */
  get(workshopId: string, participantId: string): DraftRoom {
    const key = `${workshopId}/${participantId}`;
    let draft = this.drafts.get(key);
    if (!draft) {
      const { rooms, store, log } = this.deps;
      draft = new DraftRoom(workshopId, participantId, {
        store,
        log,
        board: () => rooms.loaded(workshopId),
        open: () => this.isOpen(workshopId),
        changed: () => this.deps.changed(workshopId),
      });
      this.drafts.set(key, draft);
      draft.ready.catch((err) => {
        log.error('could not load a draft', { workshop: workshopId, err });
        this.drafts.delete(key);
      });
    }
    return draft;
  }

  /** Whether a workshop's drafts take writes now. */
  async isOpen(workshopId: string): Promise<boolean> {
    const known = this.opened.get(workshopId);
    if (known !== undefined) return known;
    const s = await this.deps.store.loadFacilitation(workshopId);
    const open = s !== null && draftsOpen(s);
    this.opened.set(workshopId, open);
    return open;
  }

  /** Set by facilitation after each stored change of its state. */
  setOpen(workshopId: string, open: boolean): void {
    this.opened.set(workshopId, open);
  }

  /**
   * Stop a workshop's drafts taking writes: wait until every write already queued is stored,
   * then close their connections with `reason` and forget them (the store keeps the drafts).
   */
  async close(workshopId: string, reason: Reason): Promise<void> {
    this.opened.set(workshopId, false);
    const mine = [...this.drafts].filter(([, d]) => d.workshopId === workshopId);
    for (const [key, d] of mine) {
      await d.enqueue(() => d.closeAll(reason));
      this.drafts.delete(key);
      d.doc.destroy();
    }
  }

  /** Close one person's draft connections (removed, link revoked). */
  closeParticipant(workshopId: string, participantId: string, reason: Reason): void {
    this.drafts.get(`${workshopId}/${participantId}`)?.closeAll(reason);
  }

  private tick(): void {
    const now = Date.now();
    for (const [key, d] of this.drafts) {
      for (const c of d.conns) c.send(this.keepalive);
      if (d.conns.size === 0 && now - d.lastActive > this.deps.idleMs) {
        this.drafts.delete(key);
        d.doc.destroy();
      }
    }
  }

  /** Stop the keep-alive and close every draft connection with a transient code. */
  stop(): void {
    clearInterval(this.timer);
    for (const d of this.drafts.values())
      for (const c of d.conns) c.close(4503, 'Purple is restarting');
    this.drafts.clear();
  }
}
