/**
 * Decision and indicator records on the control channel (issue 9): outcomes with their
 * required rationale, actions and their status, indicator readings and "not possible"
 * closures of priorities, as one control module. Every request is permission-checked
 * through `can()`, run one at a time per workshop, checked against the room's live board,
 * stored (one transaction each) and only then broadcast as `records:update` (I72–I74).
 */

import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { RecordKind } from '../../lib/board/schema';
import type { Ack } from '../../lib/protocol/events';
import { fail } from '../../lib/protocol/reasons';
import {
  type ActionView,
  actionAddSchema,
  actionStatusSchema,
  type OutcomeView,
  outcomeSaveSchema,
  priorityCloseSchema,
  RECORD_LIMITS,
  type ReadingView,
  readingAddSchema,
  readingRemoveSchema,
} from '../../lib/protocol/recordEvents';
import { againstLived, rationaleEnough } from '../../lib/records/againstLived';
import { type Action, can } from '../../lib/roles';
import { groupSizes, identifiableNow } from '../../lib/visibility/policy';
import type { Logger } from '../log';
import type { ParticipantRow, Store } from '../store/Store';
import type { Rooms } from '../yjs/rooms';
import type { ControlModule, ControlServer, ControlSocket, Register } from './controlModule';
import { type RecordFacts, readRecordFacts } from './recordFacts';
import {
  actionView,
  outcomeView,
  type RecordSources,
  readingView,
  recordSources,
  recordsViewFor,
} from './recordsView';
import { roomNames } from './roomNames';
import { roundResults } from './roundResults';
import { WelcomeBatches } from './welcomeBatches';
import { greet } from './welcomeLetter';

/** What the module needs from the rest of the server. */
export interface RecordsDeps {
  io: ControlServer;
  rooms: Rooms;
  store: Store;
  log: Logger;
}

/** Plain words for each record a request needs, when it is missing or of another kind. */
const NOT_FOUND: Record<RecordKind | 'priority', string> = {
  card: 'That card no longer exists.',
  decision: 'That decision no longer exists.',
  indicator: 'That quality indicator no longer exists.',
  priority: 'That priority no longer exists.',
};
const WRONG_KIND: Record<RecordKind | 'priority', string> = {
  card: 'That is not a card.',
  decision: 'Only a decision can have an outcome and actions.',
  indicator: 'Only a quality indicator can have readings.',
  priority: 'Only a card in Joint priorities can be closed as not possible.',
};

type Found = { ok: true; facts: RecordFacts } | ReturnType<typeof fail>;

export class Records implements ControlModule {
  private readonly tails = new Map<string, Promise<unknown>>();
  /** Sockets arriving together share one read of the records (I93). */
  private readonly welcomes = new WelcomeBatches<ControlSocket>(
    (workshopId, sockets) => this.welcomeAll(workshopId, sockets),
    (err) => this.deps.log.error('records welcome failed', { err }),
  );

  constructor(private readonly deps: RecordsDeps) {}

  attach(on: Register): void {
    const decide = 'record:decide';
    on('outcome:save', outcomeSaveSchema, (p, d) =>
      this.change(p, decide, () => this.outcome(p, d)),
    );
    on('action:add', actionAddSchema, (p, d) => this.change(p, decide, () => this.addAction(p, d)));
    on('action:status', actionStatusSchema, (p, d) =>
      this.change(p, decide, () => this.actionStatus(p, d)),
    );
    on('reading:add', readingAddSchema, (p, d) =>
      this.change(p, 'reading:add', () => this.addReading(p, d)),
    );
    on('reading:remove', readingRemoveSchema, (p, d) =>
      this.change(p, 'reading:add', () => this.removeReading(p, d.readingId)),
    );
    on('priority:close', priorityCloseSchema, (p, d) =>
      this.change(p, decide, () => this.closePriority(p, d)),
    );
  }

  // ── The requests (each runs inside `change`) ─────────────────────────────────

  /** Save an outcome; against lived experience it needs the decision's "Why" (I75). */
  private async outcome(
    p: ParticipantRow,
    d: z.infer<typeof outcomeSaveSchema>,
  ): Promise<Ack<{ outcome: OutcomeView }>> {
    const found = await this.live(p.workshopId, d.decisionId, 'decision');
    if (!found.ok) return found;
    const { rationale, links } = found.facts;
    const verdict = againstLived({
      outcome: d.outcome,
      livedDisagreed: d.livedDisagreed,
      answers: links,
      closedResults: await this.closedResults(p.workshopId),
    });
    if (verdict.against && !rationaleEnough(rationale, RECORD_LIMITS.minRationaleChars))
      return fail('rationaleRequired');
    const row = {
      workshopId: p.workshopId,
      decisionId: d.decisionId,
      outcome: d.outcome,
      rationale,
      againstLived: verdict.against,
      againstBecause: verdict.because,
      livedDisagreed: d.livedDisagreed,
      savedBy: p.id,
      savedAt: new Date().toISOString(),
    };
    await this.deps.store.saveOutcome(row);
    return { ok: true, outcome: outcomeView(row) };
  }

  private async addAction(
    p: ParticipantRow,
    d: z.infer<typeof actionAddSchema>,
  ): Promise<Ack<{ action: ActionView }>> {
    const found = await this.live(p.workshopId, d.decisionId, 'decision');
    if (!found.ok) return found;
    const now = new Date().toISOString();
    const row = {
      ...d,
      id: randomUUID(),
      workshopId: p.workshopId,
      status: 'notStarted' as const,
      reason: '',
      createdBy: p.id,
      createdAt: now,
      updatedAt: now,
    };
    const max = RECORD_LIMITS.actionsPerDecision;
    if ((await this.deps.store.addAction(row, max)) === 'full')
      return fail('recordLimit', `A decision can have at most ${max} actions.`);
    return { ok: true, action: actionView(row) };
  }

  /** Change an action's status; the reason is kept only when it is dropped. */
  private async actionStatus(
    p: ParticipantRow,
    d: z.infer<typeof actionStatusSchema>,
  ): Promise<Ack<{ action: ActionView }>> {
    const { store } = this.deps;
    const gone = fail('invalidInput', 'That action no longer exists.');
    const action = (await store.loadRecords(p.workshopId)).actions.find((a) => a.id === d.actionId);
    if (!action) return gone;
    const found = await this.live(p.workshopId, action.decisionId, 'decision');
    if (!found.ok) return found;
    const reason = d.status === 'dropped' ? d.reason : '';
    const change = { status: d.status, reason, updatedAt: new Date().toISOString() };
    const row = await store.updateAction(p.workshopId, d.actionId, change);
    return row ? { ok: true, action: actionView(row) } : gone;
  }

  private async addReading(
    p: ParticipantRow,
    d: z.infer<typeof readingAddSchema>,
  ): Promise<Ack<{ reading: ReadingView }>> {
    const found = await this.live(p.workshopId, d.indicatorId, 'indicator');
    if (!found.ok) return found;
    const people = await this.deps.store.listParticipants(p.workshopId);
    const sizes = groupSizes(people);
    const row = {
      ...d,
      id: randomUUID(),
      workshopId: p.workshopId,
      addedBy: p.id,
      identifiable: identifiableNow(p, sizes),
      addedAt: new Date().toISOString(),
    };
    const max = RECORD_LIMITS.readingsPerIndicator;
    if ((await this.deps.store.addReading(row, max)) === 'full')
      return fail('recordLimit', `A quality indicator can have at most ${max} readings.`);
    const byId = new Map(people.map((x) => [x.id, x]));
    return { ok: true, reading: readingView(row, p, byId, sizes) };
  }

  /** Facilitators remove any reading; others only a reading they added themselves. */
  private async removeReading(p: ParticipantRow, readingId: string): Promise<Ack> {
    const { store } = this.deps;
    const reading = (await store.loadRecords(p.workshopId)).readings.find(
      (r) => r.id === readingId,
    );
    if (!reading) return fail('invalidInput', 'That reading no longer exists.');
    if (!can(p.capability, 'record:decide') && reading.addedBy !== p.id) return fail('forbidden');
    await store.removeReading(p.workshopId, readingId);
    return { ok: true };
  }

  private async closePriority(
    p: ParticipantRow,
    d: z.infer<typeof priorityCloseSchema>,
  ): Promise<Ack> {
    const found = await this.live(p.workshopId, d.cardId, 'priority');
    if (!found.ok) return found;
    const closedAt = new Date().toISOString();
    const row = d.closed
      ? { workshopId: p.workshopId, cardId: d.cardId, reason: d.reason, closedBy: p.id, closedAt }
      : null;
    await this.deps.store.setClosure(p.workshopId, d.cardId, row);
    return { ok: true };
  }

  /** Send a new socket the records as its person may see them. */
  welcome(socket: ControlSocket): Promise<void> {
    return this.welcomes.add(socket.data.workshopId, socket);
  }

  /** The records as each of these sockets may see them, from one read after they all arrived. */
  private welcomeAll(workshopId: string, sockets: ControlSocket[]): Promise<void> {
    return this.serial(workshopId, async () => {
      const sources = await this.sources(workshopId);
      for (const s of sockets)
        greet(s, 'records:update', recordsViewFor(sources, s.data.participant));
    });
  }

  /** A board record was deleted or restored: its facts leave or rejoin the view (I76). */
  recordChanged(workshopId: string): void {
    void this.serial(workshopId, () => this.publish(workshopId)).catch((err) =>
      this.deps.log.error('records update failed', { err }),
    );
  }

  stop(): void {
    this.welcomes.stop();
    this.tails.clear();
  }

  // ── Checks, one-at-a-time changes, publishing ─────────────────────────────────

  /** Check `action`, run `fn` after every earlier change of the workshop, then publish. */
  private change(p: ParticipantRow, action: Action, fn: () => Promise<Ack>): Promise<Ack> {
    if (!can(p.capability, action)) return Promise.resolve(fail('forbidden'));
    return this.serial(p.workshopId, async () => {
      const r = await fn();
      if (r.ok) await this.publish(p.workshopId);
      return r;
    });
  }

  /** The record `id` when it is live and of the kind wanted (a priority: in Joint priorities). */
  private async live(
    workshopId: string,
    id: string,
    want: RecordKind | 'priority',
  ): Promise<Found> {
    const room = await this.deps.rooms.loaded(workshopId);
    const facts = readRecordFacts(room.doc, id);
    if (!facts || facts.deleted) return fail('unknownCard', NOT_FOUND[want]);
    const fits = want === 'priority' ? facts.section === 'priorities' : facts.kind === want;
    return fits ? { ok: true, facts } : fail('wrongRecord', WRONG_KIND[want]);
  }

  /** Results of the workshop's closed rounds (the votes an outcome may go against). */
  private async closedResults(workshopId: string) {
    const { store } = this.deps;
    const rounds = (await store.listRounds(workshopId)).filter((r) => r.closedAt !== null);
    return Promise.all(rounds.map((r) => roundResults(store, r)));
  }

  /** The stored records, the people, and which board records are live now. */
  private async sources(workshopId: string): Promise<RecordSources> {
    const room = await this.deps.rooms.loaded(workshopId);
    return recordSources(this.deps.store, room);
  }

  /** Send everyone in the workshop the records as each may see them. */
  private async publish(workshopId: string): Promise<void> {
    const sockets = await this.deps.io.in(roomNames.workshop(workshopId)).fetchSockets();
    if (sockets.length === 0) return;
    const sources = await this.sources(workshopId);
    for (const s of sockets) s.emit('records:update', recordsViewFor(sources, s.data.participant));
  }

  /** Run `task` after every earlier task of this workshop. */
  private serial<T>(workshopId: string, task: () => Promise<T>): Promise<T> {
    const run = (this.tails.get(workshopId) ?? Promise.resolve()).then(task);
    const tail = run.catch(() => undefined);
    this.tails.set(workshopId, tail);
    void tail.then(() => {
      if (this.tails.get(workshopId) === tail) this.tails.delete(workshopId);
    });
    return run;
  }
}
