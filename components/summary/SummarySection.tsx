/** One numbered section of the summary page; it starts a new page when printed. */
import type { ReactNode } from 'react';

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
      className="mt-10 print:mt-0 print:break-before-page first-of-type:print:break-before-auto"
    >
      <h2 id={`${id}-heading`} className="mb-4 font-bold text-2xl">
        {n}. {title}
      </h2>
      {children}
    </section>
  );
}
