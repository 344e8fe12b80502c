/**
 * The socket.io control channel (DESIGN §4): facts one authority decides — endorsements,
 * deletions, invites and presence. Every handshake is authenticated from the session
 * cookie and its Origin checked before it is accepted; every payload is checked with zod.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { z } from 'zod';
import { draftsOpen } from '../../lib/facilitation/state';
import {
  type Ack,
  type ClientToServerEvents,
  cardRefSchema,
  cardRevertSchema,
  type DeletedCard,
  endorseSchema,
  handshakeSchema,
  type InviteView,
  inviteRefSchema,
  type ServerToClientEvents,
} from '../../lib/protocol/events';
import { PING_INTERVAL_MS, PING_TIMEOUT_MS } from '../../lib/protocol/heartbeat';
import { fail, PROTOCOL_VERSION, REASON_INFO, type Reason } from '../../lib/protocol/reasons';
import { can } from '../../lib/roles';
import { deletedByLabel, groupSizes } from '../../lib/visibility/policy';
import { cookieName, readCookie, type Sessions } from '../auth/sessions';
import type { Config } from '../config';
import { requestOrigin } from '../http/requestOrigin';
import { engineDoor } from '../limits/engineDoor';
import type { Limits } from '../limits/Limits';
import { tooMany } from '../limits/tooMany';
import type { Logger } from '../log';
import { inviteViews } from '../services/inviteViews';
import type { LinkTokens } from '../services/linkTokens';
import type { ParticipantRow, Store } from '../store/Store';
import type { Drafts } from '../yjs/drafts';
import type { Rooms } from '../yjs/rooms';
import { agreementFor, agreementOf } from './agreement';
import type { ControlModule } from './controlModule';
import { Facilitation } from './facilitation';
import { cardHistory, revertCard } from './history';
import { oneWritePerQueue } from './oneWrite';
import { OwnDeleted } from './ownDeleted';
import { People } from './people';
import { Presence } from './presence';
import { PrivateWriting } from './privateWriting';
import { Records } from './records';
import type { CardNotice } from './replacedNotice';
import { roomNames } from './roomNames';
import { Voting } from './voting';
import { WelcomeBatches } from './welcomeBatches';
import { gatherWelcome, greet } from './welcomeLetter';

interface SocketData {
  participant: ParticipantRow;
  workshopId: string;
  origin: string;
}
/** A server-side control socket with its authenticated session data. */
export type ControlSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
/** The typed socket.io server of the control channel. */
export type ControlServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/** What a person sees when they send control requests faster than anyone would by hand. */
const TOO_MANY_REQUESTS = 'You have done a lot in a short time, so Purple paused for a moment.';

const room = roomNames.workshop;

interface Handler {
  schema: z.ZodType;
  run: (p: ParticipantRow, data: unknown) => Promise<Ack>;
}

export class Control {
  readonly io: ControlServer;
  readonly voting: Voting;
  readonly people: People;
  readonly facilitation: Facilitation;
  readonly records: Records;
  readonly privateWriting: PrivateWriting;
  private readonly presence: Presence;
  private readonly ownDeleted: OwnDeleted;
  /** Features registered through the module seam (`controlModule.ts`). */
  private readonly modules: ControlModule[];
  private readonly handlers = new Map<string, Handler>();
  /** Sockets of one workshop arriving together share one welcome's reads (I93). */
  private readonly welcomes: WelcomeBatches<ControlSocket>;

  constructor(
    httpServer: HttpServer,
    private readonly deps: {
      rooms: Rooms;
      drafts: Drafts;
      sessions: Sessions;
      store: Store;
      config: Config;
      log: Logger;
      tokens: LinkTokens;
      limits: Limits;
      /** Told each request it answers with a refusal, by reason (issue 12's metrics). */
      onRefused?: (reason: string) => void;
      /** Several instances: presence spans them, with keys every instance agrees on. */
      presenceSalt?: Buffer;
      /** Several instances: attendance is swept across them (I88). */
      severalInstances?: boolean;
    },
  ) {
    this.welcomes = new WelcomeBatches(
      (workshopId, sockets) => this.welcome(workshopId, sockets),
      (err) => deps.log.error('welcome failed', { err }),
    );
    const door = engineDoor(deps.config, deps.limits);
    this.io = new Server(httpServer, {
      path: '/socket.io',
      serveClient: false,
      transports: ['websocket', 'polling'],
      maxHttpBufferSize: 64 * 1024,
      pingInterval: PING_INTERVAL_MS,
      pingTimeout: PING_TIMEOUT_MS,
      allowRequest: door.allowRequest,
    });
    door.watch(this.io);
    oneWritePerQueue(this.io);
    this.voting = new Voting({ io: this.io, rooms: deps.rooms, store: deps.store, log: deps.log });
    this.io.use((socket, next) => {
      this.authenticate(socket).then(
        () => next(),
        (err) => next(err as Error),
      );
    });
    this.io.on('connection', (socket) => this.onConnection(socket));
    this.presence = new Presence(this.io, deps.presenceSalt);
    this.ownDeleted = new OwnDeleted(this.io, deps.store);
    this.people = new People({
      io: this.io,
      rooms: deps.rooms,
      store: deps.store,
      tokens: deps.tokens,
      presence: this.presence,
      log: deps.log,
      publishInvites: (id) => this.publishInvites(id),
      endSessions: (ids, reason) => this.endSessions(ids, reason),
    });
    this.facilitation = new Facilitation({
      io: this.io,
      rooms: deps.rooms,
      store: deps.store,
      log: deps.log,
      publishInvites: (id) => this.publishInvites(id),
      stored: (id, s) => deps.drafts.setOpen(id, draftsOpen(s)),
      reveal: (id) => this.privateWriting.revealNow(id),
      severalInstances: deps.severalInstances
        ? { sweepMs: deps.config.attendanceSweepMs }
        : undefined,
    });
    this.records = new Records({
      io: this.io,
      rooms: deps.rooms,
      store: deps.store,
      log: deps.log,
    });
    this.privateWriting = new PrivateWriting({
      io: this.io,
      rooms: deps.rooms,
      drafts: deps.drafts,
      store: deps.store,
      log: deps.log,
      facilitation: this.facilitation,
    });
    this.modules = [this.people, this.facilitation, this.records, this.privateWriting];
    this.registerEvents();
  }

  private async authenticate(socket: ControlSocket): Promise<void> {
    const hs = handshakeSchema.safeParse(socket.handshake.auth);
    if (!hs.success || hs.data.protocol !== PROTOCOL_VERSION) throw refusal('malformed');
    const { workshopId } = hs.data;
    const cookie = readCookie(socket.request.headers.cookie, cookieName(workshopId));
    const auth = await this.deps.sessions.authenticate(workshopId, cookie);
    if (!auth.ok) throw refusal(auth.reason, auth.message);
    await this.holdSlot(socket, auth.value.id);
    socket.data = { participant: auth.value, workshopId, origin: this.baseUrl(socket) };
  }

  /** One of the person's socket.io connection slots, given back when the connection closes. */
  private async holdSlot(socket: ControlSocket, participantId: string): Promise<void> {
    const cap = this.deps.limits.controlPerPerson;
    if (!(await cap.acquire(participantId))) throw refusal('tooMany');
    const release = () => void cap.release(participantId);
    if (socket.conn.readyState === 'closed') release();
    else socket.conn.once('close', release);
  }

  private baseUrl(socket: ControlSocket): string {
    return requestOrigin((name) => socket.handshake.headers[name], this.deps.config);
  }

  /**
   * Every client event, registered once for the whole server: each socket then holds one
   * listener (`onAny`) instead of a closure per event. With the upgrade request and the
   * handshake headers dropped too, a control connection's live heap went from 16.7 to
   * 15.1 KiB (heap snapshots of 300 idle sockets).
   */
  private registerEvents(): void {
    this.on('card:endorse', endorseSchema, async (p, data) => {
      const r = await this.loadedRoom(p.workshopId);
      return r.endorse(p, data.cardId, data.textHash);
    });
    this.on('card:delete', cardRefSchema, async (p, data) => {
      const r = await (await this.loadedRoom(p.workshopId)).setDeleted(p, data.cardId, true);
      if (r.ok) {
        void this.publishDeleted(p.workshopId);
        this.publishOwnDeleted(p, data.cardId);
        this.voting.cardDeleted(p.workshopId, data.cardId);
        this.records.recordChanged(p.workshopId);
      }
      return r;
    });
    this.on('card:restore', cardRefSchema, async (p, data) => {
      const r = await (await this.loadedRoom(p.workshopId)).setDeleted(p, data.cardId, false);
      if (r.ok) {
        void this.publishDeleted(p.workshopId);
        this.publishOwnDeleted(p, data.cardId);
        this.voting.cardRestored(p.workshopId, data.cardId);
        this.records.recordChanged(p.workshopId);
      }
      return r;
    });
    this.on('card:history', cardRefSchema, async (p, data) =>
      cardHistory(await this.loadedRoom(p.workshopId), this.deps.store, p, data.cardId),
    );
    this.on('card:revert', cardRevertSchema, async (p, data) =>
      revertCard(await this.loadedRoom(p.workshopId), this.deps.store, p, data.cardId, data.seq),
    );
    this.on('invite:revoke', inviteRefSchema, (p, data) => this.revoke(p, data.inviteId));
    this.voting.attach((event, schema, run) => this.on(event, schema, run));
    for (const m of this.modules) m.attach((event, schema, run) => this.on(event, schema, run));
  }

  private onConnection(socket: ControlSocket): void {
    const { workshopId, participant } = socket.data;
    // Nothing reads the upgrade request or its headers after authentication; socket.io
    // would otherwise keep both for the connection's whole life.
    (socket.conn as { request: unknown }).request = null;
    socket.handshake.headers = {};
    void socket.join([room(workshopId), roomNames.person(participant.id)]);
    if (participant.capability === 'facilitator')
      void socket.join(roomNames.facilitators(workshopId));
    this.presence.connected(socket);
    socket.on('disconnect', () => this.presence.disconnected(socket));
    socket.onAny((event: string, payload: unknown, ack: unknown) => {
      void this.dispatch(socket, event, payload, ack);
    });
    // Every feature's welcome goes as one message (I96).
    void gatherWelcome(socket, () => [
      this.welcomes.add(workshopId, socket),
      this.voting
        .welcome(socket)
        .catch((err) => this.deps.log.error('voting welcome failed', { err })),
      ...this.modules.map(
        (m) =>
          m.welcome?.(socket).catch((err) => this.deps.log.error('welcome failed', { err })) ??
          Promise.resolve(),
      ),
    ]);
  }

  /** Register a handler: validated with zod, the session re-checked, answered through the ack. */
  private on<S extends z.ZodType>(
    event: keyof ClientToServerEvents,
    schema: S,
    run: (p: ParticipantRow, data: z.infer<S>) => Promise<Ack>,
  ): void {
    this.handlers.set(event, { schema, run: run as Handler['run'] });
  }

  private async dispatch(
    socket: ControlSocket,
    event: string,
    payload: unknown,
    reply: unknown,
  ): Promise<void> {
    const handler = this.handlers.get(event);
    if (!handler || typeof reply !== 'function') return;
    const ack = (answer: { ok: boolean; reason?: string }) => {
      if (!answer.ok && answer.reason) this.deps.onRefused?.(answer.reason);
      reply(answer);
    };
    const allowed = await this.deps.limits.request(socket.data.participant.id, event);
    if (!allowed.ok) return ack(tooMany(TOO_MANY_REQUESTS, allowed.retryAfterSeconds));
    const parsed = handler.schema.safeParse(payload);
    if (!parsed.success) return ack(fail('invalidInput', customMessage(parsed.error)));
    try {
      const still = await this.deps.sessions.stillAllowed(socket.data.participant);
      if (!still.ok) return ack(still);
      ack(await handler.run(still.value, parsed.data));
    } catch (err) {
      this.deps.log.error('control handler failed', { event, err });
      ack(fail('storeFailed'));
    }
  }

  private async loadedRoom(workshopId: string) {
    const r = await this.deps.rooms.loaded(workshopId);
    return r;
  }

  /** Send new connections of one workshop everything they need, and tell the room they arrived. */
  private async welcome(workshopId: string, sockets: ControlSocket[]): Promise<void> {
    const r = await this.loadedRoom(workshopId);
    for (const s of sockets) this.deps.rooms.participantUpdated(s.data.participant);
    const states = await Promise.all(
      [...r.endorsements.keys()].map((id) => agreementOf(r, this.deps.store, id)),
    );
    for (const s of sockets)
      greet(
        s,
        'agreement:update',
        states.map((st) => agreementFor(st, s.data.participant.id)),
      );
    await this.ownDeleted.welcome(workshopId, sockets);
    const facilitators = sockets.filter((s) => s.data.participant.capability === 'facilitator');
    if (facilitators.length === 0) return;
    const deleted = await this.deletedCards(workshopId);
    for (const s of facilitators) {
      greet(s, 'deleted:update', deleted);
      greet(s, 'invite:update', await this.invites(workshopId, s.data.origin));
    }
  }

  /** Recompute and publish the agreement state of these cards (called by rooms). */
  cardsChanged(workshopId: string, cardIds: string[]): void {
    const r = this.deps.rooms.peek(workshopId);
    if (!r) return;
    void Promise.all(cardIds.map((id) => agreementOf(r, this.deps.store, id)))
      .then(async (states) => {
        for (const s of await this.io.in(room(workshopId)).fetchSockets()) {
          s.emit(
            'agreement:update',
            states.map((st) => agreementFor(st, s.data.participant.id)),
          );
        }
      })
      .catch((err) => this.deps.log.error('agreement update failed', { err }));
  }

  /** Send each author their gentle notice about a card the other group replaced. */
  cardNotices(notices: CardNotice[]): void {
    for (const n of notices)
      this.io
        .to(`p:${n.participantId}`)
        .emit('card:notice', { cardId: n.cardId, message: n.message });
  }

  /** Deleted cards as facilitators see them; the visibility policy names the deleter (I26). */
  private async deletedCards(workshopId: string): Promise<DeletedCard[]> {
    const latest = new Map<string, DeletedCard | null>();
    const rows = await this.deps.store.listParticipants(workshopId);
    const participants = new Map(rows.map((p) => [p.id, p]));
    const sizes = groupSizes(rows);
    const viewer = { id: '' }; // every facilitator sees the same list
    for (const e of await this.deps.store.listCardEvents(workshopId)) {
      const p = participants.get(e.participantId);
      const by = deletedByLabel(viewer, p, e.identifiable === true, sizes);
      latest.set(
        e.cardId,
        e.action === 'delete' ? { cardId: e.cardId, deletedAt: e.at, deletedBy: by } : null,
      );
    }
    return [...latest.values()].filter((d): d is DeletedCard => d !== null);
  }

  private publishOwnDeleted(actor: ParticipantRow, cardId: string): void {
    this.ownDeleted
      .changed(actor, cardId)
      .catch((err) => this.deps.log.error('own deleted cards update failed', { err }));
  }

  private async publishDeleted(workshopId: string): Promise<void> {
    this.io
      .to(roomNames.facilitators(workshopId))
      .emit('deleted:update', await this.deletedCards(workshopId));
  }

  private invites(workshopId: string, base: string): Promise<InviteView[]> {
    return inviteViews(this.deps.store, this.deps.tokens, workshopId, base);
  }

  /** Send every facilitator of a workshop the current invite links and join counts. */
  async publishInvites(workshopId: string): Promise<void> {
    for (const s of await this.io.in(roomNames.facilitators(workshopId)).fetchSockets()) {
      s.emit('invite:update', await this.invites(workshopId, s.data.origin));
    }
  }

  /** Someone joined through an invite: facilitators get the join counts and that one person. */
  participantJoined(p: ParticipantRow): void {
    this.publishInvites(p.workshopId)
      .then(() => this.people.joined(p))
      .catch((err) => this.deps.log.error('invite update failed', { err }));
  }

  /**
   * Another instance changed this person (capability, removal, erasure): this instance's
   * sockets of theirs act as the new row from now on (I46, I65).
   */
  participantChangedElsewhere(p: ParticipantRow): void {
    for (const s of this.io.sockets.sockets.values())
      if (s.data.participant?.id === p.id) s.data.participant = p;
  }

  /** Turn off an invite link and end the access of everyone who joined through it, at once. */
  private async revoke(p: ParticipantRow, inviteId: string): Promise<Ack> {
    if (!can(p.capability, 'invite:manage')) return fail('forbidden');
    const { store, rooms } = this.deps;
    if (!(await store.revokeInvite(p.workshopId, inviteId, new Date().toISOString())))
      return fail('invalidInput');
    const holders = (await store.listParticipants(p.workshopId)).filter(
      (x) => x.inviteId === inviteId,
    );
    const ids = new Set(holders.map((h) => h.id));
    rooms.closeParticipants(p.workshopId, ids, 'revoked');
    this.endSessions(ids, 'revoked');
    await this.publishInvites(p.workshopId);
    await this.people.lostAccess(p.workshopId, ids);
    return { ok: true };
  }

  /** Tell these participants their access ended and disconnect their control sockets. */
  endSessions(ids: ReadonlySet<string>, reason: Reason): void {
    for (const id of ids) {
      const to = roomNames.person(id);
      this.io.to(to).emit('session:ended', { reason, message: REASON_INFO[reason].message });
      this.io.in(to).disconnectSockets(true);
    }
  }

  async close(): Promise<void> {
    this.welcomes.stop();
    await this.voting.stop();
    this.presence.stop();
    for (const m of this.modules) m.stop?.();
    return new Promise((resolve) => this.io.close(() => resolve()));
  }
}

function refusal(reason: Reason, message?: string): Error & { data: unknown } {
  const text = message ?? REASON_INFO[reason].message;
  return Object.assign(new Error(text), { data: { reason, message: text, permanent: true } });
}

/** The plain message a schema's own check gives (e.g. "Say why …"), else none (the default). */
function customMessage(error: z.ZodError): string | undefined {
  return error.issues.find((i) => i.code === 'custom')?.message;
}
