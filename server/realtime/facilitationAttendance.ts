/** The facilitators' attendance list and its CSV (issue 11), names as the visibility policy allows. */
import { attendanceOf } from '../../lib/facilitation/attendance';
import type { AttendanceView } from '../../lib/protocol/facilitationEvents';
import { personViews } from '../services/personViews';
import type { Store } from '../store/Store';

/** Everyone who has been present, with the CSV of it and the server's clock. */
export async function attendanceList(
  store: Store,
  workshopId: string,
): Promise<{ people: AttendanceView[]; csv: string; serverNow: number }> {
  // The CSV library is loaded on the first export, not at start-up (see purple.ts's summaries).
  const [rows, stretches, { attendanceCsv }] = await Promise.all([
    store.listParticipants(workshopId),
    store.listAttendance(workshopId),
    import('../services/attendanceCsv'),
  ]);
  const now = Date.now();
  const views = personViews(rows);
  const people = attendanceOf(stretches, now).flatMap((a) => {
    const v = views.get(a.participantId);
    if (!v) return [];
    const { participantId: _, ...rest } = a;
    return [{ key: v.key, label: v.label, group: v.group, ...rest }];
  });
  return { people, csv: attendanceCsv(people), serverNow: now };
}
