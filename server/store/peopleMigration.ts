/**
 * Migration 5 (issue 8 §6, §7): what the visibility policy and people's data need.
 * - `client_bindings.identifiable`, `card_events.identifiable`: whether the author could
 *   be named when they wrote or deleted (existing rows: 0, hidden; the safe default).
 * - `invites.token_gen`, `participants.token_gen`: which derived token is current (0 for
 *   legacy random tokens, which keep working but cannot be shown again).
 * - `invites.max_joins`: a facilitator's cap on a link's joins; `workshops.closed_at`.
 * - Every stored token is replaced by its SHA-256 (hex): tokens are stored hashed.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';

/** SHA-256 of a token, hex: the only form in which tokens are stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time
type AnyDb = Kysely<any>;

/** Version 5: the columns above, and existing tokens hashed in place. */
export async function peopleMigration(db: AnyDb): Promise<void> {
  const s = db.schema;
  const flag = (table: string, column: string) =>
    s
      .alterTable(table)
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  await flag('client_bindings', 'identifiable');
  await flag('card_events', 'identifiable');
  await flag('invites', 'token_gen');
  await flag('participants', 'token_gen');
  await s.alterTable('invites').addColumn('max_joins', 'integer').execute();
  await s.alterTable('workshops').addColumn('closed_at', 'text').execute();
  for (const r of await db.selectFrom('invites').select(['id', 'token']).execute())
    await db
      .updateTable('invites')
      .set({ token: hashToken(r.token) })
      .where('id', '=', r.id)
      .execute();
  for (const r of await db.selectFrom('participants').select(['id', 'personal_token']).execute())
    await db
      .updateTable('participants')
      .set({ personal_token: hashToken(r.personal_token) })
      .where('id', '=', r.id)
      .execute();
}
