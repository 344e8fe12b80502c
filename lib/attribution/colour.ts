/**
 * The colour rule (DESIGN §3), in one pure module. Colour is never a field anyone sets:
 * it is computed from who wrote a card's live characters and who endorsed its wording.
 */
import type { Group } from '../roles';

/** Each group must have written at least this share of a card's live characters for it to be joint. */
export const JOINT_MIN_SHARE = 0.2;

/** A card's colour: one group's, or joint (purple). */
export type Colour = Group | 'joint';

/** Why a card has its colour, so the UI can explain it in words. */
export type ColourReason = 'shares' | 'endorsed' | 'majority' | 'creator';

/** Live character counts of a card by the group that wrote them. */
export interface CharCounts {
  people: number;
  system: number;
  /** Characters whose author the roster does not know yet (never shown as a colour). */
  unknown: number;
}

/** Inputs to the rule for one card. */
export interface ColourInput {
  counts: CharCounts;
  /** The group of the participant who created the card; decides an empty card. */
  creatorGroup: Group | null;
  /** Groups with at least one member who endorsed the card's current text. */
  endorsedBy: ReadonlySet<Group>;
}

/** The result: colour, reason, and the two shares (0–1) of attributed characters. */
export interface ColourResult {
  colour: Colour;
  reason: ColourReason;
  shares: { people: number; system: number };
}

/** The rule in one plain sentence, shown in the UI. */
export const COLOUR_RULE_SENTENCE =
  'A card turns purple (joint) when people with lived experience and staff each wrote at least a fifth of it, or when someone from each group agrees with its wording. Otherwise it takes the colour of the group that wrote more.';

/** Apply the rule. Pure: same input, same answer, on every peer and on the server. */
export function cardColour({ counts, creatorGroup, endorsedBy }: ColourInput): ColourResult {
  const known = counts.people + counts.system;
  const shares =
    known === 0
      ? { people: 0, system: 0 }
      : { people: counts.people / known, system: counts.system / known };
  if (endorsedBy.has('people') && endorsedBy.has('system')) {
    return { colour: 'joint', reason: 'endorsed', shares };
  }
  if (known === 0) {
    return { colour: creatorGroup ?? 'system', reason: 'creator', shares };
  }
  if (shares.people >= JOINT_MIN_SHARE && shares.system >= JOINT_MIN_SHARE) {
    return { colour: 'joint', reason: 'shares', shares };
  }
  return {
    colour: counts.people >= counts.system ? 'people' : 'system',
    reason: 'majority',
    shares,
  };
}
