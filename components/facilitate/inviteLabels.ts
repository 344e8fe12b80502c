/** Plain names for invite links, so a facilitator can tell two links of one group apart. */
import type { InviteView } from '../../lib/protocol/events';

/** Plain names for the three kinds of link. */
export const INVITE_TITLE: Record<InviteView['kind'], string> = {
  people: 'Link for people with lived experience',
  system: 'Link for staff',
  observer: 'Link for observers (they can only read)',
};

const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth'];

/** invite id → "Link for staff (second link, turned off)"; plain title when a kind has one link. */
export function inviteLabels(invites: readonly InviteView[]): Map<string, string> {
  const byKind = new Map<InviteView['kind'], InviteView[]>();
  for (const i of [...invites].sort((a, b) => a.createdAt.localeCompare(b.createdAt)))
    byKind.set(i.kind, [...(byKind.get(i.kind) ?? []), i]);
  const out = new Map<string, string>();
  for (const [kind, list] of byKind)
    list.forEach((i, n) => {
      const extra: string[] = [];
      if (list.length > 1) extra.push(`${ORDINAL[n] ?? `number ${n + 1}`} link`);
      if (i.revoked) extra.push('turned off');
      out.set(
        i.id,
        extra.length ? `${INVITE_TITLE[kind]} (${extra.join(', ')})` : INVITE_TITLE[kind],
      );
    });
  return out;
}
