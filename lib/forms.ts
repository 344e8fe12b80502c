/**
 * zod schemas for the forms people fill in; the same schemas check the server side.
 * Messages are written for people, in plain English.
 */
import { z } from 'zod';
import { GROUPS } from './roles';

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

const name = z
  .string({ error: 'Please type a name.' })
  .trim()
  .min(1, 'Please type a name. A made-up name is fine.')
  .max(60, 'Please use a name of 60 letters or fewer.');

/** The create-workshop form on `/`. */
export const createWorkshopSchema = z.object({
  title: z
    .string({ error: 'Please give the workshop a title.' })
    .trim()
    .min(1, 'Please give the workshop a title.')
    .max(120, 'Please keep the title to 120 letters or fewer.'),
  question: z
    .string({ error: 'Please write the question the workshop is about.' })
    .trim()
    .min(1, 'Please write the question the workshop is about.')
    .max(500, 'Please keep the question to 500 letters or fewer.'),
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
  accessNeeds: z
    .string()
    .trim()
    .max(500, 'Please keep this to 500 letters or fewer.')
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
