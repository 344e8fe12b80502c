'use client';

import { useEffect, useRef } from 'react';
import { Button } from '../components/ui/Button';

/** Shown when a page fails unexpectedly: a plain message, a way to try again and a way home; never a stack trace. */
export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="mx-auto max-w-prose px-4 py-10 text-lg">
      <h1 ref={heading} tabIndex={-1} className="mb-4 font-extrabold text-3xl">
        Something went wrong
      </h1>
      <p className="mb-6">Sorry, Purple could not show this page. Please try again in a moment.</p>
      <div className="flex flex-wrap items-center gap-4">
        <Button onClick={reset}>Try again</Button>
        <a href="/" className="font-semibold text-joint-edge dark:text-joint-fill">
          Go to the Purple home page
        </a>
      </div>
    </div>
  );
}
