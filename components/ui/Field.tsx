import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { cn } from './cn';
import { FieldError } from './FieldError';

interface FieldBase {
  /** The control's id; the error summary links to it. `name` defaults to it. */
  id: string;
  label: string;
  /** A short help line under the label. */
  hint?: string;
  /** The message to show when the value is not valid; also marks the control invalid. */
  error?: string;
}

type InputField = FieldBase &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & { multiline?: false };
type TextareaField = FieldBase &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & { multiline: true };

/** Props of `Field`: a text input by default, or a textarea with `multiline`. */
export type FieldProps = InputField | TextareaField;

const CONTROL =
  'block w-full rounded-md bg-white px-3 py-2 text-base text-ink min-h-11 dark:bg-neutral-900 dark:text-white';

/** A labelled text input or textarea with an optional hint and an error linked by aria-describedby. */
export function Field(props: FieldProps) {
  const { id, label, hint, error, className, ...rest } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const shared = {
    id,
    name: rest.name ?? id,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    className: cn(
      CONTROL,
      error
        ? 'border-4 border-danger dark:border-danger-on-dark'
        : 'border-2 border-ink dark:border-white',
      className,
    ),
  };

  return (
    <div
      className={cn('mb-6', error && 'border-l-4 border-danger pl-4 dark:border-danger-on-dark')}
    >
      <label htmlFor={id} className="block font-bold text-lg">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="mt-1 text-neutral-700 dark:text-neutral-300">
          {hint}
        </p>
      )}
      {error && <FieldError id={errorId!} message={error} />}
      <div className="mt-2">
        {rest.multiline ? (
          <textarea {...omitMultiline(rest)} {...shared} />
        ) : (
          <input type="text" {...omitMultiline(rest)} {...shared} />
        )}
      </div>
    </div>
  );
}

function omitMultiline<T extends { multiline?: boolean }>(props: T): Omit<T, 'multiline'> {
  const { multiline: _multiline, ...rest } = props;
  return rest;
}
