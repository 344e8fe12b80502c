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
import { originAllowed } from '../auth/origin';
import { SESSION_MAX_AGE_SECONDS, type Sessions } from '../auth/sessions';
import { newId, newWorkshopId } from '../auth/tokens';
import type { Config } from '../config';
import {
  type BoardPageData,
  type CreateWorkshopInput,
  type InviteInfo,
  type JoinInput,
  type Outcome,
  type RequestContext,
  type SessionGrant,
  sessionCookieName,
  type WorkshopFacade,
} from '../facade';
import { CLIENT_ADDRESS_HEADER } from '../http/clientAddress';
import { requestOrigin } from '../http/requestOrigin';
import type { Limits } from '../limits/Limits';
import { tooMany } from '../limits/tooMany';
import type { InviteRow, ParticipantRow, Store } from '../store/Store';
import { SERVER_CLIENT_ID } from '../yjs/inspectUpdate';
import type { Rooms } from '../yjs/rooms';
import { inviteViews } from './inviteViews';
import { hashToken, type LinkTokens, TOKEN_PATTERN } from './linkTokens';

export class Workshops implements WorkshopFacade {
  constructor(
    private readonly deps: {
      store: Store;
      sessions: Sessions;
      rooms: Rooms;
      config: Config;
      /** Derives link tokens; the store holds only their hashes. */
      tokens: LinkTokens;
      limits: Limits;
      /** Told when someone joins, so facilitators see join counts change live. */
      onJoin?: (p: ParticipantRow) => void;
    },
  ) {}

  requestContext(get: (name: string) => string | null): RequestContext {
    const { config } = this.deps;
    const origin = requestOrigin(get, config);
    // Browsers send Sec-Fetch-Site on every request; under Referrer-Policy no-referrer a
    // form post's Origin is "null", so the Origin header is only the fallback.
    const fetchSite = get('sec-fetch-site');
    const fromThisSite = fetchSite
      ? fetchSite === 'same-origin'
      : originAllowed(get('origin') ?? undefined, origin, config.allowedOrigins, config.publicUrl);
    return { origin, clientAddress: get(CLIENT_ADDRESS_HEADER) ?? undefined, fromThisSite };
  }

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

  async createWorkshop(
    input: CreateWorkshopInput,
    origin: string,
    clientAddress?: string,
  ): Promise<Outcome<SessionGrant>> {
    const parsed = createWorkshopSchema.safeParse(input);
    if (!parsed.success) return fail('invalidInput', parsed.error.issues[0]?.message);
    if (clientAddress) {
      const allowed = await this.deps.limits.createWorkshop(clientAddress);
      if (!allowed.ok)
        return tooMany(
          'Too many workshops have been created from this network in the last hour.',
          allowed.retryAfterSeconds,
        );
    }
    const data = parsed.data;
    const now = new Date().toISOString();
    const id = newWorkshopId();
    const facilitatorId = newId();
    const { tokens } = this.deps;
    const facilitator: ParticipantRow = {
      id: facilitatorId,
      workshopId: id,
      inviteId: null,
      name: data.facilitatorName,
      anonymous: data.anonymous,
      accessNeeds: null,
      group: data.facilitatorGroup,
      capability: 'facilitator',
      personalToken: tokens.personalHash(facilitatorId, 1),
      tokenGen: 1,
      createdAt: now,
      removedAt: null,
    };
    const invites: InviteRow[] = INVITE_KINDS.map((kind) => newInvite(tokens, id, kind, now));
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
    if (!TOKEN_PATTERN.test(token)) return fail('unknownWorkshop');
    const invite = await this.deps.store.getInviteByToken(hashToken(token));
    if (!invite) return fail('unknownWorkshop');
    if (invite.revokedAt) return fail('revoked');
    if (invite.maxJoins) {
      const listed = await this.deps.store.listInvites(invite.workshopId);
      const joined = listed.find((i) => i.id === invite.id)?.joined ?? 0;
      if (joined >= invite.maxJoins) return fail('linkFull');
    }
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

  async join(
    token: string,
    input: JoinInput,
    origin: string,
    clientAddress?: string,
  ): Promise<Outcome<SessionGrant>> {
    const parsed = joinSchema.safeParse(input);
    if (!parsed.success) return fail('invalidInput', parsed.error.issues[0]?.message);
    const invite = await this.openInvite(token);
    if (!invite.ok) return invite;
    const allowed = await this.deps.limits.join(invite.value.id, clientAddress);
    if (!allowed.ok)
      return tooMany(
        'Too many people have joined through this link or from this network just now.',
        allowed.retryAfterSeconds,
      );
    const { capability, group } = inviteGrants(invite.value.kind);
    const participantId = newId();
    const participant: ParticipantRow = {
      id: participantId,
      workshopId: invite.value.workshopId,
      inviteId: invite.value.id,
      name: parsed.data.name,
      anonymous: parsed.data.anonymous,
      accessNeeds: parsed.data.accessNeeds ?? null,
      group,
      capability,
      personalToken: this.deps.tokens.personalHash(participantId, 1),
      tokenGen: 1,
      createdAt: new Date().toISOString(),
      removedAt: null,
    };
    const added = await this.deps.store.addParticipantWithinCap(participant);
    if (added === 'full') return fail('linkFull');
    if (added === 'revoked') return fail('revoked');
    this.deps.rooms.participantUpdated(participant);
    this.deps.onJoin?.(participant);
    return { ok: true, value: this.grant(participant, origin) };
  }

  async resume(personalToken: string, origin: string): Promise<Outcome<SessionGrant>> {
    if (!TOKEN_PATTERN.test(personalToken)) return fail('unauthenticated');
    const p = await this.deps.store.getParticipantByPersonalToken(hashToken(personalToken));
    if (!p)
      return fail(
        'unauthenticated',
        'We could not find this personal link. Please check it was copied in full.',
      );
    const allowed = await this.deps.sessions.stillAllowed(p);
    if (!allowed.ok) return allowed;
    return { ok: true, value: this.grant(p, origin) };
  }

  /**
   * The person's current personal token. A legacy one (stored before tokens were hashed)
   * cannot be shown again, so it is replaced by a new one here, once.
   */
  private async personalToken(p: ParticipantRow): Promise<string> {
    const { tokens, store } = this.deps;
    const current = tokens.personal(p.id, p.tokenGen);
    if (current) return current;
    await store.setPersonalToken(p.id, tokens.personalHash(p.id, 1), 1);
    return tokens.personal(p.id, 1) ?? '';
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
        personalUrl: `${base}/p/${await this.personalToken(p)}`,
      },
    };
    if (p.capability === 'facilitator') {
      data.invites = await inviteViews(store, this.deps.tokens, workshopId, base);
    }
    return { ok: true, value: data };
  }
}

/** A new invite link of `kind`: its token's first generation, stored as a hash. */
export function newInvite(
  tokens: LinkTokens,
  workshopId: string,
  kind: InviteRow['kind'],
  now: string,
): InviteRow {
  const id = newId();
  return {
    id,
    workshopId,
    kind,
    token: tokens.inviteHash(id, 1),
    tokenGen: 1,
    createdAt: now,
    revokedAt: null,
  };
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
