'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { createWorkshopSchema, fieldErrors, joinSchema } from '../lib/forms';
import { purple, type SessionGrant } from '../server/facade';
import { requestContext } from './requestContext';

/** What a form shows after a failed submit: the values typed, and one message per field (`form` for the whole form). */
export interface FormState<Values> {
  values: Values;
  errors: Record<string, string>;
}

/** The create-workshop form's values, as typed. */
export interface CreateWorkshopValues {
  title: string;
  question: string;
  facilitatorName: string;
  facilitatorGroup: string;
  anonymous: boolean;
}

/** The join form's values, as typed. */
export interface JoinValues {
  name: string;
  anonymous: boolean;
  accessNeeds: string;
}

function text(formData: FormData, key: string): string {
  const value = formData.get(key);
  return typeof value === 'string' ? value : '';
}

async function setSessionCookie(grant: SessionGrant): Promise<void> {
  (await cookies()).set(grant.cookie.name, grant.cookie.value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: grant.cookie.secure,
    path: '/',
    maxAge: grant.cookie.maxAgeSeconds,
  });
}

/** Creates a workshop with the sender as facilitator, signs them in and opens the board. */
export async function createWorkshop(
  _previous: FormState<CreateWorkshopValues>,
  formData: FormData,
): Promise<FormState<CreateWorkshopValues>> {
  const values: CreateWorkshopValues = {
    title: text(formData, 'title'),
    question: text(formData, 'question'),
    facilitatorName: text(formData, 'facilitatorName'),
    facilitatorGroup: text(formData, 'facilitatorGroup'),
    anonymous: formData.get('anonymous') === 'on',
  };
  const parsed = createWorkshopSchema.safeParse(values);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };

  const { origin, clientAddress } = await requestContext();
  const outcome = await purple().createWorkshop(parsed.data, origin, clientAddress);
  if (!outcome.ok) return { values, errors: { form: outcome.message } };

  await setSessionCookie(outcome.value);
  redirect(outcome.value.boardPath);
}

/** Joins the workshop behind an invite link, signs the person in and opens the board. */
export async function joinWorkshop(
  token: string,
  _previous: FormState<JoinValues>,
  formData: FormData,
): Promise<FormState<JoinValues>> {
  const values: JoinValues = {
    name: text(formData, 'name'),
    anonymous: formData.get('anonymous') === 'on',
    accessNeeds: text(formData, 'accessNeeds'),
  };
  const parsed = joinSchema.safeParse(values);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };

  const { origin, clientAddress } = await requestContext();
  const outcome = await purple().join(token, parsed.data, origin, clientAddress);
  if (!outcome.ok) return { values, errors: { form: outcome.message } };

  await setSessionCookie(outcome.value);
  redirect(`${outcome.value.boardPath}?joined=1`);
}
