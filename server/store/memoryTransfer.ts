/**
 * The in-memory adapter's side of a workshop file (issue 12, I61): its maps to the file's
 * stored-row shape and back, so a workshop moves between the memory store and the SQL
 * ones unchanged (the contract suite moves one each way and compares the files).
 */
import type { z } from 'zod';
import type { UpdateRanges } from '../../lib/board/historyRanges';
import type { FacilitationState } from '../../lib/facilitation/state';
import type { Capability, Group, InviteKind } from '../../lib/roles';
import { participantValues } from './kyselyRows';
import type { RecordsDump } from './memoryRecords';
import type { StoredRound } from './memoryVoting';
import {
  actionValues,
  closureValues,
  outcomeValues,
  readingValues,
  toAction,
  toClosure,
  toOutcome,
  toReading,
} from './recordsQueries';
import type {
  AttendanceRow,
  AttributionRow,
  Binding,
  CardEventRow,
  CastOutcome,
  EndorsementRow,
  HistorySource,
  InviteRow,
  ParticipantRow,
  RevertRow,
  RoundRow,
  StoredUpdate,
  SummarySettingsRow,
  WorkshopRow,
} from './Store';
import { type FileRow, fileRows, type WORKSHOP_TABLES, type WorkshopTable } from './workshopFile';

type CastFailureReason = Extract<CastOutcome, { ok: false }>['reason'];

/** A stored update with who sent it and when (the SQL `updates` row). */
export interface LoggedUpdate extends StoredUpdate {
  participantId: string | null;
  at: string;
}

/** One workshop's board: its update log, snapshot and what compaction keeps. */
export interface Board {
  updates: LoggedUpdate[];
  snapshot: { seq: number; data: Uint8Array; at: string } | null;
  bindings: Map<number, Binding>;
  creators: Map<string, string | null>;
  attributions: AttributionRow[];
  /** Card history kept for compacted updates (`card_history`), by seq. */
  kept: Map<number, HistorySource>;
  /** Restores of earlier card versions (`card_reverts`). */
  reverts: RevertRow[];
}

/** An empty board. */
export function emptyBoard(): Board {
  return {
    updates: [],
    snapshot: null,
    bindings: new Map(),
    creators: new Map(),
    attributions: [],
    kept: new Map(),
    reverts: [],
  };
}

/** One stored update of a person's private draft (the SQL `draft_updates` row). */
export interface StoredDraft {
  participantId: string;
  seq: number;
  data: Uint8Array;
  cards: number;
  at: string;
}

/** Everything the memory store holds for one workshop. */
export interface MemoryWorkshop {
  workshop: WorkshopRow;
  invites: InviteRow[];
  participants: ParticipantRow[];
  board: Board;
  events: CardEventRow[];
  endorsements: EndorsementRow[];
  rounds: StoredRound[];
  summary: { row: SummarySettingsRow; updatedAt: string } | null;
  facilitation: { state: FacilitationState; updatedAt: string } | null;
  attendance: AttendanceRow[];
  drafts: StoredDraft[];
  records: RecordsDump;
}

const flag = (b: boolean | undefined) => (b ? 1 : 0);

/** The file's tables for one memory workshop. */
export function toFileTables(m: MemoryWorkshop): Record<WorkshopTable, FileRow[]> {
  const w = m.workshop.id;
  const b = m.board;
  const rows = {
    workshops: [
      {
        id: w,
        title: m.workshop.title,
        question: m.workshop.question,
        created_at: m.workshop.createdAt,
        closed_at: m.workshop.closedAt ?? null,
      },
    ],
    invites: m.invites.map((i) => ({
      id: i.id,
      workshop_id: w,
      kind: i.kind,
      token: i.token,
      created_at: i.createdAt,
      revoked_at: i.revokedAt,
      token_gen: i.tokenGen ?? 0,
      max_joins: i.maxJoins ?? null,
    })),
    participants: m.participants.map(participantValues),
    client_bindings: [...b.bindings.values()].map((x) => ({
      workshop_id: w,
      client_id: x.clientId,
      participant_id: x.participantId,
      identifiable: flag(x.identifiable),
    })),
    updates: b.updates.map((u) => ({
      workshop_id: w,
      seq: u.seq,
      data: u.data,
      participant_id: u.participantId,
      created_at: u.at,
    })),
    snapshots: b.snapshot
      ? [
          {
            workshop_id: w,
            upto_seq: b.snapshot.seq,
            data: b.snapshot.data,
            created_at: b.snapshot.at,
          },
        ]
      : [],
    attributions: b.attributions.map((a) => ({
      workshop_id: w,
      seq: a.seq,
      participant_id: a.participantId,
      card_id: a.cardId,
      field: a.field,
      inserted: a.inserted,
      deleted: a.deleted,
    })),
    card_creators: [...b.creators].map(([card, who]) => ({
      workshop_id: w,
      card_id: card,
      participant_id: who,
    })),
    card_events: m.events.map((e) => ({
      workshop_id: w,
      card_id: e.cardId,
      participant_id: e.participantId,
      action: e.action,
      at: e.at,
      identifiable: flag(e.identifiable),
    })),
    endorsements: m.endorsements.map((e) => ({
      workshop_id: w,
      card_id: e.cardId,
      participant_id: e.participantId,
      text_hash: e.textHash,
      seq: e.seq,
      at: e.at,
    })),
    ...roundTables(m.rounds),
    card_history: [...b.kept.values()].map((h) => ({
      workshop_id: w,
      seq: h.seq,
      participant_id: h.participantId,
      at: h.at,
      ranges: JSON.stringify(h.ranges),
    })),
    card_reverts: b.reverts.map((r) => ({
      workshop_id: w,
      seq: r.seq,
      card_id: r.cardId,
      participant_id: r.participantId,
      to_seq: r.toSeq,
      at: r.at,
    })),
    summary_settings: m.summary
      ? [
          {
            workshop_id: w,
            share_draft: flag(m.summary.row.shareDraft),
            final_at: m.summary.row.finalAt,
            updated_at: m.summary.updatedAt,
          },
        ]
      : [],
    facilitation: m.facilitation
      ? [
          {
            workshop_id: w,
            state: JSON.stringify(m.facilitation.state),
            updated_at: m.facilitation.updatedAt,
          },
        ]
      : [],
    attendance: m.attendance.map((a) => ({
      id: a.id,
      workshop_id: w,
      participant_id: a.participantId,
      joined_at: a.joinedAt,
      left_at: a.leftAt,
    })),
    draft_updates: m.drafts.map((d) => ({
      workshop_id: w,
      participant_id: d.participantId,
      seq: d.seq,
      data: d.data,
      cards: d.cards,
      at: d.at,
    })),
    // Spread: the stored outcome type is an interface, which `satisfies` below cannot index.
    outcomes: m.records.outcomes.map((o) => ({ ...outcomeValues(o) })),
    outcome_history: m.records.history.map((h) => ({ ...outcomeValues(h), version: h.version })),
    priority_closures: m.records.closures.map(closureValues),
    record_actions: m.records.actions.map(actionValues),
    readings: m.records.readings.map(readingValues),
  } satisfies Record<WorkshopTable, Record<string, unknown>[]>;
  const out = {} as Record<WorkshopTable, FileRow[]>;
  for (const [t, r] of Object.entries(rows))
    out[t as WorkshopTable] = fileRows(t as WorkshopTable, r);
  return out;
}

function roundTables(rounds: StoredRound[]) {
  return {
    rounds: rounds.map(({ round: r }) => ({
      id: r.id,
      workshop_id: r.workshopId,
      section: r.section as RoundRow['section'],
      budget: r.budget,
      per_card_cap: r.perCardCap,
      deadline: r.deadline,
      results_visibility: r.resultsVisibility,
      opened_at: r.openedAt,
      opened_by: r.openedBy,
      closed_at: r.closedAt,
      divergence_points: r.divergencePoints,
      eligible_people: r.frozen?.people.eligible ?? null,
      eligible_system: r.frozen?.system.eligible ?? null,
      voted_people: r.frozen?.people.voted ?? null,
      voted_system: r.frozen?.system.voted ?? null,
    })),
    round_candidates: rounds.flatMap(({ candidates }) =>
      candidates.map((c) => ({
        round_id: c.roundId,
        card_id: c.cardId,
        text: c.text,
        position: c.position,
        removed_at: c.removedAt,
        added_at: c.addedAt,
      })),
    ),
    ballots: rounds.flatMap(({ ballots }) =>
      ballots.map((x) => ({
        round_id: x.roundId,
        participant_id: x.participantId,
        card_id: x.cardId,
        dots: x.dots,
      })),
    ),
    ballot_keys: rounds.flatMap(({ round, keys }) =>
      keys.map((k) => ({
        round_id: round.id,
        participant_id: k.participantId,
        key: k.key,
        card_id: k.cardId,
        dots: k.dots,
        ok: k.outcome.ok ? 1 : 0,
        reason: k.outcome.ok ? null : k.outcome.reason,
        dots_on_card: k.outcome.ok ? k.outcome.dotsOnCard : null,
        dots_left: k.outcome.ok ? k.outcome.dotsLeft : null,
        at: k.at,
      })),
    ),
  };
}

// ── From the file back to memory ──────────────────────────────────────────────────

/** A row of table `T` as the file's schema describes it. */
type RowOf<T extends WorkshopTable> = z.infer<(typeof WORKSHOP_TABLES)[T]['row']>;
/** The rows of one table of a file zod has validated. */
type Get = <T extends WorkshopTable>(t: T) => RowOf<T>[];
const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

/** One memory workshop from a validated file's tables. */
export function fromFileTables(tables: Record<WorkshopTable, FileRow[]>): MemoryWorkshop {
  const get: Get = (t) => tables[t] as RowOf<typeof t>[];
  const [w] = get('workshops');
  if (!w) throw new Error('the file holds no workshop');
  const workshop: WorkshopRow = {
    id: w.id,
    title: w.title,
    question: w.question,
    createdAt: w.created_at,
    closedAt: w.closed_at,
  };
  return {
    workshop,
    invites: get('invites').map((i) => ({
      id: i.id,
      workshopId: i.workshop_id,
      kind: i.kind as InviteKind,
      token: i.token,
      createdAt: i.created_at,
      revokedAt: i.revoked_at,
      tokenGen: i.token_gen,
      maxJoins: i.max_joins,
    })),
    participants: get('participants').map((p) => ({
      id: p.id,
      workshopId: p.workshop_id,
      inviteId: p.invite_id,
      name: p.name,
      anonymous: p.anonymous === 1,
      accessNeeds: p.access_needs,
      group: p.group_name as Group | null,
      capability: p.capability as Capability,
      personalToken: p.personal_token,
      createdAt: p.created_at,
      removedAt: p.removed_at,
      tokenGen: p.token_gen,
      erasedAt: p.erased_at,
    })),
    board: boardFrom(get),
    events: get('card_events').map((e) => ({
      workshopId: e.workshop_id,
      cardId: e.card_id,
      participantId: e.participant_id,
      action: e.action as CardEventRow['action'],
      at: e.at,
      ...(e.identifiable === 1 ? { identifiable: true } : {}),
    })),
    endorsements: get('endorsements').map((e) => ({
      workshopId: e.workshop_id,
      cardId: e.card_id,
      participantId: e.participant_id,
      textHash: e.text_hash,
      seq: e.seq,
      at: e.at,
    })),
    rounds: roundsFrom(get),
    summary:
      get('summary_settings').map((s) => ({
        row: { workshopId: s.workshop_id, shareDraft: s.share_draft === 1, finalAt: s.final_at },
        updatedAt: s.updated_at,
      }))[0] ?? null,
    facilitation:
      get('facilitation').map((f) => ({
        state: JSON.parse(f.state) as FacilitationState,
        updatedAt: f.updated_at,
      }))[0] ?? null,
    attendance: get('attendance').map((a) => ({
      id: a.id,
      workshopId: a.workshop_id,
      participantId: a.participant_id,
      joinedAt: a.joined_at,
      leftAt: a.left_at,
    })),
    drafts: get('draft_updates').map((d) => ({
      participantId: d.participant_id,
      seq: d.seq,
      data: bytesOf(d.data),
      cards: d.cards,
      at: d.at,
    })),
    records: {
      outcomes: get('outcomes').map(toOutcome),
      history: get('outcome_history').map((h) => ({ ...toOutcome(h), version: h.version })),
      actions: get('record_actions').map(toAction),
      readings: get('readings').map(toReading),
      closures: get('priority_closures').map(toClosure),
    },
  };
}

function boardFrom(get: Get): Board {
  const b = emptyBoard();
  b.updates = get('updates').map((u) => ({
    seq: u.seq,
    data: bytesOf(u.data),
    participantId: u.participant_id,
    at: u.created_at,
  }));
  const [snap] = get('snapshots');
  if (snap) b.snapshot = { seq: snap.upto_seq, data: bytesOf(snap.data), at: snap.created_at };
  for (const x of get('client_bindings'))
    b.bindings.set(x.client_id, {
      clientId: x.client_id,
      participantId: x.participant_id,
      ...(x.identifiable === 1 ? { identifiable: true } : {}),
    });
  for (const c of get('card_creators')) b.creators.set(c.card_id, c.participant_id);
  b.attributions = get('attributions').map((a) => ({
    seq: a.seq,
    participantId: a.participant_id,
    cardId: a.card_id,
    field: a.field,
    inserted: a.inserted,
    deleted: a.deleted,
  }));
  for (const h of get('card_history'))
    b.kept.set(h.seq, {
      seq: h.seq,
      at: h.at,
      participantId: h.participant_id,
      ranges: JSON.parse(h.ranges) as UpdateRanges,
    });
  b.reverts = get('card_reverts').map((r) => ({
    workshopId: r.workshop_id,
    seq: r.seq,
    cardId: r.card_id,
    participantId: r.participant_id,
    toSeq: r.to_seq,
    at: r.at,
  }));
  return b;
}

function roundsFrom(get: Get): StoredRound[] {
  const of = <T extends { roundId: string }>(list: T[], id: string) =>
    list.filter((x) => x.roundId === id);
  const candidates = get('round_candidates').map((c) => ({
    roundId: c.round_id,
    cardId: c.card_id,
    text: c.text,
    position: c.position,
    removedAt: c.removed_at,
    addedAt: c.added_at,
  }));
  const ballots = get('ballots').map((x) => ({
    roundId: x.round_id,
    participantId: x.participant_id,
    cardId: x.card_id,
    dots: x.dots,
  }));
  const keys = get('ballot_keys').map((k) => ({
    roundId: k.round_id,
    key: k.key,
    participantId: k.participant_id,
    cardId: k.card_id,
    dots: k.dots,
    at: k.at,
    outcome:
      k.ok === 1
        ? { ok: true as const, dotsOnCard: k.dots_on_card ?? 0, dotsLeft: k.dots_left ?? 0 }
        : { ok: false as const, reason: k.reason as CastFailureReason },
  }));
  return get('rounds').map((r) => {
    const round: RoundRow = {
      id: r.id,
      workshopId: r.workshop_id,
      section: r.section as RoundRow['section'],
      budget: r.budget,
      perCardCap: r.per_card_cap,
      deadline: r.deadline,
      resultsVisibility: r.results_visibility as RoundRow['resultsVisibility'],
      openedAt: r.opened_at,
      openedBy: r.opened_by,
      closedAt: r.closed_at,
      divergencePoints: r.divergence_points,
      frozen:
        r.eligible_people === null ||
        r.eligible_system === null ||
        r.voted_people === null ||
        r.voted_system === null
          ? null
          : {
              people: { voted: r.voted_people, eligible: r.eligible_people },
              system: { voted: r.voted_system, eligible: r.eligible_system },
            },
    };
    return {
      round,
      candidates: of(candidates, r.id),
      ballots: of(ballots, r.id),
      keys: of(keys, r.id).map(({ roundId: _, ...k }) => k),
    };
  });
}
