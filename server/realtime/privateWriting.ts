/**
 * Private writing, then reveal (issue 11; I55–I58), as a control module: a facilitator
 * starts it (new cards go to each person's own draft) and reveals every draft at once. The
 * state lives in the facilitation state, changed through `Facilitation.apply`; drafts live
 * in `server/yjs/drafts.ts`. Everyone is sent how many cards wait per group, never text.
 */

import * as Y from 'yjs';
import type { Ack } from '../../lib/protocol/events';
import { noPayloadSchema } from '../../lib/protocol/facilitationEvents';
import type { RevealOutcome, WaitingCounts } from '../../lib/protocol/privateWritingEvents';
import { fail } from '../../lib/protocol/reasons';
import { can } from '../../lib/roles';
import type { Logger } from '../log';
import type { ParticipantRow, Store } from '../store/Store';
import type { Drafts } from '../yjs/drafts';
import type { Room } from '../yjs/room';
import type { Rooms } from '../yjs/rooms';
import type { ControlModule, ControlServer, ControlSocket, Register } from './controlModule';
import type { Facilitation } from './facilitation';
import { roomNames } from './roomNames';
import { WelcomeBatches } from './welcomeBatches';
import { greet } from './welcomeLetter';

/** Counts go out at most this often per workshop while people type. */
const COUNTS_DELAY_MS = 1000;

export class PrivateWriting implements ControlModule {
  /** Workshop → the reveal running now, so a second press or a resume joins it. */
  private readonly reveals = new Map<string, Promise<Ack<RevealOutcome>>>();
  private readonly countTimers = new Map<string, NodeJS.Timeout>();
  /** Sockets arriving together share one count of the drafts (I93). */
  private readonly welcomes = new WelcomeBatches<ControlSocket>(
    (workshopId, sockets) => this.welcomeAll(workshopId, sockets),
    (err) => this.deps.log.error('private writing welcome failed', { err }),
  );

  constructor(
    private readonly deps: {
      io: ControlServer;
      rooms: Rooms;
      drafts: Drafts;
      store: Store;
      log: Logger;
      facilitation: Facilitation;
    },
  ) {}

  attach(on: Register): void {
    const may = (p: ParticipantRow) => can(p.capability, 'session:facilitate');
    on('private:start', noPayloadSchema, async (p) =>
      may(p) ? this.start(p.workshopId) : fail('forbidden'),
    );
    on('private:reveal', noPayloadSchema, async (p) =>
      may(p) ? this.revealNow(p.workshopId) : fail('forbidden'),
    );
  }

  /**
   * Start private writing (new cards go to drafts). The agenda turns it on itself when the
   * room enters a step marked "write privately first", and calls `revealNow` before the
   * room leaves any step while it is on (I83).
   */
  start(workshopId: string): Promise<Ack> {
    return this.deps.facilitation.apply(workshopId, (s, now) => {
      if (s.privateWriting?.revealing) return fail('invalidInput', 'Cards are being shown now.');
      s.privateWriting ??= { since: new Date(now).toISOString(), revealing: false };
      return null;
    });
  }

  /** Store that a reveal has begun, then reveal every draft (I58). */
  async revealNow(workshopId: string): Promise<Ack<RevealOutcome>> {
    const r = await this.deps.facilitation.apply(workshopId, (s) => {
      if (!s.privateWriting) return fail('invalidInput', 'Private writing is not on.');
      s.privateWriting.revealing = true;
      return null;
    });
    return r.ok ? this.reveal(workshopId) : r;
  }

  /** Send the counts; resume a reveal a restart interrupted (I58). */
  welcome(socket: ControlSocket): Promise<void> {
    return this.welcomes.add(socket.data.workshopId, socket);
  }

  private async welcomeAll(workshopId: string, sockets: ControlSocket[]): Promise<void> {
    const counts = await this.counts(workshopId);
    for (const socket of sockets) greet(socket, 'private:counts', counts);
    const s = await this.deps.facilitation.current(workshopId);
    if (s.privateWriting?.revealing) void this.reveal(workshopId);
  }

  /** A draft was stored: publish the counts soon (one message for a burst of typing). */
  draftChanged(workshopId: string): void {
    if (this.countTimers.has(workshopId)) return;
    const t = setTimeout(() => {
      this.countTimers.delete(workshopId);
      void this.publishCounts(workshopId);
    }, COUNTS_DELAY_MS);
    t.unref();
    this.countTimers.set(workshopId, t);
  }

  stop(): void {
    this.welcomes.stop();
    for (const t of this.countTimers.values()) clearTimeout(t);
    this.countTimers.clear();
  }

  /** Reveal every stored draft of a workshop; joins a reveal already running. */
  reveal(workshopId: string): Promise<Ack<RevealOutcome>> {
    const running = this.reveals.get(workshopId);
    if (running) return running;
    const run = this.revealAll(workshopId)
      .catch((err): Ack<RevealOutcome> => {
        this.deps.log.error('reveal failed; it resumes on the next try', {
          workshop: workshopId,
          err,
        });
        return fail('storeFailed');
      })
      .finally(() => this.reveals.delete(workshopId));
    this.reveals.set(workshopId, run);
    return run;
  }

  private async revealAll(workshopId: string): Promise<Ack<RevealOutcome>> {
    const { drafts, rooms, store, facilitation } = this.deps;
    await drafts.close(workshopId, 'privateEnded');
    const room = await rooms.loaded(workshopId);
    const people = new Map((await store.listParticipants(workshopId)).map((p) => [p.id, p]));
    let shown = 0;
    let notShown = 0;
    for (const d of await store.listDrafts(workshopId)) {
      const author = people.get(d.participantId);
      // A removed person's words never went on the board; their draft goes with them.
      if (!author || author.removedAt)
        await store.clearDraft(workshopId, d.participantId, d.lastSeq);
      else if (await this.revealOne(room, author)) shown++;
      else notShown++;
    }
    await facilitation.apply(workshopId, (s) => {
      s.privateWriting =
        notShown > 0 && s.privateWriting ? { ...s.privateWriting, revealing: false } : null;
      return null;
    });
    await this.publishCounts(workshopId);
    return { ok: true, shown, notShown };
  }

  /**
   * One person's draft as ONE update on the board, under their own clientIDs (I57), then
   * cleared up to the rows it read. A restart between the two makes the next reveal's update
   * content the room has, which the inspection strips to nothing (I58).
   */
  private async revealOne(room: Room, author: ParticipantRow): Promise<boolean> {
    const { store, log } = this.deps;
    const rows = await store.loadDraft(room.workshopId, author.id);
    const last = rows.at(-1);
    if (!last) return true;
    const refused = await room.enqueue(() => {
      const scratch = new Y.Doc({ gc: false });
      scratch.transact(() => {
        for (const r of rows) Y.applyUpdate(scratch, r.data, 'load');
      });
      const update = Y.encodeStateAsUpdate(scratch);
      scratch.destroy();
      return room.acceptDraft(author, update);
    });
    if (refused) {
      log.warn('a draft could not be shown', { workshop: room.workshopId, reason: refused });
      return false;
    }
    await store.clearDraft(room.workshopId, author.id, last.seq);
    return true;
  }

  /** Cards waiting per group, from the store (drafts of people without a group count nowhere). */
  private async counts(workshopId: string): Promise<WaitingCounts> {
    const { store } = this.deps;
    const [waiting, rows] = await Promise.all([
      store.listDrafts(workshopId),
      store.listParticipants(workshopId),
    ]);
    const groupOf = new Map(rows.map((p) => [p.id, p.removedAt ? null : p.group]));
    const out: WaitingCounts = { people: 0, system: 0 };
    for (const d of waiting) {
      const g = groupOf.get(d.participantId);
      if (g) out[g] += d.cards;
    }
    return out;
  }

  private async publishCounts(workshopId: string): Promise<void> {
    try {
      const counts = await this.counts(workshopId);
      this.deps.io.to(roomNames.workshop(workshopId)).emit('private:counts', counts);
    } catch (err) {
      this.deps.log.error('private counts failed', { workshop: workshopId, err });
    }
  }
}
