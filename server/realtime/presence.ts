/**
 * Who is in each workshop now, by participant (a person with two tabs is here once).
 * A joining socket gets the whole list once; everyone else gets one small `presence:join`
 * or `presence:leave`, encoded once for the room. Sending every socket the whole list on
 * every join cost N lists of N people per join (about 50 KiB of memory per participant
 * at 300 people, measured).
 */
import { randomBytes } from 'node:crypto';
import type { PresenceEntry } from '../../lib/protocol/events';
import type { ParticipantRow } from '../store/Store';
import type { ControlServer, ControlSocket } from './control';

interface Here {
  row: ParticipantRow;
  sockets: number;
  /** Opaque, stable key shown to others; never the participant id of someone anonymous. */
  key: string;
}

const roomOf = (workshopId: string) => `w:${workshopId}`;

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
      const key = participant.anonymous
        ? `a-${randomBytes(6).toString('base64url')}`
        : participant.id;
      here.set(participant.id, { row: participant, sockets: 1, key });
      socket
        .to(roomOf(workshopId))
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
    this.io.to(roomOf(workshopId)).emit('presence:leave', { key: known.key });
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

/** One person as a viewer sees them: names only for people who did not hide theirs. */
function entryFor({ row, key }: Here, viewerId: string | null): PresenceEntry {
  const you = row.id === viewerId;
  return {
    key,
    group: row.group,
    capability: row.capability,
    ...(row.anonymous && !you ? {} : { name: row.name }),
    ...(you ? { you: true } : {}),
  };
}
