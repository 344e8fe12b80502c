/**
 * Who is in each workshop now, by participant (a person with two tabs is here once).
 * A joining socket gets the whole list once; everyone else gets one small `presence:join`
 * or `presence:leave`, encoded once for the room. Sending every socket the whole list on
 * every join cost N lists of N people per join (about 50 KiB of memory per participant
 * at 300 people, measured).
 *
 * Arrivals and departures are announced in bursts (I90): the first change in a workshop
 * opens a short window; when it ends, the sockets that arrived get their lists, and
 * everyone else one message for those who left (`presence:leave` for one, `presence:left`
 * for several) and one for those who arrived (`presence:join` / `presence:joined`). After a
 * restart, N people reconnecting within a second cost N² frames when each arrival was its
 * own broadcast (125,000 frames and most of the restarted server's time at 500 people,
 * profiled); a room emptying at once cost the same in leaves. On several instances arrivals
 * are gathered the same way (a killed instance's people all arrive on the survivors at
 * once); departures there stay one message per person who left.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { PresenceEntry } from '../../lib/protocol/events';
import { presenceName } from '../../lib/visibility/policy';
import type { ParticipantRow } from '../store/Store';
import type { ControlServer, ControlSocket } from './control';
import { roomNames } from './roomNames';

/**
 * How long arrivals and departures in one workshop are gathered before they are announced
 * (I90): short for a person watching "here now", long enough that a restart's reconnecting
 * room becomes a few broadcasts instead of one per person.
 */
export const PRESENCE_WINDOW_MS = 100;

/**
 * A window that has gathered this many sockets is a crowd arriving at once (a restart, an
 * instance's people failing over): it stays open while they keep coming, each arrival
 * moving its end `PRESENCE_WINDOW_MS` later, for at most `PRESENCE_CROWD_MAX_MS` from
 * its start. Everyone must learn of everyone either way (N lists of up to N people), but
 * one window sends each newcomer one list and nobody a stream of `presence:joined`: at 500
 * people reconnecting, 7,700 fewer messages, and the boards sync before "here now" is sent.
 */
export const PRESENCE_CROWD = 10;
export const PRESENCE_CROWD_MAX_MS = 1000;

/** Changes in one workshop not announced yet. */
interface Burst {
  /** Sockets that connected in the window: each gets the whole list when it ends. */
  sockets: ControlSocket[];
  /** People whose first socket it is, still here: announced to everyone else. */
  arrived: Here[];
  /** Keys of people announced earlier whose last socket closed. */
  left: string[];
  timer: NodeJS.Timeout;
  /** When the window opened (ms since the epoch). */
  opened: number;
}

interface Here {
  row: ParticipantRow;
  sockets: number;
  /** Opaque, stable key shown to others; never the participant id of someone anonymous. */
  key: string;
}

/**
 * An opaque key for someone anonymous; the participant id otherwise. On several instances
 * every instance must give the same key (I65), so it is a keyed hash of the id and name,
 * which changes when they are erased, and ties nothing to the id without the server's key.
 */
function keyFor(p: ParticipantRow, salt?: Buffer): string {
  if (!p.anonymous) return p.id;
  if (!salt) return `a-${randomBytes(6).toString('base64url')}`;
  const mac = createHmac('sha256', salt).update(`${p.id}\0${p.name}`);
  return `a-${mac.digest('base64url').slice(0, 8)}`;
}

export class Presence {
  private readonly workshops = new Map<string, Map<string, Here>>();
  private readonly bursts = new Map<string, Burst>();

  /**
   * `salt` is given on several instances: presence then spans them all (I65).
   * `windowMs`: how long arrivals are gathered (tests pass a long one and call `flush`);
   * `crowdMaxMs`: how long a crowd's window may stay open.
   */
  constructor(
    private readonly io: ControlServer,
    private readonly salt?: Buffer,
    private readonly windowMs = PRESENCE_WINDOW_MS,
    private readonly crowdMaxMs = PRESENCE_CROWD_MAX_MS,
  ) {}

  /**
   * A control socket connected: it gets the list, and the others hear of the person if
   * they are new, when the workshop's window of arrivals ends.
   */
  connected(socket: ControlSocket): void {
    if (this.salt) {
      // Gathered too (I90): announced from every instance's sockets when the window ends.
      const burst = this.burst(socket.data.workshopId);
      burst.sockets.push(socket);
      this.keepOpenForCrowd(burst);
      return;
    }
    const { workshopId, participant } = socket.data;
    const here = this.here(workshopId);
    const burst = this.burst(workshopId);
    const known = here.get(participant.id);
    if (known) {
      known.sockets++;
      known.row = participant;
    } else {
      const entry = { row: participant, sockets: 1, key: keyFor(participant, this.salt) };
      here.set(participant.id, entry);
      burst.arrived.push(entry);
    }
    burst.sockets.push(socket);
    this.keepOpenForCrowd(burst);
  }

  /** A crowd is arriving: the window ends a little after the last of it (see `PRESENCE_CROWD`). */
  private keepOpenForCrowd(b: Burst): void {
    if (b.sockets.length < PRESENCE_CROWD) return;
    const closesBy = b.opened + Math.max(this.crowdMaxMs, this.windowMs);
    if (Date.now() + this.windowMs > closesBy) return;
    b.timer.refresh();
  }

  /**
   * End a workshop's window now: everyone who was here before hears who left, then who
   * arrived, in one message each; each new socket gets the whole list (itself included).
   * A renamed person (`updated`) calls this first, so messages keep their order.
   */
  flush(workshopId: string): void {
    const burst = this.bursts.get(workshopId);
    if (!burst) return;
    this.bursts.delete(workshopId);
    clearTimeout(burst.timer);
    if (this.salt) {
      void this.flushAcross(workshopId, burst.sockets).catch(() => undefined);
      return;
    }
    const { arrived, left, sockets } = burst;
    // A new socket's list holds everyone here at the end of the window; each socket id is a room.
    const others = this.io.to(roomNames.workshop(workshopId)).except(sockets.map((s) => s.id));
    const [gone] = left;
    if (left.length === 1 && gone !== undefined) others.emit('presence:leave', { key: gone });
    else if (left.length > 1)
      others.emit(
        'presence:left',
        left.map((key) => ({ key })),
      );
    const [one] = arrived;
    if (arrived.length === 1 && one) others.emit('presence:join', entryFor(one, null));
    else if (arrived.length > 1)
      others.emit(
        'presence:joined',
        arrived.map((h) => entryFor(h, null)),
      );
    this.sendLists(sockets, [...this.here(workshopId).values()]);
  }

  /**
   * Each of `sockets` gets the list of `here`: first its own entry (`presence:you`: its
   * name, and that it is you), then the list as a stranger sees it, which is the same for
   * every socket and so encoded once for all of them. At 500 people reconnecting, encoding
   * a list of 500 once per socket was the restarted server's largest single cost
   * (profiled, bench section 6).
   */
  private sendLists(sockets: readonly ControlSocket[], here: readonly Here[]): void {
    const live = sockets.filter((s) => s.connected);
    if (live.length === 0) return;
    const byId = new Map(here.map((h) => [h.row.id, h]));
    for (const s of live) {
      const own = byId.get(s.data.participant.id);
      if (own) s.emit('presence:you', entryFor(own, s.data.participant.id));
    }
    const list = here.map((h) => entryFor(h, null));
    // Local: on several instances the adapter would otherwise publish it to all of them.
    this.io.local.to(live.map((s) => s.id)).emit('presence:update', list);
  }

  /** Stop the windows' timers (shutdown); nothing more is announced. */
  stop(): void {
    for (const b of this.bursts.values()) clearTimeout(b.timer);
    this.bursts.clear();
  }

  private burst(workshopId: string): Burst {
    let b = this.bursts.get(workshopId);
    if (!b) {
      const timer = setTimeout(() => this.flush(workshopId), this.windowMs);
      b = { sockets: [], arrived: [], left: [], timer, opened: Date.now() };
      this.bursts.set(workshopId, b);
    }
    return b;
  }

  /**
   * Several instances, at the end of a window: the list comes from every instance's
   * sockets (one query for the burst, not one per socket); a person is new, and announced
   * to everyone else in one message, when their only sockets anywhere are this burst's.
   * When an instance dies, its hundreds of people arrive here at once: one broadcast each
   * to a room of hundreds was most of the survivor's time (profiled, bench section 9.3).
   */
  private async flushAcross(workshopId: string, sockets: ControlSocket[]): Promise<void> {
    const room = roomNames.workshop(workshopId);
    const everyone = await this.io.in(room).fetchSockets();
    const arriving = new Set(sockets.map((s) => s.id));
    const people = new Map<string, Here>();
    const elsewhere = new Set<string>();
    for (const s of everyone) {
      const row = s.data.participant;
      people.set(row.id, { row, sockets: 1, key: keyFor(row, this.salt) });
      if (!arriving.has(s.id)) elsewhere.add(row.id);
    }
    const here = sockets.filter((s) => s.connected);
    const arrived = new Map<string, Here>();
    for (const s of here) {
      const row = s.data.participant;
      const h: Here = { row, sockets: 1, key: keyFor(row, this.salt) };
      people.set(row.id, h);
      if (!elsewhere.has(row.id)) arrived.set(row.id, h);
    }
    const others = this.io.to(room).except([...arriving]);
    const news = [...arrived.values()].map((h) => entryFor(h, null));
    const [one] = news;
    if (news.length === 1 && one) others.emit('presence:join', one);
    else if (news.length > 1) others.emit('presence:joined', news);
    this.sendLists(here, [...people.values()]);
  }

  /**
   * A control socket went away: when it was the person's last, the room hears they left
   * when the window ends, or nothing at all if their arrival was never announced.
   */
  disconnected(socket: ControlSocket): void {
    if (this.salt) {
      void this.disconnectedAcross(socket).catch(() => undefined);
      return;
    }
    const { workshopId, participant } = socket.data;
    const here = this.workshops.get(workshopId);
    const known = here?.get(participant.id);
    if (!here || !known) return;
    known.sockets--;
    if (known.sockets > 0) return;
    here.delete(participant.id);
    if (here.size === 0) this.workshops.delete(workshopId);
    const burst = this.burst(workshopId);
    const unannounced = burst.arrived.indexOf(known);
    if (unannounced >= 0) burst.arrived.splice(unannounced, 1);
    else burst.left.push(known.key);
  }

  private async disconnectedAcross(socket: ControlSocket): Promise<void> {
    const { workshopId, participant } = socket.data;
    const left = await this.io.in(roomNames.person(participant.id)).fetchSockets();
    if (left.some((s) => s.id !== socket.id)) return;
    const key = keyFor(participant, this.salt);
    this.io.to(roomNames.workshop(workshopId)).emit('presence:leave', { key });
  }

  /**
   * A person's details changed (erased): the room forgets their old entry and learns the
   * new one, under a new key, so nothing ties the two.
   */
  updated(row: ParticipantRow, old: ParticipantRow = row): void {
    if (this.salt) {
      this.flush(row.workshopId);
      void this.updatedAcross(row, old).catch(() => undefined);
      return;
    }
    this.flush(row.workshopId);
    const here = this.workshops.get(row.workshopId);
    const known = here?.get(row.id);
    if (!known) return;
    const room = roomNames.workshop(row.workshopId);
    this.io.to(room).emit('presence:leave', { key: known.key });
    known.row = row;
    known.key = keyFor(row, this.salt);
    this.io.to(room).emit('presence:join', entryFor(known, null));
  }

  /**
   * Several instances: the old key leaves and the new one joins everywhere, if the person
   * is here on any instance; this instance's sockets of theirs carry the new row, so
   * their leaving later uses the new key.
   */
  private async updatedAcross(row: ParticipantRow, old: ParticipantRow): Promise<void> {
    for (const s of this.io.sockets.sockets.values())
      if (s.data.participant?.id === row.id) s.data.participant = row;
    if ((await this.io.in(roomNames.person(row.id)).fetchSockets()).length === 0) return;
    const room = roomNames.workshop(row.workshopId);
    this.io.to(room).emit('presence:leave', { key: keyFor(old, this.salt) });
    const entry = entryFor({ row, sockets: 1, key: keyFor(row, this.salt) }, null);
    this.io.to(room).emit('presence:join', entry);
  }

  private here(workshopId: string): Map<string, Here> {
    let here = this.workshops.get(workshopId);
    if (!here) {
      here = new Map();
      this.workshops.set(workshopId, here);
    }
    return here;
  }
}

/** One person as a viewer sees them: the visibility policy decides whether names show. */
function entryFor({ row, key }: Here, viewerId: string | null): PresenceEntry {
  const you = row.id === viewerId;
  const name = presenceName(viewerId, row);
  return {
    key,
    group: row.group,
    capability: row.capability,
    ...(name === undefined ? {} : { name }),
    ...(you ? { you: true } : {}),
  };
}
