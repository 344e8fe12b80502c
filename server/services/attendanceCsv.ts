/**
 * The attendance export (issue 11): one CSV row per person per day, UTF-8 with a BOM so
 * spreadsheet programs read names right, and every cell that a spreadsheet would run as a
 * formula neutralised (invariant I45).
 */
import { stringify } from 'csv-stringify/sync';
import type { AttendanceView } from '../../lib/protocol/facilitationEvents';
import { GROUP_LABEL } from '../../lib/roles';

/** Cells starting with these run as formulas in spreadsheet programs (OWASP: CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet shows as text: a leading apostrophe before a formula character. */
export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The CSV text of the facilitators' attendance list. */
export function attendanceCsv(people: readonly AttendanceView[]): string {
  const rows: string[][] = [];
  for (const p of people) {
    const group = p.group ? GROUP_LABEL[p.group] : 'Observer';
    const days = Object.entries(p.minutesByDay);
    for (const [day, minutes] of days.length ? days : [['', 0] as const]) {
      rows.push([p.label, group, p.firstJoined, p.lastLeft ?? 'still here', day, String(minutes)]);
    }
  }
  return stringify(
    rows.map((r) => r.map(safeCell)),
    {
      bom: true,
      header: true,
      columns: [
        'Name',
        'Group',
        'First joined (UTC)',
        'Last left (UTC)',
        'Day (UTC)',
        'Minutes connected',
      ],
    },
  );
}
