/** The zod schema for a free-text field: cleaned (`cleanText`), then checked for length. */
import { z } from 'zod';
import { cleanText } from './cleanText';

/** A required (min 1) or optional (min 0) free-text field of at most `max` characters. */
export function freeText(options: {
  required: string | null;
  max: number;
  tooLong: string;
  multiline?: boolean;
}) {
  const checked = z
    .string()
    .min(options.required === null ? 0 : 1, options.required ?? undefined)
    .max(options.max, options.tooLong);
  return z
    .string({ error: options.required ?? 'Please type text here.' })
    .transform((v) => cleanText(v, { multiline: options.multiline }))
    .pipe(checked);
}
