/** A small labelled input for the records' short forms (actions, readings). */
import type { InputHTMLAttributes } from 'react';

/** The look of a short form's input: a 44 px tall target. */
export const SMALL_INPUT =
  'block min-h-11 w-full rounded-md border-2 border-ink bg-white px-2 text-base text-ink';

/** Props of `SmallField`: the input's id and visible label, and any native input prop. */
export interface SmallFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: string;
  /** Classes of the wrapper (its width in a row). */
  wrapperClassName?: string;
}

/** A label above an input. */
export function SmallField({ id, label, wrapperClassName, ...rest }: SmallFieldProps) {
  return (
    <div className={wrapperClassName}>
      <label htmlFor={id} className="block font-semibold text-sm">
        {label}
      </label>
      <input id={id} className={SMALL_INPUT} {...rest} />
    </div>
  );
}
