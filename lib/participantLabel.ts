/**
 * How a participant is named to others: kept as a path for existing imports; the rules
 * themselves live in the one visibility policy (`lib/visibility/policy.ts`).
 */
export { anonymousLabel, MIN_GROUP_FOR_ATTRIBUTION } from './visibility/policy';
