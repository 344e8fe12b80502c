'use client';

import { useFormStatus } from 'react-dom';
import { Button } from './Button';

/** Props of `SubmitButton`: the label, and the label to show while the form is being sent. */
export interface SubmitButtonProps {
  label: string;
  pendingLabel: string;
}

/** The main submit button of a form; while sending it shows `pendingLabel` and ignores more clicks (it keeps focus). */
export function SubmitButton({ label, pendingLabel }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <>
      <Button
        type="submit"
        aria-disabled={pending || undefined}
        onClick={(event) => {
          if (pending) event.preventDefault();
        }}
        className="w-full sm:w-auto"
      >
        {pending ? pendingLabel : label}
      </Button>
      <p role="status" className="sr-only">
        {pending ? pendingLabel : ''}
      </p>
    </>
  );
}
