'use client';
/**
 * Attendance for recognition and payment (issue 11): how long each person was present,
 * and the same as a CSV file to download. Names only as the visibility policy allows.
 */
import { useId, useState } from 'react';
import type { AttendanceView } from '../../lib/protocol/facilitationEvents';
import { GROUP_LABEL } from '../../lib/roles';
import { ErrorLine } from '../board/ErrorLine';
import { Button } from '../ui/Button';
import type { CallEvent } from '../workshop/useWorkshop';

/** Save `text` as a file named `name` through the browser. */
function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

const total = (p: AttendanceView) => Object.values(p.minutesByDay).reduce((n, m) => n + m, 0);

/** "Show attendance" and "Download attendance (CSV)". */
export function AttendancePanel({ call }: { call: CallEvent }) {
  const id = useId();
  const [people, setPeople] = useState<AttendanceView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function load(save: boolean) {
    const r = await call('attendance:list', {});
    if (!r.ok) return setError(r.message);
    setError(null);
    setPeople(r.people);
    if (save) download(r.csv, `attendance-${new Date(r.serverNow).toISOString().slice(0, 10)}.csv`);
  }
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-2">
      <h3 id={`${id}-h`} className="font-bold text-lg">
        Attendance
      </h3>
      <p className="text-sm">
        How long each person was here, for recognising and paying people for their time.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button small variant="secondary" onClick={() => load(false)}>
          Show attendance
        </Button>
        <Button small onClick={() => load(true)}>
          Download attendance (CSV)
        </Button>
      </div>
      {error && <ErrorLine message={error} />}
      {people && (
        <ul className="space-y-1 text-sm" data-testid="attendance">
          {people.map((p) => (
            <li key={p.key}>
              <span className="font-semibold">{p.label}</span>
              {` (${p.group ? GROUP_LABEL[p.group] : 'Observer'}): ${total(p)} minutes; first joined ${p.firstJoined.slice(11, 16)} UTC, ${p.lastLeft ? `last left ${p.lastLeft.slice(11, 16)} UTC` : 'here now'}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
