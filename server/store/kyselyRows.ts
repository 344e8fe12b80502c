/**
 * Row mappers shared by the SQL adapters (SQLite and Postgres): stored snake_case rows with
 * 0/1 flags to the Store's camelCase rows, and back. Numbers go through `Number()` because
 * Postgres hands out bigint and count results as strings.
 */
import type { Insertable, Selectable } from 'kysely';
import type { Capability, Group, InviteKind } from '../../lib/roles';
import type { EndorsementRow, InviteRow, ParticipantRow, WorkshopRow } from './Store';
import type { Database } from './schema';

/** Drivers return Buffer; hand out plain Uint8Array views of the same bytes. */
export function bytes(value: Uint8Array): Uint8Array {
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

/** Optional columns added by migration 5 appear on rows only when they differ from 0. */
export function optionalNumber<K extends string>(
  key: K,
  value: number,
): Partial<Record<K, number>> {
  const n = Number(value);
  return n === 0 ? {} : ({ [key]: n } as Record<K, number>);
}

/** A stored workshop row as the Store hands it out. */
export function toWorkshop(r: Selectable<Database['workshops']>): WorkshopRow {
  return {
    id: r.id,
    title: r.title,
    question: r.question,
    createdAt: r.created_at,
    ...(r.closed_at ? { closedAt: r.closed_at } : {}),
  };
}

/** A stored invite row as the Store hands it out. */
export function toInvite(r: Selectable<Database['invites']>): InviteRow {
  return {
    id: r.id,
    workshopId: r.workshop_id,
    kind: r.kind as InviteKind,
    token: r.token,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    ...optionalNumber('tokenGen', r.token_gen),
    ...(r.max_joins === null ? {} : { maxJoins: Number(r.max_joins) }),
  };
}

/** A stored participant row as the Store hands it out. */
export function toParticipant(r: Selectable<Database['participants']>): ParticipantRow {
  return {
    id: r.id,
    workshopId: r.workshop_id,
    inviteId: r.invite_id,
    name: r.name,
    anonymous: r.anonymous !== 0,
    accessNeeds: r.access_needs,
    group: r.group_name as Group | null,
    capability: r.capability as Capability,
    personalToken: r.personal_token,
    createdAt: r.created_at,
    removedAt: r.removed_at,
    ...optionalNumber('tokenGen', r.token_gen),
    ...(r.erased_at ? { erasedAt: r.erased_at } : {}),
  };
}

/** The columns of a participant to insert. */
export function participantValues(p: ParticipantRow): Insertable<Database['participants']> {
  return {
    id: p.id,
    workshop_id: p.workshopId,
    invite_id: p.inviteId,
    name: p.name,
    anonymous: p.anonymous ? 1 : 0,
    access_needs: p.accessNeeds,
    group_name: p.group,
    capability: p.capability,
    personal_token: p.personalToken,
    created_at: p.createdAt,
    removed_at: p.removedAt,
    token_gen: p.tokenGen ?? 0,
    erased_at: p.erasedAt ?? null,
  };
}

/** A stored endorsement row as the Store hands it out. */
export function toEndorsement(r: Selectable<Database['endorsements']>): EndorsementRow {
  return {
    workshopId: r.workshop_id,
    cardId: r.card_id,
    participantId: r.participant_id,
    textHash: r.text_hash,
    seq: Number(r.seq),
    at: r.at,
  };
}
