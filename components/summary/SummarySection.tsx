/** One numbered section of the summary page; every one after the first starts a new printed page. */
import type { ReactNode } from 'react';
import { cn } from '../ui/cn';

/** A section with its heading; `id` names it for links and tests. */
export function SummarySection({
  id,
  n,
  title,
  children,
}: {
  id: string;
  n: number;
  title: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className={cn('mt-10 print:mt-0', n > 1 && 'print:break-before-page')}
    >
      <h2 id={`${id}-heading`} className="mb-4 font-bold text-2xl">
        {n}. {title}
      </h2>
      {children}
    </section>
  );
}
