'use client';

import './globals.css';

/** Last resort when even the page frame fails: a plain page with a way home; never a stack trace. */
export default function GlobalError() {
  return (
    <html lang="en-GB">
      <body className="mx-auto max-w-prose px-4 py-10 text-lg">
        <main>
          <h1 className="mb-4 font-extrabold text-3xl">Something went wrong</h1>
          <p className="mb-6">
            Sorry, Purple could not show this page. Please try again in a moment.
          </p>
          <p>
            <a href="/" className="font-semibold text-joint-edge">
              Go to the Purple home page
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
