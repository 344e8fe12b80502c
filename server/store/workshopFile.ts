/**
 * The workshop file (issue 12, I61): every row of every table that belongs to one workshop,
 * in one versioned JSON document, so a workshop can move between stores (SQLite to Postgres,
 * or one server to another). Rows keep their stored shape (snake_case columns, 0/1 flags,
 * ISO times, binary Yjs data as base64), so a move changes nothing, and every table and
 * column is listed here with its zod schema: `importWorkshop` validates the whole file
 * before writing anything, and a test fails when a migration adds a table or column this
 * file does not carry (`workshopFile.test.ts`).
 */
import { z } from 'zod';

/** What the file says it is; the version changes when the file's layout does. */
export const WORKSHOP_FILE_FORMAT = 'purple-workshop';
export const WORKSHOP_FILE_VERSION = 1;

// Postgres hands out bigint columns as strings; the file always holds numbers.
const int = z.preprocess(
  (v) => (typeof v === 'string' && /^-?\d{1,15}$/.test(v) ? Number(v) : v),
  z.number().int(),
);
const flag = z.union([z.literal(0), z.literal(1)]);
const id = z.string().min(1).max(200);
const text = z.string().max(1_000_000);
const time = z.string().min(1).max(40);
const bytes = z.base64().max(64 * 1024 * 1024);
const nullable = <T extends z.ZodType>(t: T) => t.nullable();

/** The columns of a decision's outcome and of each entry of its history (migration 12). */
const outcomeColumns = {
  workshop_id: id,
  decision_id: id,
  outcome: id,
  rationale: text,
  against_lived: flag,
  against_because: nullable(id),
  lived_disagreed: flag,
  saved_by: id,
  saved_at: time,
};

/** One table of the file: its row schema, binary columns and key (rows are sorted by it). */
interface TableSpec {
  row: z.ZodObject;
  /** Columns holding bytes (base64 in the file). */
  binary?: readonly string[];
  /** Columns that order the rows; none keeps the store's order (card events: by id). */
  key: readonly string[];
  /** How a row belongs to the workshop: its own id, `workshop_id`, or its round's. */
  belongs: 'id' | 'workshop_id' | 'round_id';
}

/** Every table a workshop has rows in, parents before the tables that refer to them. */
export const WORKSHOP_TABLES = {
  workshops: {
    belongs: 'id',
    key: ['id'],
    row: z.strictObject({
      id,
      title: text,
      question: text,
      created_at: time,
      closed_at: nullable(time),
    }),
  },
  invites: {
    belongs: 'workshop_id',
    key: ['id'],
    row: z.strictObject({
      id,
      workshop_id: id,
      kind: id,
      token: id,
      created_at: time,
      revoked_at: nullable(time),
      token_gen: int,
      max_joins: nullable(int),
    }),
  },
  participants: {
    belongs: 'workshop_id',
    key: ['id'],
    row: z.strictObject({
      id,
      workshop_id: id,
      invite_id: nullable(id),
      name: text,
      anonymous: flag,
      access_needs: nullable(text),
      group_name: nullable(id),
      capability: id,
      personal_token: id,
      created_at: time,
      removed_at: nullable(time),
      token_gen: int,
      erased_at: nullable(time),
    }),
  },
  client_bindings: {
    belongs: 'workshop_id',
    key: ['client_id'],
    row: z.strictObject({
      workshop_id: id,
      client_id: int,
      participant_id: id,
      identifiable: flag,
    }),
  },
  updates: {
    belongs: 'workshop_id',
    key: ['seq'],
    binary: ['data'],
    row: z.strictObject({
      workshop_id: id,
      seq: int,
      data: bytes,
      participant_id: nullable(id),
      created_at: time,
    }),
  },
  snapshots: {
    belongs: 'workshop_id',
    key: ['workshop_id'],
    binary: ['data'],
    row: z.strictObject({ workshop_id: id, upto_seq: int, data: bytes, created_at: time }),
  },
  attributions: {
    belongs: 'workshop_id',
    key: ['seq', 'card_id', 'field', 'participant_id', 'inserted', 'deleted'],
    row: z.strictObject({
      workshop_id: id,
      seq: int,
      participant_id: nullable(id),
      card_id: id,
      field: z.string().min(1).max(64),
      inserted: int,
      deleted: int,
    }),
  },
  card_creators: {
    belongs: 'workshop_id',
    key: ['card_id'],
    row: z.strictObject({ workshop_id: id, card_id: id, participant_id: nullable(id) }),
  },
  card_events: {
    // Their store id is not carried (Postgres generates it); the file keeps their order.
    belongs: 'workshop_id',
    key: [],
    row: z.strictObject({
      workshop_id: id,
      card_id: id,
      participant_id: id,
      action: id,
      at: time,
      identifiable: flag,
    }),
  },
  endorsements: {
    belongs: 'workshop_id',
    key: ['card_id', 'participant_id'],
    row: z.strictObject({
      workshop_id: id,
      card_id: id,
      participant_id: id,
      text_hash: id,
      seq: int,
      at: time,
    }),
  },
  rounds: {
    belongs: 'workshop_id',
    key: ['id'],
    row: z.strictObject({
      id,
      workshop_id: id,
      section: id,
      budget: int,
      per_card_cap: int,
      deadline: nullable(time),
      results_visibility: id,
      opened_at: time,
      opened_by: id,
      closed_at: nullable(time),
      divergence_points: int,
      eligible_people: nullable(int),
      eligible_system: nullable(int),
      voted_people: nullable(int),
      voted_system: nullable(int),
    }),
  },
  round_candidates: {
    belongs: 'round_id',
    key: ['round_id', 'card_id'],
    row: z.strictObject({
      round_id: id,
      card_id: id,
      text,
      position: int,
      removed_at: nullable(time),
      added_at: nullable(time),
    }),
  },
  ballots: {
    belongs: 'round_id',
    key: ['round_id', 'participant_id', 'card_id'],
    row: z.strictObject({ round_id: id, participant_id: id, card_id: id, dots: int }),
  },
  ballot_keys: {
    belongs: 'round_id',
    key: ['round_id', 'participant_id', 'key'],
    row: z.strictObject({
      round_id: id,
      participant_id: id,
      key: id,
      card_id: id,
      dots: int,
      ok: flag,
      reason: nullable(id),
      dots_on_card: nullable(int),
      dots_left: nullable(int),
      at: time,
    }),
  },
  card_history: {
    belongs: 'workshop_id',
    key: ['seq'],
    row: z.strictObject({
      workshop_id: id,
      seq: int,
      participant_id: nullable(id),
      at: time,
      ranges: text,
    }),
  },
  card_reverts: {
    belongs: 'workshop_id',
    key: ['seq'],
    row: z.strictObject({
      workshop_id: id,
      seq: int,
      card_id: id,
      participant_id: id,
      to_seq: int,
      at: time,
    }),
  },
  summary_settings: {
    belongs: 'workshop_id',
    key: ['workshop_id'],
    row: z.strictObject({
      workshop_id: id,
      share_draft: flag,
      final_at: nullable(time),
      updated_at: time,
    }),
  },
  facilitation: {
    belongs: 'workshop_id',
    key: ['workshop_id'],
    row: z.strictObject({ workshop_id: id, state: text, updated_at: time }),
  },
  attendance: {
    belongs: 'workshop_id',
    key: ['id'],
    row: z.strictObject({
      id,
      workshop_id: id,
      participant_id: id,
      joined_at: time,
      left_at: nullable(time),
    }),
  },
  draft_updates: {
    belongs: 'workshop_id',
    key: ['participant_id', 'seq'],
    binary: ['data'],
    row: z.strictObject({
      workshop_id: id,
      participant_id: id,
      seq: int,
      data: bytes,
      cards: int,
      at: time,
    }),
  },
  outcomes: {
    belongs: 'workshop_id',
    key: ['decision_id'],
    row: z.strictObject(outcomeColumns),
  },
  outcome_history: {
    belongs: 'workshop_id',
    key: ['decision_id', 'version'],
    row: z.strictObject({ ...outcomeColumns, version: int }),
  },
  priority_closures: {
    belongs: 'workshop_id',
    key: ['card_id'],
    row: z.strictObject({
      workshop_id: id,
      card_id: id,
      reason: text,
      closed_by: id,
      closed_at: time,
    }),
  },
  record_actions: {
    belongs: 'workshop_id',
    key: ['id'],
    row: z.strictObject({
      id,
      workshop_id: id,
      decision_id: id,
      what: text,
      who: text,
      by_when: nullable(time),
      status: id,
      reason: text,
      created_by: id,
      created_at: time,
      updated_at: time,
    }),
  },
  // Last, so a key that breaks late (a reading id another workshop holds) writes nothing.
  readings: {
    belongs: 'workshop_id',
    key: ['id'],
    row: z.strictObject({
      id,
      workshop_id: id,
      indicator_id: id,
      value: z.number().finite(),
      date: time,
      note: text,
      added_by: id,
      identifiable: flag,
      added_at: time,
    }),
  },
} as const satisfies Record<string, TableSpec>;

/** The name of a table the file carries. */
export type WorkshopTable = keyof typeof WORKSHOP_TABLES;

/** Table names in insertion order (parents first). */
export const TABLE_ORDER = Object.keys(WORKSHOP_TABLES) as WorkshopTable[];

/** A row as the file holds it (column name to JSON value). */
export type FileRow = Record<string, string | number | null>;

/** Most rows one table of a file may hold (a long workshop has tens of thousands of updates). */
export const MAX_ROWS_PER_TABLE = 2_000_000;

const tablesSchema = z.strictObject(
  Object.fromEntries(
    TABLE_ORDER.map((t) => [t, z.array(WORKSHOP_TABLES[t].row).max(MAX_ROWS_PER_TABLE)]),
  ) as { [T in WorkshopTable]: z.ZodArray<(typeof WORKSHOP_TABLES)[T]['row']> },
);

/** The whole file. */
export const workshopFileSchema = z
  .strictObject({
    format: z.literal(WORKSHOP_FILE_FORMAT),
    version: z.literal(WORKSHOP_FILE_VERSION),
    /** The store's schema version (last migration) when it was exported. */
    schemaVersion: z.number().int().positive(),
    exportedAt: time,
    workshopId: id,
    tables: tablesSchema,
  })
  .superRefine((file, ctx) => {
    const problem = belongingProblem(file.workshopId, file.tables as Record<string, FileRow[]>);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['tables'] });
  });

/** A validated workshop file. */
export interface WorkshopFile {
  format: typeof WORKSHOP_FILE_FORMAT;
  version: typeof WORKSHOP_FILE_VERSION;
  schemaVersion: number;
  exportedAt: string;
  workshopId: string;
  tables: Record<WorkshopTable, FileRow[]>;
}

/** Why the rows do not all belong to `workshopId`, or null when they do. */
function belongingProblem(workshopId: string, tables: Record<string, FileRow[]>): string | null {
  const workshops = tables.workshops ?? [];
  if (workshops.length !== 1 || workshops[0]?.id !== workshopId)
    return 'the file must hold exactly the one workshop it names';
  const rounds = new Set((tables.rounds ?? []).map((r) => r.id));
  for (const t of TABLE_ORDER) {
    const { belongs } = WORKSHOP_TABLES[t];
    if (belongs === 'id') continue;
    for (const row of tables[t] ?? []) {
      const ok = belongs === 'round_id' ? rounds.has(row.round_id) : row[belongs] === workshopId;
      if (!ok) return `a row of ${t} belongs to another workshop`;
    }
  }
  return null;
}

/** Parse and validate a file's JSON text; throws one readable error listing what is wrong. */
export function parseWorkshopFile(json: string): WorkshopFile {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`The workshop file is not JSON: ${(error as Error).message}`);
  }
  const parsed = workshopFileSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues
      .slice(0, 10)
      .map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new Error(`The workshop file is not valid:\n${lines.join('\n')}`);
  }
  return parsed.data as WorkshopFile;
}

const compare = (a: unknown, b: unknown): number => {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return String(a) < String(b) ? -1 : 1;
};

/** Rows as a store read them, in the file's shape: validated, bytes as base64, in key order. */
export function fileRows(table: WorkshopTable, rows: Record<string, unknown>[]): FileRow[] {
  const spec: TableSpec = WORKSHOP_TABLES[table];
  const out = rows.map((r) => {
    const row: Record<string, unknown> = { ...r };
    for (const c of spec.binary ?? [])
      if (row[c] instanceof Uint8Array)
        row[c] = Buffer.from(row[c] as Uint8Array).toString('base64');
    return spec.row.parse(row) as FileRow;
  });
  if (spec.key.length === 0) return out;
  return out.sort((a, b) => {
    for (const k of spec.key) {
      const c = compare(a[k], b[k]);
      if (c !== 0) return c;
    }
    return 0;
  });
}

/** A file row as a store writes it: base64 columns back to bytes. */
export function storedRow(table: WorkshopTable, row: FileRow): Record<string, unknown> {
  const spec: TableSpec = WORKSHOP_TABLES[table];
  const out: Record<string, unknown> = { ...row };
  for (const c of spec.binary ?? []) out[c] = new Uint8Array(Buffer.from(String(row[c]), 'base64'));
  return out;
}

/** A new file for workshop `workshopId` from its tables. */
export function workshopFile(
  workshopId: string,
  schemaVersion: number,
  tables: Record<WorkshopTable, FileRow[]>,
): WorkshopFile {
  return {
    format: WORKSHOP_FILE_FORMAT,
    version: WORKSHOP_FILE_VERSION,
    schemaVersion,
    exportedAt: new Date().toISOString(),
    workshopId,
    tables,
  };
}
