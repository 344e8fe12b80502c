/**
 * People and links on the control channel (issue 8 §4, §7; issue 13): the facilitators'
 * people list as one small change per join, removing and erasing a participant, erasing
 * your own details, new and capped invite links, rotating your personal link, editing,
 * closing and deleting a workshop. Each action: zod-validated (by Control), permission
 * checked, stored, then broadcast.
 */

import {
  emptySchema,
  inviteCapSchema,
  inviteCreateSchema,
  type PersonView,
  personRefSchema,
  workshopCloseSchema,
  workshopDeleteSchema,
  workshopEditSchema,
} from '../../lib/protocol/peopleEvents';
import { fail, type Reason } from '../../lib/protocol/reasons';
import { type Action, can } from '../../lib/roles';
import { erasedName } from '../../lib/visibility/policy';
import type { Logger } from '../log';
import type { LinkTokens } from '../services/linkTokens';
import { participantByKey, peopleList, personViews } from '../services/personViews';
import { newInvite } from '../services/workshops';
import type { ParticipantRow, Store } from '../store/Store';
import type { Rooms } from '../yjs/rooms';
import type { ControlModule, ControlServer, ControlSocket, Register } from './controlModule';
import type { Presence } from './presence';
import { roomNames } from './roomNames';
import { greet } from './welcomeLetter';

/** What the module needs from the rest of the control channel. */
export interface PeopleDeps {
  io: ControlServer;
  rooms: Rooms;
  store: Store;
  tokens: LinkTokens;
  presence: Presence;
  log: Logger;
  /** Send every facilitator the invite links again. */
  publishInvites(workshopId: string): Promise<void>;
  /** Tell these people their access ended, and disconnect their control sockets. */
  endSessions(ids: ReadonlySet<string>, reason: Reason): void;
}

export class People implements ControlModule {
  constructor(private readonly deps: PeopleDeps) {}

  attach(on: Register): void {
    on('person:remove', personRefSchema, (p, d) => this.remove(p, d.key));
    on('person:erase', personRefSchema, (p, d) => this.eraseByKey(p, d.key));
    on('me:erase', emptySchema, async (p) => {
      await this.erase(p, { newLink: false });
      return { ok: true };
    });
    on('me:rotateLink', emptySchema, async (p) => {
      // The session's row may be older than the last rotation: read the generation afresh.
      const { store, tokens } = this.deps;
      const gen = ((await store.getParticipant(p.id))?.tokenGen ?? 0) + 1;
      await store.setPersonalToken(p.id, tokens.personalHash(p.id, gen), gen);
      return { ok: true, path: `/p/${tokens.personal(p.id, gen)}` };
    });
    on('invite:create', inviteCreateSchema, (p, d) =>
      this.facilitate(p, 'invite:manage', async () => {
        const invite = newInvite(this.deps.tokens, p.workshopId, d.kind, new Date().toISOString());
        await this.deps.store.addInvite(invite);
        await this.deps.publishInvites(p.workshopId);
        return undefined;
      }),
    );
    on('invite:cap', inviteCapSchema, (p, d) =>
      this.facilitate(p, 'invite:manage', async () => {
        if (!(await this.deps.store.setInviteCap(p.workshopId, d.inviteId, d.maxJoins)))
          return fail('invalidInput');
        await this.deps.publishInvites(p.workshopId);
        return undefined;
      }),
    );
    on('workshop:edit', workshopEditSchema, (p, d) =>
      this.facilitate(p, 'workshop:manage', async () => {
        await this.deps.store.updateWorkshop(p.workshopId, d);
        await this.publishWorkshop(p.workshopId);
        return undefined;
      }),
    );
    on('workshop:close', workshopCloseSchema, (p, d) =>
      this.facilitate(p, 'workshop:manage', async () => {
        const at = d.closed ? new Date().toISOString() : null;
        await this.deps.store.setWorkshopClosed(p.workshopId, at);
        await this.publishWorkshop(p.workshopId);
        return undefined;
      }),
    );
    on('workshop:delete', workshopDeleteSchema, (p) =>
      this.facilitate(p, 'workshop:manage', async () => {
        await this.deleteWorkshop(p.workshopId);
        return undefined;
      }),
    );
  }

  /** A facilitator's new connection gets the whole list once. */
  async welcome(socket: ControlSocket): Promise<void> {
    const { participant } = socket.data;
    if (participant.capability !== 'facilitator') return;
    greet(socket, 'people:update', await this.list(participant.workshopId));
  }

  /** Everyone who has joined and still has access, labelled by the visibility policy. */
  async list(workshopId: string): Promise<PersonView[]> {
    const { store } = this.deps;
    const [rows, invites] = await Promise.all([
      store.listParticipants(workshopId),
      store.listInvites(workshopId),
    ]);
    return peopleList(rows, new Set(invites.filter((i) => i.revokedAt).map((i) => i.id)));
  }

  /** A link was turned off: the people who joined with it leave the facilitators' list. */
  async lostAccess(workshopId: string, ids: ReadonlySet<string>): Promise<void> {
    const views = personViews(await this.deps.store.listParticipants(workshopId));
    for (const id of ids) {
      const key = views.get(id)?.key;
      if (key) this.changed(workshopId, key, null);
    }
  }

  /** Someone joined: facilitators get that one person, not the whole list again. */
  async joined(p: ParticipantRow): Promise<void> {
    const view = personViews(await this.deps.store.listParticipants(p.workshopId)).get(p.id);
    if (view) this.deps.io.to(roomNames.facilitators(p.workshopId)).emit('people:join', view);
  }

  /** Delete a workshop and everything in it, closing every live connection first. */
  async deleteWorkshop(workshopId: string): Promise<void> {
    const { rooms, store, io } = this.deps;
    const everyone = new Set((await store.listParticipants(workshopId)).map((x) => x.id));
    rooms.discard(workshopId, 'workshopDeleted');
    await store.deleteWorkshop(workshopId);
    // After this turn, so the facilitator's acknowledgement goes out before their socket closes.
    setImmediate(() => {
      this.deps.endSessions(everyone, 'workshopDeleted');
      io.in(roomNames.workshop(workshopId)).disconnectSockets(true);
    });
  }

  private async facilitate(
    p: ParticipantRow,
    action: Action,
    run: () => Promise<{ ok: false; reason: Reason; message: string } | undefined>,
  ) {
    if (!can(p.capability, action)) return fail('forbidden');
    return (await run()) ?? { ok: true as const };
  }

  private async target(p: ParticipantRow, key: string) {
    const rows = await this.deps.store.listParticipants(p.workshopId);
    const who = participantByKey(rows, key);
    if (!who || who.removedAt) return fail('invalidInput', 'That person is no longer here.');
    if (who.id === p.id) return fail('forbidden', 'You cannot do that to yourself here.');
    return { ok: true as const, value: who };
  }

  private remove(p: ParticipantRow, key: string) {
    return this.facilitate(p, 'participant:remove', async () => {
      const who = await this.target(p, key);
      if (!who.ok) return who;
      const { store, rooms } = this.deps;
      const at = new Date().toISOString();
      await store.removeParticipant(p.workshopId, who.value.id, at);
      const ids = new Set([who.value.id]);
      rooms.participantUpdated({ ...who.value, removedAt: at });
      rooms.closeParticipants(p.workshopId, ids, 'removed');
      this.deps.endSessions(ids, 'removed');
      this.changed(p.workshopId, key, null);
      await this.deps.publishInvites(p.workshopId);
      return undefined;
    });
  }

  private eraseByKey(p: ParticipantRow, key: string) {
    return this.facilitate(p, 'participant:remove', async () => {
      const who = await this.target(p, key);
      if (!who.ok) return who;
      await this.erase(who.value, { newLink: true });
      return undefined;
    });
  }

  /**
   * Erase a person's name and access needs (and, when a facilitator does it, their
   * personal link): they become "a participant (lived experience)" in the store, in the
   * roster everyone already holds, in "here now" and in the people list.
   */
  private async erase(who: ParticipantRow, opts: { newLink: boolean }): Promise<void> {
    const { store, tokens } = this.deps;
    const gen = (who.tokenGen ?? 0) + 1;
    const row = await store.updateParticipant(who.id, {
      name: erasedName(who.group),
      anonymous: true,
      accessNeeds: null,
      erasedAt: new Date().toISOString(),
      ...(opts.newLink ? { personalToken: tokens.personalHash(who.id, gen), tokenGen: gen } : {}),
    });
    if (!row) return;
    this.deps.rooms.participantUpdated(row);
    this.deps.presence.updated(row, who);
    const view = personViews(await store.listParticipants(row.workshopId)).get(row.id);
    if (view) this.changed(row.workshopId, view.key, view);
  }

  private changed(workshopId: string, key: string, person: PersonView | null): void {
    this.deps.io.to(roomNames.facilitators(workshopId)).emit('people:change', { key, person });
  }

  private async publishWorkshop(workshopId: string): Promise<void> {
    const w = await this.deps.store.getWorkshop(workshopId);
    if (!w) return;
    this.deps.io.to(roomNames.workshop(workshopId)).emit('workshop:update', {
      title: w.title,
      question: w.question,
      closedAt: w.closedAt ?? null,
    });
  }
}
