/**
 * The records part of the in-memory Store (issue 9): outcomes and their history, actions,
 * readings and closures in plain lists, with the same rules as `recordsQueries.ts`. Each
 * method decides and writes within one synchronous step, so no other call interleaves:
 * that is this adapter's transaction.
 */
import type {
  ActionChange,
  ActionRow,
  ClosureRow,
  OutcomeRow,
  ReadingRow,
  RecordsData,
} from './recordRows';

const byKeys =
  <T>(...keys: ((row: T) => string)[]) =>
  (a: T, b: T): number => {
    for (const k of keys) {
      const x = k(a);
      const y = k(b);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };

/** One workshop's records as a workshop file carries them (I61). */
export interface RecordsDump extends RecordsData {
  /** Every outcome each decision has had, numbered from 1 per decision. */
  history: (OutcomeRow & { version: number })[];
}

/** Records of every workshop, in memory. */
export class MemoryRecords {
  #outcomes: OutcomeRow[] = [];
  #history: OutcomeRow[] = [];
  #actions: ActionRow[] = [];
  #readings: ReadingRow[] = [];
  #closures: ClosureRow[] = [];

  load(workshopId: string): RecordsData {
    const mine = <T extends { workshopId: string }>(rows: T[]) =>
      rows.filter((r) => r.workshopId === workshopId).map((r) => ({ ...r }));
    return {
      outcomes: mine(this.#outcomes).sort(
        byKeys(
          (o) => o.savedAt,
          (o) => o.decisionId,
        ),
      ),
      actions: mine(this.#actions).sort(
        byKeys(
          (a) => a.createdAt,
          (a) => a.id,
        ),
      ),
      readings: mine(this.#readings).sort(
        byKeys(
          (r) => r.date,
          (r) => r.addedAt,
          (r) => r.id,
        ),
      ),
      closures: mine(this.#closures).sort(
        byKeys(
          (c) => c.closedAt,
          (c) => c.cardId,
        ),
      ),
    };
  }

  saveOutcome(row: OutcomeRow): void {
    const same = (o: OutcomeRow) =>
      o.workshopId === row.workshopId && o.decisionId === row.decisionId;
    this.#outcomes = [...this.#outcomes.filter((o) => !same(o)), { ...row }];
    this.#history.push({ ...row });
  }

  outcomeHistory(workshopId: string, decisionId: string): OutcomeRow[] {
    return this.#history
      .filter((o) => o.workshopId === workshopId && o.decisionId === decisionId)
      .map((o) => ({ ...o }));
  }

  addAction(row: ActionRow, max: number): 'ok' | 'full' {
    if (this.#actions.some((a) => a.id === row.id)) throw new Error(`action ${row.id} exists`);
    const n = this.#actions.filter(
      (a) => a.workshopId === row.workshopId && a.decisionId === row.decisionId,
    ).length;
    if (n >= max) return 'full';
    this.#actions.push({ ...row });
    return 'ok';
  }

  updateAction(workshopId: string, actionId: string, change: ActionChange): ActionRow | null {
    const a = this.#actions.find((x) => x.id === actionId && x.workshopId === workshopId);
    if (!a) return null;
    Object.assign(a, change);
    return { ...a };
  }

  addReading(row: ReadingRow, max: number): 'ok' | 'full' {
    if (this.#readings.some((r) => r.id === row.id)) throw new Error(`reading ${row.id} exists`);
    const n = this.#readings.filter(
      (r) => r.workshopId === row.workshopId && r.indicatorId === row.indicatorId,
    ).length;
    if (n >= max) return 'full';
    this.#readings.push({ ...row });
    return 'ok';
  }

  removeReading(workshopId: string, readingId: string): boolean {
    const before = this.#readings.length;
    this.#readings = this.#readings.filter(
      (r) => !(r.id === readingId && r.workshopId === workshopId),
    );
    return this.#readings.length < before;
  }

  setClosure(workshopId: string, cardId: string, row: ClosureRow | null): boolean {
    const same = (c: ClosureRow) => c.workshopId === workshopId && c.cardId === cardId;
    const had = this.#closures.some(same);
    this.#closures = this.#closures.filter((c) => !same(c));
    if (row) this.#closures.push({ ...row, workshopId, cardId });
    return row !== null || had;
  }

  /** Every record row of one workshop, with each outcome history entry's version. */
  dump(workshopId: string): RecordsDump {
    const versions = new Map<string, number>();
    const history = this.#history
      .filter((o) => o.workshopId === workshopId)
      .map((o) => {
        const version = (versions.get(o.decisionId) ?? 0) + 1;
        versions.set(o.decisionId, version);
        return { ...o, version };
      });
    return { ...this.load(workshopId), history };
  }

  /** Why `d` cannot be added (an action or reading id already used), or null. */
  clash(d: RecordsDump): string | null {
    const taken = (rows: { id: string }[], have: { id: string }[]) => {
      const ids = rows.map((r) => r.id);
      return new Set(ids).size < ids.length || have.some((x) => ids.includes(x.id));
    };
    if (taken(d.actions, this.#actions)) return 'an action id is already used';
    if (taken(d.readings, this.#readings)) return 'a reading id is already used';
    return null;
  }

  /** Add a workshop's records from a dump (checked with `clash` first). */
  restore(d: RecordsDump): void {
    const copy = <T>(rows: T[]) => rows.map((r) => ({ ...r }));
    this.#outcomes.push(...copy(d.outcomes));
    const history = [...d.history].sort((a, b) => a.version - b.version);
    this.#history.push(...history.map(({ version: _, ...o }) => o));
    this.#actions.push(...copy(d.actions));
    this.#readings.push(...copy(d.readings));
    this.#closures.push(...copy(d.closures));
  }

  deleteWorkshop(workshopId: string): void {
    const keep = <T extends { workshopId: string }>(rows: T[]) =>
      rows.filter((r) => r.workshopId !== workshopId);
    this.#outcomes = keep(this.#outcomes);
    this.#history = keep(this.#history);
    this.#actions = keep(this.#actions);
    this.#readings = keep(this.#readings);
    this.#closures = keep(this.#closures);
  }
}
