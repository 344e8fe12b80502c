import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { template: '%s · Purple', default: 'Purple' },
  description:
    'A shared board where people with lived experience and staff work on ideas together.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
};

/**
 * The frame of every page: a skip link, the Purple header and one `<main id="main">`.
 * Every page renders per request, so Next can put `proxy.ts`'s CSP nonce on its scripts.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en-GB">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-focus focus:px-4 focus:py-3 focus:font-bold focus:text-ink"
        >
          Skip to main content
        </a>
        <header className="border-joint-edge border-b-8 bg-white text-ink dark:bg-[#141414] dark:text-white">
          <div className="frame flex flex-wrap items-baseline gap-x-4 gap-y-1 py-3">
            <a
              href="/"
              className="font-extrabold text-2xl text-joint-edge no-underline hover:underline dark:text-joint-fill"
            >
              Purple
            </a>
            <p className="hidden text-base sm:block">
              Lived experience and staff, working on one board together.
            </p>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="outline-none">
          {children}
        </main>
      </body>
    </html>
  );
}
