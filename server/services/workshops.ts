/**
 * Workshop operations behind the facade that route handlers use (DESIGN §4, §5):
 * create a workshop with its facilitator and invite links, join through an invite,
 * come back through a personal link, and load what the board page shows.
 */
import * as Y from 'yjs';
import { initBoard } from '../../lib/board/doc';
import { createWorkshopSchema, joinSchema } from '../../lib/forms';
import { fail } from '../../lib/protocol/reasons';
import { INVITE_KINDS, inviteGrants } from '../../lib/roles';
import { SESSION_MAX_AGE_SECONDS, type Sessions } from '../auth/sessions';
import { newId, newToken, newWorkshopId } from '../auth/tokens';
import type { Config } from '../config';
import {
  type BoardPageData,
  type CreateWorkshopInput,
  type InviteInfo,
  type JoinInput,
  type Outcome,
  type SessionGrant,
  sessionCookieName,
  type WorkshopFacade,
} from '../facade';
import type { InviteRow, ParticipantRow, Store } from '../store/Store';
import { SERVER_CLIENT_ID } from '../yjs/inspectUpdate';
import type { Rooms } from '../yjs/rooms';
import { inviteViews } from './inviteViews';

export class Workshops implements WorkshopFacade {
  constructor(
    private readonly deps: {
      store: Store;
      sessions: Sessions;
      rooms: Rooms;
      config: Config;
      /** Told when someone joins, so facilitators see join counts change live. */
      onJoin?: (p: ParticipantRow) => void;
    },
  ) {}

  private base(origin: string): string {
    return this.deps.config.publicUrl ?? origin.replace(/\/$/, '');
  }

  private grant(p: ParticipantRow, origin: string): SessionGrant {
    return {
      workshopId: p.workshopId,
      cookie: {
        name: sessionCookieName(p.workshopId),
        value: this.deps.sessions.issue(p),
        maxAgeSeconds: SESSION_MAX_AGE_SECONDS,
        secure: this.base(origin).startsWith('https:'),
      },
      boardPath: `/w/${p.workshopId}`,
    };
  }

  async createWorkshop(input: CreateWorkshopInput, origin: string): Promise<Outcome<SessionGrant>> {
    const parsed = createWorkshopSchema.safeParse(input);
    if (!parsed.success) return fail('invalidInput', parsed.error.issues[0]?.message);
    const data = parsed.data;
    const now = new Date().toISOString();
    const id = newWorkshopId();
    const facilitator: ParticipantRow = {
      id: newId(),
      workshopId: id,
      inviteId: null,
      name: data.facilitatorName,
      anonymous: data.anonymous,
      accessNeeds: null,
      group: data.facilitatorGroup,
      capability: 'facilitator',
      personalToken: newToken(),
      createdAt: now,
      removedAt: null,
    };
    const invites: InviteRow[] = INVITE_KINDS.map((kind) => ({
      id: newId(),
      workshopId: id,
      kind,
      token: newToken(),
      createdAt: now,
      revokedAt: null,
    }));
    const { store } = this.deps;
    await store.createWorkshop(
      { id, title: data.title, question: data.question, createdAt: now },
      facilitator,
      invites,
    );
    await store.appendUpdate({
      workshopId: id,
      data: initialBoard(),
      participantId: null,
      bindings: [],
      attributions: [],
      createdCards: [],
    });
    return { ok: true, value: this.grant(facilitator, origin) };
  }

  private async openInvite(token: string): Promise<Outcome<InviteRow>> {
    if (!/^[A-Za-z0-9_-]{10,64}$/.test(token)) return fail('unknownWorkshop');
    const invite = await this.deps.store.getInviteByToken(token);
    if (!invite) return fail('unknownWorkshop');
    if (invite.revokedAt) return fail('revoked');
    return { ok: true, value: invite };
  }

  async inviteInfo(token: string): Promise<Outcome<InviteInfo>> {
    const invite = await this.openInvite(token);
    if (!invite.ok) return invite;
    const workshop = await this.deps.store.getWorkshop(invite.value.workshopId);
    if (!workshop) return fail('unknownWorkshop');
    return {
      ok: true,
      value: {
        workshopTitle: workshop.title,
        question: workshop.question,
        kind: invite.value.kind,
      },
    };
  }

  async join(token: string, input: JoinInput, origin: string): Promise<Outcome<SessionGrant>> {
    const parsed = joinSchema.safeParse(input);
    if (!parsed.success) return fail('invalidInput', parsed.error.issues[0]?.message);
    const invite = await this.openInvite(token);
    if (!invite.ok) return invite;
    const { capability, group } = inviteGrants(invite.value.kind);
    const participant: ParticipantRow = {
      id: newId(),
      workshopId: invite.value.workshopId,
      inviteId: invite.value.id,
      name: parsed.data.name,
      anonymous: parsed.data.anonymous,
      accessNeeds: parsed.data.accessNeeds ?? null,
      group,
      capability,
      personalToken: newToken(),
      createdAt: new Date().toISOString(),
      removedAt: null,
    };
    await this.deps.store.addParticipant(participant);
    this.deps.rooms.participantUpdated(participant);
    this.deps.onJoin?.(participant);
    return { ok: true, value: this.grant(participant, origin) };
  }

  async resume(personalToken: string, origin: string): Promise<Outcome<SessionGrant>> {
    if (!/^[A-Za-z0-9_-]{10,64}$/.test(personalToken)) return fail('unauthenticated');
    const p = await this.deps.store.getParticipantByPersonalToken(personalToken);
    if (!p)
      return fail(
        'unauthenticated',
        'We could not find this personal link. Please check it was copied in full.',
      );
    const allowed = await this.deps.sessions.stillAllowed(p);
    if (!allowed.ok) return allowed;
    return { ok: true, value: this.grant(p, origin) };
  }

  async boardPage(
    workshopId: string,
    cookieValue: string | undefined,
    origin: string,
  ): Promise<Outcome<BoardPageData>> {
    const { store, sessions } = this.deps;
    const workshop = await store.getWorkshop(workshopId);
    if (!workshop) return fail('unknownWorkshop');
    const auth = await sessions.authenticate(workshopId, cookieValue);
    if (!auth.ok) return auth;
    const p = auth.value;
    const base = this.base(origin);
    const data: BoardPageData = {
      workshop,
      me: {
        participantId: p.id,
        name: p.name,
        anonymous: p.anonymous,
        group: p.group,
        capability: p.capability,
        personalUrl: `${base}/p/${p.personalToken}`,
      },
    };
    if (p.capability === 'facilitator') {
      data.invites = await inviteViews(store, workshopId, base);
    }
    return { ok: true, value: data };
  }
}

/** The first update of every board: its schema version, written by the server. */
function initialBoard(): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = SERVER_CLIENT_ID;
  initBoard(doc, 'server');
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
