/**
 * Balance nudges (issue 11): each group's share of what was written and of the hands
 * raised, and a gentle note when one group wrote most of it. Pure: the server feeds it
 * the attribution log, never the clients' guesses.
 */
import { GROUP_LABEL, type Group } from '../roles';

/** One group's share, 0–100, of the characters written and of the hands raised. */
export interface GroupShare {
  group: Group;
  chars: number;
  charShare: number;
  hands: number;
  handShare: number;
}

/** The balance as the facilitator's panel shows it. */
export interface BalanceView {
  since: string | null;
  groups: GroupShare[];
  /** A gentle note when one group wrote at least NUDGE_SHARE % of a large enough amount. */
  note: string | null;
}

/** Share (per cent) at or above which the panel shows a note. */
export const NUDGE_SHARE = 70;
/** Below this many characters the shares mean little, so no note. */
export const NUDGE_MIN_CHARS = 40;

const pct = (n: number, total: number) => (total === 0 ? 0 : Math.round((n * 100) / total));

/** Shares from characters and hands per group, with the note when one group dominates. */
export function balanceOf(
  chars: Record<Group, number>,
  hands: Record<Group, number>,
  since: string | null,
  sinceLabel: string,
): BalanceView {
  const totalChars = chars.people + chars.system;
  const totalHands = hands.people + hands.system;
  const groups = (['people', 'system'] as const).map((group) => ({
    group,
    chars: chars[group],
    charShare: pct(chars[group], totalChars),
    hands: hands[group],
    handShare: pct(hands[group], totalHands),
  }));
  const top = groups.find((g) => g.charShare >= NUDGE_SHARE);
  const note =
    top && totalChars >= NUDGE_MIN_CHARS
      ? `${GROUP_LABEL[top.group]} have written ${top.charShare} % of the text ${sinceLabel}. You could invite the other group in.`
      : null;
  return { since, groups, note };
}
