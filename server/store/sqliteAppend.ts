/**
 * The hot path of the SQLite store: `appendUpdate` runs for every accepted edit before it
 * is broadcast, so it is one synchronous better-sqlite3 transaction over statements
 * prepared once, instead of five queries compiled and prepared on every call. The SQL is
 * the same portable SQL the Kysely queries produce.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { BindingConflictError } from './bindingConflict';
import type { AppendInput, ServerWriteInput } from './Store';

/** Prepared statements and the transaction that appends one update. */
export class SqliteAppend {
  private readonly lastSeqStmt;
  private readonly bindingStmt;
  private readonly bindStmt;
  private readonly updateStmt;
  private readonly attributionStmt;
  private readonly creatorStmt;
  private readonly eventStmt;
  private readonly coveredStmt;
  /** Writes one update with its bindings, attributions and created cards; all or nothing. */
  readonly write: (input: AppendInput, seq: number, createdAt?: string) => void;
  /** Writes one server update and its card event; all or nothing (issue 8 §3). */
  readonly writeServer: (input: ServerWriteInput, seq: number) => void;

  constructor(raw: BetterSqlite3.Database) {
    this.lastSeqStmt = raw.prepare<[string, string], { m: number | null; s: number | null }>(
      'select (select max(seq) from updates where workshop_id = ?) as m, (select upto_seq from snapshots where workshop_id = ?) as s',
    );
    this.bindingStmt = raw.prepare<[string, number], { participant_id: string }>(
      'select participant_id from client_bindings where workshop_id = ? and client_id = ?',
    );
    this.bindStmt = raw.prepare(
      'insert into client_bindings (workshop_id, client_id, participant_id, identifiable) values (?, ?, ?, ?)',
    );
    this.updateStmt = raw.prepare(
      'insert into updates (workshop_id, seq, data, participant_id, created_at) values (?, ?, ?, ?, ?)',
    );
    this.attributionStmt = raw.prepare(
      'insert into attributions (workshop_id, seq, participant_id, card_id, field, inserted, deleted) values (?, ?, ?, ?, ?, ?, ?)',
    );
    this.creatorStmt = raw.prepare(
      'insert into card_creators (workshop_id, card_id, participant_id) values (?, ?, ?) on conflict (workshop_id, card_id) do nothing',
    );
    this.eventStmt = raw.prepare(
      'insert into card_events (workshop_id, card_id, participant_id, action, at, identifiable) values (?, ?, ?, ?, ?, ?)',
    );
    this.coveredStmt = raw.prepare<
      [string, number, string, string],
      { u: number | null; s: number | null; w: number | null }
    >(
      'select (select 1 from updates where workshop_id = ? and seq = ?) as u, (select upto_seq from snapshots where workshop_id = ?) as s, (select 1 from workshops where id = ?) as w',
    );
    this.write = raw.transaction((input: AppendInput, seq: number, createdAt?: string) =>
      this.writeAll(input, seq, createdAt ?? new Date().toISOString()),
    );
    this.writeServer = raw.transaction((input: ServerWriteInput, seq: number) => {
      const e = input.event;
      this.updateStmt.run(input.workshopId, seq, input.data, null, new Date().toISOString());
      this.eventStmt.run(
        e.workshopId,
        e.cardId,
        e.participantId,
        e.action,
        e.at,
        e.identifiable ? 1 : 0,
      );
    });
  }

  /**
   * Whether a journalled update (I92) needs no replay: its seq is stored, or folded into a
   * snapshot, or its workshop was deleted.
   */
  covered(workshopId: string, seq: number): boolean {
    const row = this.coveredStmt.get(workshopId, seq, workshopId, workshopId);
    return row?.w == null || row.u != null || (row.s != null && seq <= row.s);
  }

  /** The highest seq stored for a workshop, counting a compacted snapshot. */
  lastSeq(workshopId: string): number {
    const row = this.lastSeqStmt.get(workshopId, workshopId);
    return Math.max(Number(row?.m ?? 0), Number(row?.s ?? 0));
  }

  private writeAll(input: AppendInput, seq: number, createdAt: string): void {
    const w = input.workshopId;
    const who = input.participantId;
    for (const b of input.bindings) {
      const owner = this.bindingStmt.get(w, b.clientId)?.participant_id;
      if (owner !== undefined && owner !== b.participantId)
        throw new BindingConflictError(w, b.clientId);
      if (owner === undefined)
        this.bindStmt.run(w, b.clientId, b.participantId, b.identifiable ? 1 : 0);
    }
    this.updateStmt.run(w, seq, input.data, who, createdAt);
    for (const a of input.attributions)
      this.attributionStmt.run(w, seq, who, a.cardId, a.field ?? 'text', a.inserted, a.deleted);
    for (const c of input.createdCards) this.creatorStmt.run(w, c, who);
  }
}
