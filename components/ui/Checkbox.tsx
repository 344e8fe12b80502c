import type { InputHTMLAttributes } from 'react';

/** Props of `Checkbox`: every native checkbox prop plus a visible label and an optional hint. */
export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id'> {
  id: string;
  label: string;
  hint?: string;
}

/** A large (32 px) checkbox with its label beside it; the whole row is a 44 px tall target. */
export function Checkbox({ id, label, hint, name, ...rest }: CheckboxProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="mb-6 flex items-start gap-3">
      <input
        type="checkbox"
        id={id}
        name={name ?? id}
        aria-describedby={hintId}
        className="mt-1.5 size-8 shrink-0 cursor-pointer accent-joint-edge"
        {...rest}
      />
      <div>
        <label htmlFor={id} className="inline-block min-h-11 cursor-pointer py-2 text-lg">
          {label}
        </label>
        {hint && (
          <p id={hintId} className="text-neutral-700 dark:text-neutral-300">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
