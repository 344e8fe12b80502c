/**
 * Who is in each workshop now, by participant (a person with two tabs is here once).
 * A joining socket gets the whole list once; everyone else gets one small `presence:join`
 * or `presence:leave`, encoded once for the room. Sending every socket the whole list on
 * every join cost N lists of N people per join (about 50 KiB of memory per participant
 * at 300 people, measured).
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { PresenceEntry } from '../../lib/protocol/events';
import { presenceName } from '../../lib/visibility/policy';
import type { ParticipantRow } from '../store/Store';
import type { ControlServer, ControlSocket } from './control';
import { roomNames } from './roomNames';

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

  /** `salt` is given on several instances: presence then spans them all (I65). */
  constructor(
    private readonly io: ControlServer,
    private readonly salt?: Buffer,
  ) {}

  /** A control socket connected: send it the list, and tell the others if the person is new. */
  connected(socket: ControlSocket): void {
    if (this.salt) {
      void this.connectedAcross(socket).catch(() => undefined);
      return;
    }
    const { workshopId, participant } = socket.data;
    const here = this.here(workshopId);
    const known = here.get(participant.id);
    if (known) {
      known.sockets++;
      known.row = participant;
    } else {
      here.set(participant.id, {
        row: participant,
        sockets: 1,
        key: keyFor(participant, this.salt),
      });
      socket
        .to(roomNames.workshop(workshopId))
        .emit('presence:join', entryFor(here.get(participant.id)!, null));
    }
    socket.emit('presence:update', this.listFor(workshopId, participant.id));
  }

  /**
   * Several instances: the list comes from every instance's sockets; the person is new
   * (and announced) when this is their only socket anywhere.
   */
  private async connectedAcross(socket: ControlSocket): Promise<void> {
    const { workshopId, participant } = socket.data;
    const everyone = await this.io.in(roomNames.workshop(workshopId)).fetchSockets();
    const people = new Map<string, Here>();
    let mine = 0;
    for (const s of everyone) {
      const row = s.id === socket.id ? participant : s.data.participant;
      if (row.id === participant.id) mine++;
      people.set(row.id, { row, sockets: 1, key: keyFor(row, this.salt) });
    }
    const me: Here = { row: participant, sockets: 1, key: keyFor(participant, this.salt) };
    people.set(participant.id, me);
    if (mine <= 1)
      socket.to(roomNames.workshop(workshopId)).emit('presence:join', entryFor(me, null));
    socket.emit(
      'presence:update',
      [...people.values()].map((h) => entryFor(h, participant.id)),
    );
  }

  /** A control socket went away: when it was the person's last, tell the room they left. */
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
    this.io.to(roomNames.workshop(workshopId)).emit('presence:leave', { key: known.key });
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
      void this.updatedAcross(row, old).catch(() => undefined);
      return;
    }
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

  /** Everyone here now, as `viewerId` may see them. */
  listFor(workshopId: string, viewerId: string): PresenceEntry[] {
    return [...this.here(workshopId).values()].map((h) => entryFor(h, viewerId));
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
