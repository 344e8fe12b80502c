/**
 * "Cards you deleted" (issue 13): of a workshop's delete/restore events, the cards whose
 * latest event is a deletion by this person. Nobody else's name or deletion is included.
 */

/** One delete or restore of a card, as the store records it (oldest first). */
export interface CardDeleteEvent {
  cardId: string;
  participantId: string;
  action: 'delete' | 'restore';
  at: string;
}

/** A card you deleted and may restore. */
export interface OwnDeletedCard {
  cardId: string;
  deletedAt: string;
}

/** The cards whose most recent delete/restore event is a deletion by `participantId`. */
export function ownDeletedCards(
  events: readonly CardDeleteEvent[],
  participantId: string,
): OwnDeletedCard[] {
  const latest = new Map<string, CardDeleteEvent>();
  for (const e of events) latest.set(e.cardId, e);
  return [...latest.values()]
    .filter((e) => e.action === 'delete' && e.participantId === participantId)
    .map((e) => ({ cardId: e.cardId, deletedAt: e.at }));
}

/** Who deleted the card last (the person whose list changes when it comes back), if anyone. */
export function lastDeleterOf(events: readonly CardDeleteEvent[], cardId: string): string | null {
  return (
    events.filter((e) => e.cardId === cardId && e.action === 'delete').at(-1)?.participantId ?? null
  );
}
