'use client';

import { useActionState, useMemo } from 'react';
import { type CreateWorkshopValues, createWorkshop, type FormState } from '../../app/actions';
import { Checkbox } from '../ui/Checkbox';
import { ErrorSummary } from '../ui/ErrorSummary';
import { Field } from '../ui/Field';
import { problemsFrom } from '../ui/problemsFrom';
import { RadioGroup } from '../ui/RadioGroup';
import { SubmitButton } from '../ui/SubmitButton';

const EMPTY: FormState<CreateWorkshopValues> = {
  values: { title: '', question: '', facilitatorName: '', facilitatorGroup: '', anonymous: false },
  errors: {},
};

const FIELD_ORDER = ['title', 'question', 'facilitatorName', 'facilitatorGroup', 'anonymous'];

/** The "Start a workshop" form on the home page; works without JavaScript and keeps what was typed when something is wrong. */
export function CreateWorkshopForm() {
  const [state, formAction] = useActionState(createWorkshop, EMPTY);
  const { values, errors } = state;
  const problems = useMemo(() => problemsFrom(state.errors, FIELD_ORDER), [state]);

  return (
    <form action={formAction} noValidate aria-labelledby="create-heading">
      <ErrorSummary problems={problems} />
      <Field
        id="title"
        label="Workshop title"
        hint="For example: Making the clinic easier to visit"
        defaultValue={values.title}
        error={errors.title}
        maxLength={120}
        autoComplete="off"
      />
      <Field
        id="question"
        multiline
        rows={3}
        label="What question is the workshop about?"
        hint="For example: What would make your first visit less stressful?"
        defaultValue={values.question}
        error={errors.question}
        maxLength={500}
      />
      <Field
        id="facilitatorName"
        label="Your name"
        hint="A made-up name is fine."
        defaultValue={values.facilitatorName}
        error={errors.facilitatorName}
        maxLength={60}
        autoComplete="nickname"
      />
      <RadioGroup
        name="facilitatorGroup"
        legend="Which group are you in?"
        defaultValue={values.facilitatorGroup}
        error={errors.facilitatorGroup}
        options={[
          {
            value: 'people',
            label: 'Lived experience',
            hint: 'You use the service, or care for someone who does.',
          },
          { value: 'system', label: 'Staff', hint: 'You work in the service or help to run it.' },
        ]}
      />
      <Checkbox
        id="anonymous"
        label="Hide my name from other people (they will only see my group)"
        defaultChecked={values.anonymous}
      />
      <SubmitButton label="Create workshop" pendingLabel="Creating your workshop…" />
    </form>
  );
}
