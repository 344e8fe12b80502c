'use client';

import { type MouseEvent, useEffect, useRef } from 'react';

/** One problem in a form: the message, and the id of the field it is about (none for the whole form). */
export interface FormProblem {
  fieldId?: string;
  message: string;
}

/** Props of `ErrorSummary`: the problems to list, and an optional heading. */
export interface ErrorSummaryProps {
  problems: FormProblem[];
  title?: string;
}

/** A box at the top of a form that lists every problem as a link to its field; it takes focus when it appears. */
export function ErrorSummary({ problems, title = 'There is a problem' }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);

  // Move focus here each time a new set of problems arrives (a new array per failed submit).
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [problems]);

  if (problems.length === 0) return null;

  function goToField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.focus();
    // Keep the field's label in view above the field, not hidden at the top edge.
    const label = document.querySelector(`label[for="${fieldId}"]`) ?? field.closest('fieldset');
    (label ?? field).scrollIntoView({ block: 'center' });
  }

  return (
    <div
      ref={ref}
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      className="mb-6 rounded-md border-4 border-danger bg-white dark:border-danger-on-dark p-4 text-ink dark:bg-neutral-900 dark:text-white"
    >
      <h2 id="error-summary-title" className="mb-2 font-bold text-xl">
        {title}
      </h2>
      <ul className="list-none space-y-1 p-0">
        {problems.map(({ fieldId, message }) => (
          <li key={fieldId ?? message}>
            {fieldId ? (
              <a
                href={`#${fieldId}`}
                onClick={(event) => goToField(event, fieldId)}
                className="font-semibold text-danger underline underline-offset-2 dark:text-danger-on-dark"
              >
                {message}
              </a>
            ) : (
              <p className="font-semibold">{message}</p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
