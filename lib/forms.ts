/**
 * zod schemas for the forms people fill in; the same schemas check the server side.
 * Messages are written for people, in plain English. Every free-text field is cleaned
 * by `cleanText` (NFC, no bidi controls, not invisible-only) before it is checked.
 */
import { z } from 'zod';
import { GROUPS } from './roles';
import { freeText } from './text/freeText';

const checkbox = z
  .union([
    z.literal('on'),
    z.literal('true'),
    z.literal('false'),
    z.boolean(),
    z.undefined(),
    z.null(),
  ])
  .transform((v) => v === true || v === 'on' || v === 'true');

const name = freeText({
  required: 'Please type a name. A made-up name is fine.',
  max: 60,
  tooLong: 'Please use a name of 60 letters or fewer.',
});

/** The create-workshop form on `/`. */
export const createWorkshopSchema = z.object({
  title: freeText({
    required: 'Please give the workshop a title.',
    max: 120,
    tooLong: 'Please keep the title to 120 letters or fewer.',
  }),
  question: freeText({
    required: 'Please write the question the workshop is about.',
    max: 500,
    tooLong: 'Please keep the question to 500 letters or fewer.',
    multiline: true,
  }),
  facilitatorName: name,
  facilitatorGroup: z.enum(GROUPS, {
    error: 'Please choose whether you are staff or have lived experience.',
  }),
  anonymous: checkbox,
});

/** The join form on `/join/<token>`. */
export const joinSchema = z.object({
  name,
  anonymous: checkbox,
  accessNeeds: freeText({
    required: null,
    max: 500,
    tooLong: 'Please keep this to 500 letters or fewer.',
    multiline: true,
  })
    .optional()
    .transform((v) => (v ? v : undefined)),
});

/** First error message per field, for showing next to each input. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
