/** Joins class names, skipping false, null, undefined and empty strings (no extra package needed). */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(' ');
}
