/**
 * Groups, capabilities and the one permission table (DESIGN §2).
 * A person's group and capability are fixed by the invite link they joined through.
 */

/** Constituency: `people` have lived experience (pink), `system` are staff (blue). */
export const GROUPS = ['people', 'system'] as const;
export type Group = (typeof GROUPS)[number];

/** What a participant may do in a workshop. */
export const CAPABILITIES = ['facilitator', 'contributor', 'observer'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Invite kinds: one link per group, one for observers (who have no group). */
export const INVITE_KINDS = ['people', 'system', 'observer'] as const;
export type InviteKind = (typeof INVITE_KINDS)[number];

/** Everything a participant can try to do; `can()` answers from one table. */
export type Action =
  | 'board:write'
  | 'card:endorse'
  | 'card:delete-own'
  | 'card:delete-any'
  | 'card:restore'
  | 'card:restore-own'
  | 'invite:manage'
  | 'participant:remove'
  | 'workshop:manage'
  | 'round:manage'
  | 'ballot:cast'
  /** Timer, focus, locks, hands queue, balance, attendance, co-facilitators (issue 11). */
  | 'session:facilitate'
  /** Write to a locked card or section (issue 11). */
  | 'lock:bypass'
  | 'hand:raise'
  /** Save an outcome, add actions and change their status, close priorities, remove readings (issue 9). */
  | 'record:decide'
  /** Add a reading to a quality indicator (issue 9). */
  | 'reading:add';

const TABLE: Record<Capability, ReadonlySet<Action>> = {
  facilitator: new Set<Action>([
    'board:write',
    'card:endorse',
    'card:delete-own',
    'card:delete-any',
    'card:restore',
    'card:restore-own',
    'invite:manage',
    'participant:remove',
    'workshop:manage',
    'round:manage',
    'ballot:cast',
    'session:facilitate',
    'lock:bypass',
    'hand:raise',
    'record:decide',
    'reading:add',
  ]),
  contributor: new Set<Action>([
    'board:write',
    'card:endorse',
    'card:delete-own',
    'card:restore-own',
    'ballot:cast',
    'hand:raise',
    'reading:add',
  ]),
  observer: new Set<Action>(['hand:raise']),
};

/** True when a participant with this capability may perform `action`. */
export function can(capability: Capability, action: Action): boolean {
  return TABLE[capability].has(action);
}

/** Plain-English label for each group, used in text beside every colour. */
export const GROUP_LABEL: Record<Group | 'joint', string> = {
  people: 'Lived experience',
  system: 'Staff',
  joint: 'Joint',
};

/** The capability and group an invite of this kind grants. */
export function inviteGrants(kind: InviteKind): { capability: Capability; group: Group | null } {
  return kind === 'observer'
    ? { capability: 'observer', group: null }
    : { capability: 'contributor', group: kind };
}
