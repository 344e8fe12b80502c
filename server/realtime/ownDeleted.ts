/**
 * "Cards you deleted" over the control channel (issue 13): each person gets `deleted:mine`,
 * the cards whose latest deletion was theirs, on connect and whenever a delete or restore
 * concerns them. Only people who may restore their own deletions get a non-empty list.
 */

import {
  lastDeleterOf,
  type OwnDeletedCard,
  ownDeletedCards,
} from '../../lib/board/ownDeletedCards';
import { can } from '../../lib/roles';
import type { CardEventRow, ParticipantRow, Store } from '../store/Store';
import type { ControlServer, ControlSocket } from './control';
import { roomNames } from './roomNames';
import { greet } from './welcomeLetter';

function listFor(events: readonly CardEventRow[], p: ParticipantRow | undefined): OwnDeletedCard[] {
  if (!p || p.removedAt || !can(p.capability, 'card:restore-own')) return [];
  return ownDeletedCards(events, p.id);
}

/** Sends each person their own deleted cards. */
export class OwnDeleted {
  constructor(
    private readonly io: ControlServer,
    private readonly store: Store,
  ) {}

  /** Send newly connected sockets of one workshop each its person's list, from one read. */
  async welcome(workshopId: string, sockets: readonly ControlSocket[]): Promise<void> {
    const events = await this.store.listCardEvents(workshopId);
    for (const s of sockets) greet(s, 'deleted:mine', listFor(events, s.data.participant));
  }

  /**
   * `actor` deleted or restored `cardId`: send the new list to them and to whoever made the
   * card's latest deletion (a facilitator's restore changes that person's list).
   */
  async changed(actor: ParticipantRow, cardId: string): Promise<void> {
    const events = await this.store.listCardEvents(actor.workshopId);
    const people = new Map(
      (await this.store.listParticipants(actor.workshopId)).map((p) => [p.id, p]),
    );
    const concerned = new Set([actor.id, lastDeleterOf(events, cardId)]);
    for (const id of concerned) {
      if (id === null) continue;
      this.io.to(roomNames.person(id)).emit('deleted:mine', listFor(events, people.get(id)));
    }
  }
}
