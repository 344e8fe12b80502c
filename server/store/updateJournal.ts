/**
 * The SQLite store's fast path for an ordinary edit (I92): before an update is broadcast it
 * is made durable by one `write()` of a checksummed record to this process's journal file,
 * and committed to SQLite right after the broadcast, in the same synchronous step. A
 * SQLite transaction costs the broadcast about 45 µs warm and three times that cold (one
 * edit every 50 ms, as in a workshop), most of it fixed work (locks, WAL frames); the
 * journal write is one syscall. Both survive the process being killed and neither is
 * fsynced, as SQLite's `synchronous=NORMAL` is not.
 *
 * Each open store writes its own file, `<db>.pending-<pid>-<random>`. Opening the database
 * replays the files of processes that are gone: every whole record whose seq SQLite lacks
 * is committed, a torn last record is ignored (it was never acknowledged or broadcast:
 * the write did not return), and the file is removed.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { AttributionInput } from './Store';

/** One journalled update: what the fast path's SQLite transaction writes. */
export interface JournalEntry {
  workshopId: string;
  seq: number;
  participantId: string | null;
  data: Uint8Array;
  createdAt: string;
  attributions: AttributionInput[];
}

const FORMAT = 1;
/** Truncate the file once this much is written and everything in it is in SQLite. */
const TRUNCATE_AT = 1024 * 1024;
/** Journals this process has open, so a second store on the same file leaves them alone. */
const openHere = new Set<string>();

export function encodeEntry(e: JournalEntry): Buffer {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, FORMAT);
  encoding.writeVarString(enc, e.workshopId);
  encoding.writeVarUint(enc, e.seq);
  encoding.writeVarString(enc, e.participantId ?? '');
  encoding.writeVarUint8Array(enc, e.data);
  encoding.writeVarString(enc, e.createdAt);
  encoding.writeVarUint(enc, e.attributions.length);
  for (const a of e.attributions) {
    encoding.writeVarString(enc, a.cardId);
    encoding.writeVarString(enc, a.field ?? 'text');
    encoding.writeVarUint(enc, a.inserted);
    encoding.writeVarUint(enc, a.deleted);
  }
  const body = encoding.toUint8Array(enc);
  const record = Buffer.allocUnsafe(8 + body.byteLength);
  record.writeUInt32LE(body.byteLength, 0);
  record.writeUInt32LE(crc32(body), 4);
  record.set(body, 8);
  return record;
}

function decodeEntry(body: Uint8Array): JournalEntry {
  const dec = decoding.createDecoder(body);
  if (decoding.readVarUint(dec) !== FORMAT) throw new Error('unknown journal format');
  const workshopId = decoding.readVarString(dec);
  const seq = decoding.readVarUint(dec);
  const participantId = decoding.readVarString(dec) || null;
  const data = decoding.readVarUint8Array(dec).slice();
  const createdAt = decoding.readVarString(dec);
  const attributions: AttributionInput[] = [];
  for (let n = decoding.readVarUint(dec); n > 0; n--) {
    attributions.push({
      cardId: decoding.readVarString(dec),
      field: decoding.readVarString(dec),
      inserted: decoding.readVarUint(dec),
      deleted: decoding.readVarUint(dec),
    });
  }
  return { workshopId, seq, participantId, data, createdAt, attributions };
}

/** The whole records of a journal file, in order; reading stops at a torn or damaged one. */
export function readEntries(bytes: Buffer): { entries: JournalEntry[]; damaged: boolean } {
  const entries: JournalEntry[] = [];
  let at = 0;
  while (at < bytes.byteLength) {
    if (at + 8 > bytes.byteLength) return { entries, damaged: true };
    const length = bytes.readUInt32LE(at);
    const sum = bytes.readUInt32LE(at + 4);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (body.byteLength < length || crc32(body) !== sum) return { entries, damaged: true };
    try {
      entries.push(decodeEntry(body));
    } catch {
      return { entries, damaged: true };
    }
    at += 8 + length;
  }
  return { entries, damaged: false };
}

const PREFIX = (dbFile: string) => `${basename(dbFile)}.pending-`;

/** Whether the journal `name` may still be written by a live store. */
function live(name: string, dbFile: string): boolean {
  const path = join(dirname(dbFile), name);
  if (openHere.has(path)) return true;
  const pid = Number(name.slice(PREFIX(dbFile).length).split('-')[0]);
  // Our own pid on a file we did not open: a previous process had it (a container's pid 1).
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Replay the journals that no live store holds: `commit` each whole record (it skips what
 * SQLite already has), then remove the file. Returns how many records were read and how
 * many files had a torn tail.
 */
export function replayJournals(
  dbFile: string,
  commit: (entries: JournalEntry[]) => void,
): { records: number; torn: number } {
  let records = 0;
  let torn = 0;
  const dir = dirname(dbFile);
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(PREFIX(dbFile)) || live(name, dbFile)) continue;
    const path = join(dir, name);
    const { entries, damaged } = readEntries(readFileSync(path));
    commit(entries);
    records += entries.length;
    if (damaged) torn++;
    rmSync(path, { force: true });
  }
  return { records, torn };
}

/** This store's journal file: append a record before a broadcast; truncate when all is in SQLite. */
export class UpdateJournal {
  private written = 0;
  /** A write failed part-way: a torn record may sit in the file, so append nothing more. */
  broken = false;

  private constructor(
    readonly path: string,
    private readonly fd: number,
  ) {}

  static open(dbFile: string): UpdateJournal {
    const path = join(
      dirname(dbFile),
      `${PREFIX(dbFile)}${process.pid}-${randomBytes(4).toString('hex')}`,
    );
    // Append-only, the server's user only, like the database itself (I29).
    const fd = openSync(path, 'a', 0o600);
    openHere.add(path);
    return new UpdateJournal(path, fd);
  }

  /** Make `entry` durable (one write; throws when the disk refuses it). */
  append(entry: JournalEntry): void {
    const record = encodeEntry(entry);
    let done = 0;
    try {
      while (done < record.byteLength) done += writeSync(this.fd, record, done);
    } catch (err) {
      this.broken = done > 0;
      throw err;
    }
    this.written += record.byteLength;
  }

  /** Everything appended so far is in SQLite: start the file again once it has grown. */
  settled(): void {
    if (this.written >= TRUNCATE_AT) this.truncate();
  }

  /** Empty the file now; call only when everything appended is in SQLite. */
  truncate(): void {
    ftruncateSync(this.fd);
    this.written = 0;
  }

  /** Close and remove the file; call only when everything appended is in SQLite. */
  close(): void {
    openHere.delete(this.path);
    closeSync(this.fd);
    rmSync(this.path, { force: true });
  }

  /** Close, keeping the file for the next open to replay (records not yet in SQLite). */
  abandon(): void {
    openHere.delete(this.path);
    closeSync(this.fd);
  }
}
