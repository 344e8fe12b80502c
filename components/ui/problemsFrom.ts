import type { FormProblem } from './ErrorSummary';

/** Turns `{ field: message }` into a list in the order the fields appear on the page; `form` (a whole-form problem) comes first. */
export function problemsFrom(errors: Record<string, string>, fieldOrder: string[]): FormProblem[] {
  const problems: FormProblem[] = [];
  if (errors.form) problems.push({ message: errors.form });
  for (const fieldId of fieldOrder) {
    const message = errors[fieldId];
    if (message) problems.push({ fieldId, message });
  }
  return problems;
}
