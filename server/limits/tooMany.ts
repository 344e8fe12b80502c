/** The failure value for a refused limit: reason `tooMany` (HTTP 429) with a time to wait. */
import type { Outcome } from '../facade';

function wait(seconds: number): string {
  if (seconds < 90) return 'in a minute';
  const minutes = Math.ceil(seconds / 60);
  return minutes < 90 ? `in ${minutes} minutes` : `in about ${Math.round(minutes / 60)} hours`;
}

/** "`what` … Please try again in N minutes.", carrying the seconds for a Retry-After header. */
export function tooMany(what: string, retryAfterSeconds: number): Outcome<never> {
  return {
    ok: false,
    reason: 'tooMany',
    message: `${what} Please try again ${wait(retryAfterSeconds)}.`,
    retryAfterSeconds,
  };
}
