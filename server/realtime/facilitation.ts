/**
 * Live facilitation on the control channel (issue 11): timer, focus, locks, hands,
 * balance, attendance, co-facilitators and the agenda, as one control module. Every
 * action is permission-checked through `can()`, run one at a time per workshop, stored in
 * one write and only then broadcast (I47). Locks and the agenda's step also reach the
 * room, whose update inspection enforces them (I43, I52).
 */

import { randomUUID } from 'node:crypto';
import { readCard } from '../../lib/board/doc';
import { emptyFacilitation, type FacilitationState } from '../../lib/facilitation/state';
import type { Ack } from '../../lib/protocol/events';
import {
  coFacilitatorSchema,
  focusSetSchema,
  handLowerSchema,
  handRaiseSchema,
  lockSetSchema,
  noPayloadSchema,
  timerAddSchema,
  timerStartSchema,
} from '../../lib/protocol/facilitationEvents';
import { fail } from '../../lib/protocol/reasons';
import { type Action, can } from '../../lib/roles';
import type { Logger } from '../log';
import { participantByKey, personViews } from '../services/personViews';
import type { ParticipantRow, Store } from '../store/Store';
import type { Rooms } from '../yjs/rooms';
import type { ControlModule, ControlServer, ControlSocket, Register } from './controlModule';
import { attachAgenda } from './facilitationAgenda';
import { attendanceList } from './facilitationAttendance';
import { applyTimer, type TimerAction } from './facilitationTimer';
import { balanceView, facilitationView, handsQueue } from './facilitationViews';
import { roomNames } from './roomNames';
import { greet } from './welcomeLetter';

/** What the module needs from the rest of the server. */
export interface FacilitationDeps {
  io: ControlServer;
  rooms: Rooms;
  store: Store;
  log: Logger;
  /** Send every facilitator the invite links again (a new co-facilitator needs them). */
  publishInvites(workshopId: string): Promise<void>;
  /** Told after each stored change, before it is broadcast (private writing opens drafts). */
  stored?(workshopId: string, s: FacilitationState): void;
  /** Reveal every draft before the room leaves a step (private writing's `revealNow`, I83). */
  reveal?(workshopId: string): Promise<Ack>;
  /**
   * Several instances (I88): attendance stretches are this instance's to close only, and
   * those a vanished instance left open are swept every `sweepMs`.
   */
  severalInstances?: { sweepMs: number };
}

/**
 * A change to the state: a failure, or null when it was made in place. Synchronous: it runs
 * inside the store's transaction (I85); anything to look up first goes in a `Check`.
 */
type Change = (s: FacilitationState, now: number) => Ack | null;
/** A look-up before the change (a card exists): a failure, or null to go on. */
type Check = () => Promise<Ack | null>;

/** How long balance waits after an edit before it is recomputed, so typing sends one update. */
const BALANCE_DELAY_MS = 1000;

export class Facilitation implements ControlModule {
  private readonly states = new Map<string, FacilitationState>();
  private readonly tails = new Map<string, Promise<unknown>>();
  /** `workshop/participant` → open control sockets and their attendance stretch. */
  private readonly here = new Map<string, { sockets: number; stretch: Promise<string> }>();
  private readonly balanceTimers = new Map<string, NodeJS.Timeout>();
  private readonly started: Promise<unknown>;
  private sweeper: NodeJS.Timeout | null = null;
  /** Open stretches whose person had no control socket anywhere at the last sweep (I88). */
  private absent = new Set<string>();

  constructor(private readonly deps: FacilitationDeps) {
    // Stretches left open by a crash end at this start-up (see ARCHITECTURE, attendance).
    // Not on several instances: the open stretches are mostly the other instances' people,
    // still here; the sweep finds those a vanished instance left (I88).
    this.started = deps.severalInstances
      ? Promise.resolve()
      : deps.store
          .closeOpenAttendance(new Date().toISOString())
          .catch((err) => deps.log.error('closing attendance failed', { err }));
    if (deps.severalInstances) {
      let sweeping = false;
      this.sweeper = setInterval(() => {
        if (sweeping) return;
        sweeping = true;
        this.sweepAttendance()
          .catch((err) => deps.log.warn('attendance sweep skipped', { err: String(err) }))
          .finally(() => {
            sweeping = false;
          });
      }, deps.severalInstances.sweepMs);
      this.sweeper.unref();
    }
  }

  /**
   * Several instances (I88): close the open stretches of people who have had no control
   * socket on any instance at two sweeps running: an instance killed with its people's
   * stretches open cannot close them, and a restarted one must not close everyone's. Two
   * sweeps, so a moment when one instance is slow to answer closes nobody's. Returns how
   * many it closed.
   */
  async sweepAttendance(): Promise<number> {
    const open = await this.deps.store.listOpenAttendance();
    const mine = new Set<string>();
    for (const h of this.here.values()) mine.add(await h.stretch.catch(() => ''));
    const byWorkshop = new Map<string, typeof open>();
    for (const r of open)
      if (!mine.has(r.id))
        byWorkshop.set(r.workshopId, [...(byWorkshop.get(r.workshopId) ?? []), r]);
    const absent = new Set<string>();
    let closed = 0;
    const at = new Date().toISOString();
    for (const [workshopId, rows] of byWorkshop) {
      // fetchSockets asks every instance; it rejects (and nothing is closed) if one does not answer.
      const sockets = await this.deps.io.in(roomNames.workshop(workshopId)).fetchSockets();
      const present = new Set(sockets.map((s) => s.data.participant.id));
      for (const r of rows) {
        if (present.has(r.participantId)) continue;
        if (!this.absent.has(r.id)) absent.add(r.id);
        else {
          await this.deps.store.closeAttendance(r.id, at);
          closed++;
        }
      }
    }
    this.absent = absent;
    return closed;
  }

  attach(on: Register): void {
    const timer =
      (a: TimerAction) => (p: ParticipantRow, d: { durationMs?: number; addMs?: number }) =>
        this.change(p, 'session:facilitate', (s, now) => this.timer(p, s, now, a, d));
    on('timer:start', timerStartSchema, timer('start'));
    on('timer:pause', noPayloadSchema, timer('pause'));
    on('timer:resume', noPayloadSchema, timer('resume'));
    on('timer:add', timerAddSchema, timer('add'));
    on('timer:stop', noPayloadSchema, timer('stop'));
    /** Refuse a card that does not exist or is deleted. */
    const liveCard = (p: ParticipantRow, id: string) => async () =>
      (await this.liveCard(p.workshopId, id)) ? null : fail('unknownCard');
    on('focus:set', focusSetSchema, (p, d) =>
      this.change(
        p,
        'session:facilitate',
        (s, now) => {
          if (d.kind === 'none') s.focus = null;
          else s.focus = { kind: d.kind, id: d.id, at: new Date(now).toISOString() };
          return null;
        },
        d.kind === 'card' ? liveCard(p, d.id) : undefined,
      ),
    );
    on('lock:set', lockSetSchema, (p, d) =>
      this.change(
        p,
        'session:facilitate',
        (s) => {
          const list: string[] = d.kind === 'card' ? s.locks.cards : s.locks.sections;
          const rest = list.filter((id) => id !== d.id);
          const next = d.locked ? [...rest, d.id] : rest;
          if (d.kind === 'card') s.locks.cards = next;
          else s.locks.sections = next as FacilitationState['locks']['sections'];
          return null;
        },
        d.kind === 'card' && d.locked ? liveCard(p, d.id) : undefined,
      ),
    );
    on('hand:raise', handRaiseSchema, (p, d) =>
      this.change(p, 'hand:raise', (s, now) => {
        const mine = s.hands.find((h) => h.participantId === p.id);
        const isPrivate = d.private;
        if (mine) Object.assign(mine, { kind: d.kind, private: isPrivate });
        else {
          s.hands.push({
            participantId: p.id,
            kind: d.kind,
            private: isPrivate,
            at: new Date(now).toISOString(),
          });
          if (p.group) s.counting.raised[p.group]++;
        }
        return null;
      }),
    );
    on('hand:lower', handLowerSchema, (p, d) => this.lowerHand(p, d.key));
    on('balance:start', noPayloadSchema, (p) =>
      this.change(p, 'session:facilitate', (s, now) => this.restartCounting(p, s, now)),
    );
    on('attendance:list', noPayloadSchema, async (p) => {
      if (!can(p.capability, 'session:facilitate')) return fail('forbidden');
      return { ok: true, ...(await attendanceList(this.deps.store, p.workshopId)) };
    });
    on('cofacilitator:set', coFacilitatorSchema, (p, d) => this.coFacilitator(p, d.key, d.on));
    attachAgenda(on, (p, action, fn) => this.change(p, action, fn), {
      current: (id) => this.current(id),
      reveal: this.deps.reveal,
    });
  }

  /** Send a new socket the current state, and facilitators the queue and balance; count attendance. */
  async welcome(socket: ControlSocket): Promise<void> {
    const { workshopId, participant } = socket.data;
    this.arrived(socket);
    const s = await this.serial(workshopId, () => this.state(workshopId));
    greet(socket, 'facilitation:update', facilitationView(s, participant.id, Date.now()));
    if (can(participant.capability, 'session:facilitate')) await this.sendFacilitator(socket, s);
  }

  /** Text was written in a workshop: publish the balance to its facilitators, soon. */
  written(workshopId: string): void {
    if (this.balanceTimers.has(workshopId)) return;
    // Nobody to show it to: a facilitator who connects later gets it in their welcome. On
    // several instances the facilitators may be on another one.
    if (!this.relay && !this.deps.io.sockets.adapter.rooms.has(roomNames.facilitators(workshopId)))
      return;
    const t = setTimeout(() => {
      this.balanceTimers.delete(workshopId);
      void this.serial(workshopId, async () =>
        this.publishFacilitators(workshopId, await this.state(workshopId)),
      ).catch((err) => this.deps.log.error('balance update failed', { err }));
    }, BALANCE_DELAY_MS);
    t.unref();
    this.balanceTimers.set(workshopId, t);
  }

  stop(): void {
    for (const t of this.balanceTimers.values()) clearTimeout(t);
    this.balanceTimers.clear();
    if (this.sweeper) clearInterval(this.sweeper);
    const at = new Date().toISOString();
    // The store may already be closing; start-up (or, on several instances, a sweep) closes them then.
    if (!this.deps.severalInstances)
      void this.deps.store.closeOpenAttendance(at).catch(() => undefined);
    else
      for (const h of this.here.values())
        void h.stretch.then((id) => this.deps.store.closeAttendance(id, at)).catch(() => undefined);
  }

  // ── Actions ───────────────────────────────────────────────────────────────

  /** Check `action`, change the state one at a time, store it, then broadcast it (I47). */
  private change(p: ParticipantRow, action: Action, fn: Change, check?: Check): Promise<Ack> {
    if (!can(p.capability, action)) return Promise.resolve(fail('forbidden'));
    return this.apply(p.workshopId, fn, check);
  }

  /**
   * Change a workshop's state as the server (permission already checked): serial, stored,
   * broadcast. The change is made to the state read in the same transaction that stores it,
   * under the workshop's row lock (I85): on several instances a change another one stored a
   * moment ago is the state this change starts from, never overwritten by it.
   */
  apply(workshopId: string, fn: Change, check?: Check): Promise<Ack> {
    return this.serial(workshopId, async () => {
      const refused = check ? await check() : null;
      if (refused) return refused;
      const now = Date.now();
      let problem = null as Ack | null;
      const s = await this.deps.store.updateFacilitation(
        workshopId,
        (stored) => {
          const next = structuredClone(stored ?? emptyFacilitation());
          problem = fn(next, now);
          return problem ? null : next;
        },
        new Date(now).toISOString(),
      );
      if (!s) return problem ?? fail('invalidInput');
      this.states.set(workshopId, s);
      this.deps.stored?.(workshopId, s);
      this.relay?.(workshopId);
      const room = this.deps.rooms.peek(workshopId);
      if (room)
        await room.ready.then(
          () => room.setFacilitation(s),
          () => undefined,
        );
      await this.publish(workshopId, s);
      return { ok: true };
    });
  }

  /** The workshop's current state (loaded from the store if needed). */
  current(workshopId: string): Promise<FacilitationState> {
    return this.serial(workshopId, () => this.state(workshopId));
  }

  private timer(
    p: ParticipantRow,
    s: FacilitationState,
    now: number,
    a: TimerAction,
    d: { durationMs?: number; addMs?: number },
  ): Ack | null {
    const r = applyTimer(s.timer, a, now, d.durationMs ?? d.addMs ?? 0);
    if (!r.ok) return r;
    s.timer = r.timer;
    // A new timer starts a new stretch of work: balance counts from here.
    if (a === 'start') this.restartCounting(p, s, now);
    return null;
  }

  private restartCounting(p: ParticipantRow, s: FacilitationState, now: number): null {
    const afterSeq = this.deps.rooms.peek(p.workshopId)?.lastSeq ?? s.counting.afterSeq;
    s.counting = { since: new Date(now).toISOString(), afterSeq, raised: { people: 0, system: 0 } };
    return null;
  }

  private async lowerHand(p: ParticipantRow, key: string | undefined): Promise<Ack> {
    if (key === undefined) return this.change(p, 'hand:raise', (s) => this.dropHand(s, p.id));
    if (!can(p.capability, 'session:facilitate')) return fail('forbidden');
    const target = participantByKey(await this.deps.store.listParticipants(p.workshopId), key);
    if (!target) return fail('invalidInput');
    return this.change(p, 'session:facilitate', (s) => this.dropHand(s, target.id));
  }

  private dropHand(s: FacilitationState, participantId: string): null {
    s.hands = s.hands.filter((h) => h.participantId !== participantId);
    return null;
  }

  /** Make someone a co-facilitator or take it back; their open sockets change at once (I46). */
  private async coFacilitator(p: ParticipantRow, key: string, on: boolean): Promise<Ack> {
    if (!can(p.capability, 'session:facilitate')) return fail('forbidden');
    const { store, rooms, io } = this.deps;
    return this.serial(p.workshopId, async () => {
      const target = participantByKey(await store.listParticipants(p.workshopId), key);
      // The workshop's creator (no invite) stays a facilitator; observers have no group to write for.
      if (!target || target.removedAt || target.inviteId === null || target.id === p.id)
        return fail('invalidInput', 'That person cannot be changed.');
      if (target.group === null) return fail('invalidInput', 'Observers cannot facilitate.');
      const capability = on ? 'facilitator' : 'contributor';
      const updated = await store.setCapability(p.workshopId, target.id, capability);
      if (!updated) return fail('invalidInput');
      rooms.participantUpdated(updated);
      const view = personViews(await store.listParticipants(p.workshopId)).get(updated.id) ?? null;
      io.to(roomNames.facilitators(p.workshopId)).emit('people:change', { key, person: view });
      const s = await this.state(p.workshopId);
      for (const sock of await io.in(roomNames.person(target.id)).fetchSockets()) {
        sock.data.participant = updated;
        if (on) sock.join(roomNames.facilitators(p.workshopId));
        else sock.leave(roomNames.facilitators(p.workshopId));
        sock.emit('capability:update', { capability });
      }
      if (on) {
        for (const sock of await io.in(roomNames.person(target.id)).fetchSockets())
          await this.sendFacilitator(sock as unknown as ControlSocket, s);
        await this.deps.publishInvites(p.workshopId);
      }
      return { ok: true };
    });
  }

  // ── State, publishing and attendance ──────────────────────────────────────

  /** Set when running on several instances: tells the others the state changed (I65). */
  relay?: (workshopId: string) => void;

  /** Another instance changed the state: read it again and apply its locks to the room. */
  changedElsewhere(workshopId: string): Promise<void> {
    return this.serial(workshopId, async () => {
      this.states.delete(workshopId);
      const s = await this.state(workshopId);
      // The same as after a change here: drafts open or close, the room takes the locks and step.
      this.deps.stored?.(workshopId, s);
      const room = this.deps.rooms.peek(workshopId);
      if (room) await room.ready.then(() => room.setFacilitation(s));
    });
  }

  /** Redis came back: changes told while it was away were lost, so read every known state again. */
  async reread(): Promise<void> {
    await Promise.all([...this.states.keys()].map((w) => this.changedElsewhere(w)));
  }

  private async state(workshopId: string): Promise<FacilitationState> {
    const known = this.states.get(workshopId);
    if (known) return known;
    const s = (await this.deps.store.loadFacilitation(workshopId)) ?? emptyFacilitation();
    this.states.set(workshopId, s);
    return s;
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

  /** True when the card exists and is not deleted (the room is loaded if it was not). */
  private async liveCard(workshopId: string, cardId: string): Promise<boolean> {
    const room = await this.deps.rooms.loaded(workshopId);
    const card = readCard(room.doc, cardId);
    return Boolean(card && !card.deleted);
  }

  private async publish(workshopId: string, s: FacilitationState): Promise<void> {
    const now = Date.now();
    for (const sock of await this.deps.io.in(roomNames.workshop(workshopId)).fetchSockets())
      sock.emit('facilitation:update', facilitationView(s, sock.data.participant.id, now));
    await this.publishFacilitators(workshopId, s);
  }

  private async publishFacilitators(workshopId: string, s: FacilitationState): Promise<void> {
    const to = this.deps.io.to(roomNames.facilitators(workshopId));
    const { hands, balance } = await this.facilitatorData(workshopId, s);
    to.emit('hands:update', hands);
    to.emit('balance:update', balance);
  }

  private async sendFacilitator(
    socket: Pick<ControlSocket, 'emit' | 'data'>,
    s: FacilitationState,
  ): Promise<void> {
    const { hands, balance } = await this.facilitatorData(socket.data.workshopId, s);
    greet(socket, 'hands:update', hands);
    greet(socket, 'balance:update', balance);
  }

  /** The hands queue and the balance, as facilitators see them. */
  private async facilitatorData(workshopId: string, s: FacilitationState) {
    const { store } = this.deps;
    const [rows, written] = await Promise.all([
      store.listParticipants(workshopId),
      store.writtenSince(workshopId, s.counting.afterSeq),
    ]);
    return { hands: handsQueue(s, rows), balance: balanceView(s, rows, written) };
  }

  /** Count a person present from their first control socket to their last (I44). */
  private arrived(socket: ControlSocket): void {
    const { workshopId, participant } = socket.data;
    const key = `${workshopId}/${participant.id}`;
    const known = this.here.get(key);
    if (known) known.sockets++;
    else {
      const id = randomUUID();
      const joinedAt = new Date().toISOString();
      const row = { id, workshopId, participantId: participant.id, joinedAt, leftAt: null };
      const stretch = this.started.then(() => this.deps.store.openAttendance(row)).then(() => id);
      this.here.set(key, { sockets: 1, stretch });
    }
    socket.on('disconnect', () => {
      const h = this.here.get(key);
      if (!h || --h.sockets > 0) return;
      this.here.delete(key);
      const leftAt = new Date().toISOString();
      void h.stretch
        .then((sid) => this.deps.store.closeAttendance(sid, leftAt))
        .catch((err) => this.deps.log.error('attendance failed', { err }));
    });
  }
}
