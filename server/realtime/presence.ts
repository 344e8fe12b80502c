/**
 * Who is in each workshop now, by participant (a person with two tabs is here once).
 * A joining socket gets the whole list once; everyone else gets one small `presence:join`
 * or `presence:leave`, encoded once for the room. Sending every socket the whole list on
 * every join cost N lists of N people per join (about 50 KiB of memory per participant
 * at 300 people, measured).
 */
import { randomBytes } from 'node:crypto';
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

/** An opaque random key for someone anonymous; the participant id otherwise. */
function keyFor(p: ParticipantRow): string {
  return p.anonymous ? `a-${randomBytes(6).toString('base64url')}` : p.id;
}

export class Presence {
  private readonly workshops = new Map<string, Map<string, Here>>();

  constructor(private readonly io: ControlServer) {}

  /** A control socket connected: send it the list, and tell the others if the person is new. */
  connected(socket: ControlSocket): void {
    const { workshopId, participant } = socket.data;
    const here = this.here(workshopId);
    const known = here.get(participant.id);
    if (known) {
      known.sockets++;
      known.row = participant;
    } else {
      here.set(participant.id, { row: participant, sockets: 1, key: keyFor(participant) });
      socket
        .to(roomNames.workshop(workshopId))
        .emit('presence:join', entryFor(here.get(participant.id)!, null));
    }
    socket.emit('presence:update', this.listFor(workshopId, participant.id));
  }

  /** A control socket went away: when it was the person's last, tell the room they left. */
  disconnected(socket: ControlSocket): void {
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

  /**
   * A person's details changed (erased): the room forgets their old entry and learns the
   * new one, under a new key, so nothing ties the two.
   */
  updated(row: ParticipantRow): void {
    const here = this.workshops.get(row.workshopId);
    const known = here?.get(row.id);
    if (!known) return;
    const room = roomNames.workshop(row.workshopId);
    this.io.to(room).emit('presence:leave', { key: known.key });
    known.row = row;
    known.key = keyFor(row);
    this.io.to(room).emit('presence:join', entryFor(known, null));
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
