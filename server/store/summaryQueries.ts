/**
 * The summary's SQL (issue 10), written against Kysely so the SQLite adapter and a future
 * Postgres adapter share it: the facilitator's summary settings (migration 9) and the
 * activity facts the summary reports (first and last activity, who contributed).
 */
import type { Kysely } from 'kysely';
import type { SummaryActivity, SummarySettingsRow } from './Store';
import type { Database } from './schema';

type Db = Kysely<Database>;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's row types.
type AnyDb = Kysely<any>;

/** Migration 9: one row per workshop whose facilitator changed the summary's settings. */
export async function summaryMigration(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('summary_settings')
    .addColumn('workshop_id', 'text', (c) => c.primaryKey().references('workshops.id'))
    .addColumn('share_draft', 'integer', (c) => c.notNull())
    .addColumn('final_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

/** A workshop's summary settings; the defaults (a draft, not shared) when none are stored. */
export async function getSummarySettings(db: Db, workshopId: string): Promise<SummarySettingsRow> {
  const r = await db
    .selectFrom('summary_settings')
    .selectAll()
    .where('workshop_id', '=', workshopId)
    .executeTakeFirst();
  return {
    workshopId,
    shareDraft: r ? Number(r.share_draft) === 1 : false,
    finalAt: r?.final_at ?? null,
  };
}

/** Insert or replace a workshop's summary settings. */
export async function putSummarySettings(db: Db, row: SummarySettingsRow): Promise<void> {
  const values = {
    workshop_id: row.workshopId,
    share_draft: row.shareDraft ? 1 : 0,
    final_at: row.finalAt,
    updated_at: new Date().toISOString(),
  };
  await db
    .insertInto('summary_settings')
    .values(values)
    .onConflict((oc) =>
      oc.column('workshop_id').doUpdateSet({
        share_draft: values.share_draft,
        final_at: values.final_at,
        updated_at: values.updated_at,
      }),
    )
    .execute();
}

function distinctIds(rows: { id: string | null }[]): string[] {
  return [...new Set(rows.map((r) => r.id).filter((x): x is string => x !== null))].sort();
}

/** Latest of some ISO timestamps, ignoring missing ones. */
function latest(values: (string | null | undefined)[]): string | null {
  let out: string | null = null;
  for (const v of values) if (v && (out === null || v > out)) out = v;
  return out;
}

/** What the summary says about activity: when it happened and who took an active part. */
export async function summaryActivity(db: Db, workshopId: string): Promise<SummaryActivity> {
  const w = workshopId;
  const [writers, voters, endorsers, upd, snap, end, ev, rnd] = await Promise.all([
    db
      .selectFrom('attributions')
      .select('participant_id as id')
      .where('workshop_id', '=', w)
      .where('inserted', '>', 0)
      .distinct()
      .execute(),
    db
      .selectFrom('ballots')
      .innerJoin('rounds', 'rounds.id', 'ballots.round_id')
      .select('ballots.participant_id as id')
      .where('rounds.workshop_id', '=', w)
      .where('ballots.dots', '>', 0)
      .distinct()
      .execute(),
    db
      .selectFrom('endorsements')
      .select('participant_id as id')
      .where('workshop_id', '=', w)
      .distinct()
      .execute(),
    db
      .selectFrom('updates')
      .select((eb) => [eb.fn.min('created_at').as('first'), eb.fn.max('created_at').as('last')])
      .where('workshop_id', '=', w)
      .where('participant_id', 'is not', null)
      .executeTakeFirst(),
    db.selectFrom('snapshots').select('created_at').where('workshop_id', '=', w).executeTakeFirst(),
    db
      .selectFrom('endorsements')
      .select((eb) => eb.fn.max('at').as('last'))
      .where('workshop_id', '=', w)
      .executeTakeFirst(),
    db
      .selectFrom('card_events')
      .select((eb) => eb.fn.max('at').as('last'))
      .where('workshop_id', '=', w)
      .executeTakeFirst(),
    db
      .selectFrom('rounds')
      .select((eb) => [eb.fn.max('opened_at').as('opened'), eb.fn.max('closed_at').as('closed')])
      .where('workshop_id', '=', w)
      .executeTakeFirst(),
  ]);
  return {
    lastActivity: latest([
      upd?.last,
      snap?.created_at,
      end?.last,
      ev?.last,
      rnd?.opened,
      rnd?.closed,
    ]),
    firstEdit: upd?.first ?? null,
    writers: distinctIds(writers),
    voters: distinctIds(voters),
    endorsers: distinctIds(endorsers),
  };
}
