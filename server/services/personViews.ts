/** The facilitators' people list: one place builds it, the visibility policy labels it. */
import type { PersonView } from '../../lib/protocol/peopleEvents';
import { groupOrdinals, peopleListLabel } from '../../lib/visibility/policy';
import type { ParticipantRow } from '../store/Store';

/** Everyone of a workshop (removed people included, for stable numbers) as views, by key. */
export function personViews(rows: readonly ParticipantRow[]): Map<string, PersonView> {
  const ordinals = groupOrdinals(rows);
  const out = new Map<string, PersonView>();
  for (const p of rows) {
    const ordinal = ordinals.get(p.id) ?? 0;
    const key = `${p.group ?? 'observer'}-${ordinal}`;
    out.set(p.id, {
      key,
      group: p.group,
      capability: p.capability,
      label: peopleListLabel(p, ordinal),
      accessNeeds: p.accessNeeds,
      joinedAt: p.createdAt,
      inviteId: p.inviteId,
      erased: Boolean(p.erasedAt),
    });
  }
  return out;
}

/**
 * The people list as facilitators see it: removed people, and people whose link was
 * turned off, are no longer in it.
 */
export function peopleList(
  rows: readonly ParticipantRow[],
  revokedInvites: ReadonlySet<string>,
): PersonView[] {
  const views = personViews(rows);
  return rows
    .filter((p) => !p.removedAt && !(p.inviteId && revokedInvites.has(p.inviteId)))
    .map((p) => views.get(p.id) as PersonView);
}

/** The participant a people-list key names, if any. */
export function participantByKey(
  rows: readonly ParticipantRow[],
  key: string,
): ParticipantRow | undefined {
  const views = personViews(rows);
  return rows.find((p) => views.get(p.id)?.key === key);
}
