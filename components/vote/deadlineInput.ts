/**
 * Between a `datetime-local` input's value (the reader's local time, no zone) and the ISO
 * date-time with an offset that the protocol carries.
 */

/** The ISO date-time for a local input value, or null when it is empty or not a date. */
export function isoFromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The `datetime-local` value for an ISO date-time, in the reader's local time. */
export function localInputFromIso(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A message when a chosen deadline cannot be used, or null when it is fine. */
export function deadlineProblem(value: string, now = Date.now()): string | null {
  const iso = isoFromLocalInput(value);
  if (!iso) return 'Enter a date and a time, or leave both empty.';
  if (new Date(iso).getTime() <= now) return 'Choose a date and time in the future.';
  return null;
}
