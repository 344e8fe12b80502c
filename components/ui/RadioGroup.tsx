import { cn } from './cn';
import { FieldError } from './FieldError';

/** One choice in a `RadioGroup`. */
export interface RadioOption {
  value: string;
  label: string;
  hint?: string;
}

/** Props of `RadioGroup`: the question (legend), the field name, the choices and the chosen value. */
export interface RadioGroupProps {
  name: string;
  legend: string;
  options: RadioOption[];
  defaultValue?: string;
  error?: string;
}

/** A fieldset of large radio buttons; the first radio's id is `name` so an error summary can link to it. */
export function RadioGroup({ name, legend, options, defaultValue, error }: RadioGroupProps) {
  const errorId = error ? `${name}-error` : undefined;
  return (
    <fieldset
      aria-describedby={errorId}
      className={cn('mb-6', error && 'border-l-4 border-danger pl-4 dark:border-danger-on-dark')}
    >
      <legend className="font-bold text-lg">{legend}</legend>
      {error && <FieldError id={errorId!} message={error} />}
      <div className="mt-2 space-y-2">
        {options.map((option, index) => {
          const id = index === 0 ? name : `${name}-${option.value}`;
          const hintId = option.hint ? `${id}-hint` : undefined;
          return (
            <div key={option.value} className="flex items-start gap-3">
              <input
                type="radio"
                id={id}
                name={name}
                value={option.value}
                defaultChecked={defaultValue === option.value}
                aria-describedby={hintId}
                className="mt-1.5 size-8 shrink-0 cursor-pointer accent-joint-edge"
              />
              <div>
                <label htmlFor={id} className="inline-block min-h-11 cursor-pointer py-2 text-lg">
                  {option.label}
                </label>
                {option.hint && (
                  <p id={hintId} className="text-neutral-700 dark:text-neutral-300">
                    {option.hint}
                  </p>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
