'use client';

import { useActionState, useMemo } from 'react';
import type { FormState, JoinValues } from '../../app/actions';
import { Checkbox } from '../ui/Checkbox';
import { ErrorSummary } from '../ui/ErrorSummary';
import { Field } from '../ui/Field';
import { problemsFrom } from '../ui/problemsFrom';
import { SubmitButton } from '../ui/SubmitButton';

const EMPTY: FormState<JoinValues> = {
  values: { name: '', anonymous: false, accessNeeds: '' },
  errors: {},
};

const FIELD_ORDER = ['name', 'anonymous', 'accessNeeds'];

/** Props of `JoinForm`: the join server action with the invite token already bound, and whether this is an observer link. */
export interface JoinFormProps {
  action: (previous: FormState<JoinValues>, formData: FormData) => Promise<FormState<JoinValues>>;
  observer: boolean;
}

/** The form on an invite page: a name, whether to hide it, and optional access needs for the facilitator. */
export function JoinForm({ action, observer }: JoinFormProps) {
  const [state, formAction] = useActionState(action, EMPTY);
  const { values, errors } = state;
  const problems = useMemo(() => problemsFrom(state.errors, FIELD_ORDER), [state]);

  return (
    <form action={formAction} noValidate aria-labelledby="join-heading">
      <ErrorSummary problems={problems} />
      <Field
        id="name"
        label="Your name"
        hint="A made-up name is fine."
        defaultValue={values.name}
        error={errors.name}
        maxLength={60}
        autoComplete="nickname"
      />
      <Checkbox
        id="anonymous"
        label={
          observer
            ? 'Hide my name from other people (they will only see that you are an observer)'
            : 'Hide my name from other people (they will only see my group)'
        }
        defaultChecked={values.anonymous}
      />
      <Field
        id="accessNeeds"
        multiline
        rows={3}
        label="Is there anything that would help you take part?"
        hint="You do not have to answer. For example: larger text, more time, or breaks. Only the facilitator will see this."
        defaultValue={values.accessNeeds}
        error={errors.accessNeeds}
        maxLength={500}
      />
      <SubmitButton label="Join the workshop" pendingLabel="Joining the workshop…" />
    </form>
  );
}
