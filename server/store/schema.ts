/**
 * Purple's SQL schema (DESIGN §4, §6), written with Kysely's schema builder so the same
 * migrations run on SQLite and Postgres, plus a tiny migration runner keyed by version.
 */
import { type Generated, type Kysely, sql } from 'kysely';
import { peopleMigration } from './peopleMigration';
import { recordsMigration } from './recordsQueries';
import { summaryMigration } from './summaryQueries';

/** The SQL engines the schema targets; only column types differ between them. */
export type SqlFlavour = 'sqlite' | 'postgres';

/** Row types as stored (snake_case, booleans as 0/1, timestamps as ISO text). */
export interface Database {
  migrations: { version: number; applied_at: string };
  workshops: {
    id: string;
    title: string;
    question: string;
    created_at: string;
    /** Migration 5: when a facilitator closed it (the retention period counts from here). */
    closed_at: string | null;
  };
  invites: {
    id: string;
    workshop_id: string;
    kind: string;
    /** SHA-256 of the token, hex (migration 5). */
    token: string;
    created_at: string;
    revoked_at: string | null;
    /** Migration 5: which derived token is current; 0 for a legacy random one. */
    token_gen: Generated<number>;
    /** Migration 5: at most this many people may join through it; null for no cap. */
    max_joins: number | null;
  };
  participants: {
    id: string;
    workshop_id: string;
    invite_id: string | null;
    name: string;
    anonymous: number;
    access_needs: string | null;
    group_name: string | null;
    capability: string;
    /** SHA-256 of the personal token, hex (migration 5). */
    personal_token: string;
    created_at: string;
    removed_at: string | null;
    /** Migration 5: which derived personal token is current; 0 for a legacy random one. */
    token_gen: Generated<number>;
    /** Migration 5: when their personal data was erased. */
    erased_at: string | null;
  };
  client_bindings: {
    workshop_id: string;
    client_id: number;
    participant_id: string;
    /** Migration 5: 1 when the author could be named when the clientID was bound. */
    identifiable: Generated<number>;
  };
  updates: {
    workshop_id: string;
    seq: number;
    data: Uint8Array;
    participant_id: string | null;
    created_at: string;
  };
  snapshots: { workshop_id: string; upto_seq: number; data: Uint8Array; created_at: string };
  attributions: {
    workshop_id: string;
    seq: number;
    participant_id: string | null;
    card_id: string;
    /** The record's field written (migration 17, issue 9); `text` for rows made before. */
    field: Generated<string>;
    inserted: number;
    deleted: number;
  };
  card_creators: { workshop_id: string; card_id: string; participant_id: string | null };
  card_events: {
    id: Generated<number>;
    workshop_id: string;
    card_id: string;
    participant_id: string;
    action: string;
    at: string;
    /** Migration 5: 1 when the person could be named when they did it. */
    identifiable: Generated<number>;
  };
  endorsements: {
    workshop_id: string;
    card_id: string;
    participant_id: string;
    text_hash: string;
    seq: number;
    at: string;
  };
  rounds: {
    id: string;
    workshop_id: string;
    section: string;
    budget: number;
    per_card_cap: number;
    deadline: string | null;
    results_visibility: string;
    opened_at: string;
    opened_by: string;
    closed_at: string | null;
    /** Version 8: percentage points of share gap that flag a card as divergent. */
    divergence_points: Generated<number>;
    /** Version 8: who could vote and who did, fixed when the round closed (null while open). */
    eligible_people: number | null;
    eligible_system: number | null;
    voted_people: number | null;
    voted_system: number | null;
  };
  round_candidates: {
    round_id: string;
    card_id: string;
    text: string;
    position: number;
    removed_at: string | null;
    /** Version 8: set when the facilitator added the card after the round opened. */
    added_at: Generated<string | null>;
  };
  ballots: { round_id: string; participant_id: string; card_id: string; dots: number };
  /** One row per idempotency key, with the outcome a replay returns. */
  ballot_keys: {
    round_id: string;
    participant_id: string;
    key: string;
    card_id: string;
    dots: number;
    ok: number;
    reason: string | null;
    dots_on_card: number | null;
    dots_left: number | null;
    at: string;
  };
  /** Card history (issue 13): the id ranges of a compacted update that touched a card's text. */
  card_history: {
    workshop_id: string;
    seq: number;
    participant_id: string | null;
    at: string;
    /** JSON `{ inserted, deleted }` of `[client, clock, len]` ranges. */
    ranges: string;
  };
  /** Card history (issue 13): an update that restored an earlier version of a card. */
  card_reverts: {
    workshop_id: string;
    seq: number;
    card_id: string;
    participant_id: string;
    to_seq: number;
    at: string;
  };
  /** Migration 9: a facilitator's summary settings (issue 10). */
  summary_settings: {
    workshop_id: string;
    share_draft: number;
    final_at: string | null;
    updated_at: string;
  };
  /** Version 11 (issue 11): one JSON facilitation state per workshop. */
  facilitation: { workshop_id: string; state: string; updated_at: string };
  /** Version 11: one row per stretch a person was connected. */
  attendance: {
    id: string;
    workshop_id: string;
    participant_id: string;
    joined_at: string;
    left_at: string | null;
  };
  /** Version 12 (issue 9): a decision's current outcome (see recordsQueries.ts). */
  outcomes: OutcomeColumns;
  /** Version 12: every outcome a decision has had, numbered from 1. */
  outcome_history: OutcomeColumns & { version: number };
  /** Version 12: what will be done because of a decision. */
  record_actions: {
    id: string;
    workshop_id: string;
    decision_id: string;
    what: string;
    who: string;
    by_when: string | null;
    status: string;
    reason: string;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  /** Version 12: measured values of quality indicators. */
  readings: {
    id: string;
    workshop_id: string;
    indicator_id: string;
    value: number;
    date: string;
    note: string;
    added_by: string;
    identifiable: number;
    added_at: string;
  };
  /** Version 12: Joint priorities cards closed as "Not possible, because …". */
  priority_closures: {
    workshop_id: string;
    card_id: string;
    reason: string;
    closed_by: string;
    closed_at: string;
  };
}

/** Columns of a stored outcome (version 12). */
interface OutcomeColumns {
  workshop_id: string;
  decision_id: string;
  outcome: string;
  rationale: string;
  against_lived: number;
  against_because: string | null;
  lived_disagreed: number;
  saved_by: string;
  saved_at: string;
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's row types.
type AnyDb = Kysely<any>;

/** One schema step; `up` runs inside the transaction that records its version. */
interface Migration {
  version: number;
  up(db: AnyDb, flavour: SqlFlavour): Promise<void>;
}

/** Version 1: the core tables. */
async function createCoreTables(db: AnyDb, flavour: SqlFlavour): Promise<void> {
  const s = db.schema;
  await s
    .createTable('workshops')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createTable('invites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await s.createIndex('invites_workshop').on('invites').columns(['workshop_id']).execute();
  await createParticipantTables(db);
  await createDocumentTables(db, flavour);
  await createCardTables(db, flavour);
}

/** Participants and the Yjs clientID bindings that attribute text to them. */
async function createParticipantTables(db: AnyDb): Promise<void> {
  const s = db.schema;
  await s
    .createTable('participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('invite_id', 'text', (c) => c.references('invites.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('access_needs', 'text')
    .addColumn('group_name', 'text')
    .addColumn('capability', 'text', (c) => c.notNull())
    .addColumn('personal_token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await s
    .createIndex('participants_workshop')
    .on('participants')
    .columns(['workshop_id'])
    .execute();
  await s.createIndex('participants_invite').on('participants').columns(['invite_id']).execute();
  await s
    .createTable('client_bindings')
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('client_id', 'bigint', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addPrimaryKeyConstraint('client_bindings_pk', ['workshop_id', 'client_id'])
    .execute();
}

/** The update log, its snapshot, and the attribution log that compaction keeps. */
async function createDocumentTables(db: AnyDb, flavour: SqlFlavour): Promise<void> {
  const s = db.schema;
  const blob = flavour === 'postgres' ? sql`bytea` : sql`blob`;
  await s
    .createTable('updates')
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', blob, (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.references('participants.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('updates_pk', ['workshop_id', 'seq'])
    .execute();
  await s
    .createTable('snapshots')
    .addColumn('workshop_id', 'text', (c) => c.primaryKey().references('workshops.id'))
    .addColumn('upto_seq', 'integer', (c) => c.notNull())
    .addColumn('data', blob, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createTable('attributions')
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.references('participants.id'))
    .addColumn('card_id', 'text', (c) => c.notNull())
    .addColumn('inserted', 'integer', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull())
    .execute();
  await s
    .createIndex('attributions_card')
    .on('attributions')
    .columns(['workshop_id', 'card_id', 'seq'])
    .execute();
}

/** Card creators, delete/restore events and endorsements. */
async function createCardTables(db: AnyDb, flavour: SqlFlavour): Promise<void> {
  const s = db.schema;
  await s
    .createTable('card_creators')
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('card_id', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.references('participants.id'))
    .addPrimaryKeyConstraint('card_creators_pk', ['workshop_id', 'card_id'])
    .execute();
  await s
    .createTable('card_events')
    .addColumn('id', 'integer', (c) =>
      flavour === 'postgres'
        ? c.primaryKey().generatedAlwaysAsIdentity()
        : c.primaryKey().autoIncrement(),
    )
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('card_id', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createIndex('card_events_workshop')
    .on('card_events')
    .columns(['workshop_id', 'id'])
    .execute();
  await s
    .createTable('endorsements')
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('card_id', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('text_hash', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('endorsements_pk', ['workshop_id', 'card_id', 'participant_id'])
    .execute();
}

/** Version 2: voting rounds, their fixed candidates, ballots and idempotency keys (issue 4). */
async function createVotingTables(db: AnyDb): Promise<void> {
  const s = db.schema;
  await s
    .createTable('rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('budget', 'integer', (c) => c.notNull())
    .addColumn('per_card_cap', 'integer', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('results_visibility', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('closed_at', 'text')
    .execute();
  await s.createIndex('rounds_workshop').on('rounds').columns(['workshop_id']).execute();
  await s
    .createTable('round_candidates')
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
    .addColumn('card_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addPrimaryKeyConstraint('round_candidates_pk', ['round_id', 'card_id'])
    .execute();
  await s
    .createTable('ballots')
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('card_id', 'text', (c) => c.notNull())
    .addColumn('dots', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ballots_pk', ['round_id', 'participant_id', 'card_id'])
    .execute();
  await s
    .createTable('ballot_keys')
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('card_id', 'text', (c) => c.notNull())
    .addColumn('dots', 'integer', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('dots_on_card', 'integer')
    .addColumn('dots_left', 'integer')
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ballot_keys_pk', ['round_id', 'participant_id', 'key'])
    .execute();
}

/** The divergence default when version 8 ran (lib/voting/types.ts may change it later). */
const DEFAULT_DIVERGENCE_POINTS_V8 = 15;

/**
 * Version 8 (issue 13): a round's turnout is fixed when it closes, its divergence threshold
 * is the facilitator's, late candidates are marked; refused casts no longer leave keys.
 */
async function votingResultsStayRight(db: AnyDb): Promise<void> {
  const s = db.schema;
  await s
    .alterTable('rounds')
    .addColumn('divergence_points', 'integer', (c) =>
      c.notNull().defaultTo(DEFAULT_DIVERGENCE_POINTS_V8),
    )
    .execute();
  for (const column of ['eligible_people', 'eligible_system', 'voted_people', 'voted_system']) {
    await s.alterTable('rounds').addColumn(column, 'integer').execute();
  }
  await s.alterTable('round_candidates').addColumn('added_at', 'text').execute();
  await db.deleteFrom('ballot_keys').where('ok', '=', 0).execute();
}

/** Version 7 (issue 13): what card history needs to outlive compaction, and restores. */
async function createHistoryTables(db: AnyDb): Promise<void> {
  const s = db.schema;
  await s
    .createTable('card_history')
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('participant_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('ranges', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('card_history_pk', ['workshop_id', 'seq'])
    .execute();
  await s
    .createTable('card_reverts')
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('card_id', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.notNull())
    .addColumn('to_seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('card_reverts_pk', ['workshop_id', 'seq'])
    .execute();
}

/** Version 11 (issue 11): live facilitation state and attendance. */
async function createFacilitationTables(db: AnyDb): Promise<void> {
  const s = db.schema;
  await s
    .createTable('facilitation')
    .addColumn('workshop_id', 'text', (c) => c.primaryKey().references('workshops.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createTable('attendance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('participant_id', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addColumn('left_at', 'text')
    .execute();
  await s.createIndex('attendance_workshop').on('attendance').column('workshop_id').execute();
}

/**
 * Version 17 (issue 9): attribution per record field. Rows written before records were all
 * card text, so they default to `text`.
 */
async function attributionFields(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('attributions')
    .addColumn('field', 'text', (c) => c.notNull().defaultTo('text'))
    .execute();
}

/** Every migration, in order. Append new versions; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, up: createCoreTables },
  { version: 2, up: (db) => createVotingTables(db) },
  { version: 5, up: (db) => peopleMigration(db) },
  { version: 7, up: (db) => createHistoryTables(db) },
  { version: 8, up: (db) => votingResultsStayRight(db) },
  { version: 9, up: (db) => summaryMigration(db) },
  { version: 11, up: (db) => createFacilitationTables(db) },
  { version: 12, up: (db) => recordsMigration(db) },
  { version: 17, up: (db) => attributionFields(db) },
];

/**
 * Apply every migration not yet recorded in `migrations`; safe to call at every start-up.
 * On Postgres, instances starting together take turns: a session advisory lock (keyed by
 * the schema) is held on one connection while that connection migrates.
 */
export async function migrate(db: Kysely<Database>, flavour: SqlFlavour): Promise<number[]> {
  if (flavour === 'sqlite') return migrateOn(db, flavour);
  return db.connection().execute(async (conn) => {
    const key = sql`hashtext(current_schema() || ' purple migrations')`;
    await sql`select pg_advisory_lock(${key})`.execute(conn);
    try {
      return await migrateOn(conn, flavour);
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(conn);
    }
  });
}

async function migrateOn(db: Kysely<Database>, flavour: SqlFlavour): Promise<number[]> {
  await db.schema
    .createTable('migrations')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    const ran = await db.transaction().execute(async (trx) => {
      const done = await trx
        .selectFrom('migrations')
        .select('version')
        .where('version', '=', migration.version)
        .executeTakeFirst();
      if (done) return false;
      await migration.up(trx, flavour);
      const appliedAt = new Date().toISOString();
      await trx
        .insertInto('migrations')
        .values({ version: migration.version, applied_at: appliedAt })
        .execute();
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}
