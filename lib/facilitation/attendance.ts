/**
 * Attendance for recognition and payment (issue 11): from stretches of connection, each
 * person's first arrival, last departure and minutes connected per UTC day. Pure.
 */

/** One stretch of connection; `leftAt` null while still connected. */
export interface Stretch {
  participantId: string;
  joinedAt: string;
  leftAt: string | null;
}

/** One person's attendance. */
export interface Attendance {
  participantId: string;
  firstJoined: string;
  /** null while they are connected now. */
  lastLeft: string | null;
  /** Whole minutes connected per UTC day (`YYYY-MM-DD`), overlapping stretches counted once. */
  minutesByDay: Record<string, number>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Attendance per person from `stretches`; open stretches count up to `nowMs`. */
export function attendanceOf(stretches: readonly Stretch[], nowMs: number): Attendance[] {
  const byPerson = new Map<string, Stretch[]>();
  for (const s of stretches)
    byPerson.set(s.participantId, [...(byPerson.get(s.participantId) ?? []), s]);
  return [...byPerson.entries()].map(([participantId, list]) => {
    const open = list.some((s) => s.leftAt === null);
    const lefts = list
      .map((s) => s.leftAt)
      .filter((l): l is string => l !== null)
      .sort();
    return {
      participantId,
      firstJoined: list.map((s) => s.joinedAt).sort()[0] as string,
      lastLeft: open ? null : (lefts.at(-1) ?? null),
      minutesByDay: minutesByDay(merged(list, nowMs)),
    };
  });
}

/** The stretches as [start, end] ms intervals, overlaps merged (two tabs count once). */
function merged(list: readonly Stretch[], nowMs: number): [number, number][] {
  const spans = list
    .map((s): [number, number] => [Date.parse(s.joinedAt), s.leftAt ? Date.parse(s.leftAt) : nowMs])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function minutesByDay(spans: readonly [number, number][]): Record<string, number> {
  const ms = new Map<string, number>();
  for (const [a, b] of spans) {
    for (let t = a; t < b; ) {
      const dayEnd = (Math.floor(t / DAY_MS) + 1) * DAY_MS;
      const end = Math.min(b, dayEnd);
      const day = new Date(t).toISOString().slice(0, 10);
      ms.set(day, (ms.get(day) ?? 0) + end - t);
      t = end;
    }
  }
  return Object.fromEntries([...ms].map(([d, v]) => [d, Math.round(v / 60_000)]));
}
