'use client';
/**
 * One-click downloads of every format. Each is a real link (it works without JavaScript);
 * with JavaScript the file is fetched so the page can say it is being prepared when that
 * takes more than a moment, then saved under the server's file name.
 */
import { useState } from 'react';
import { SUMMARY_FORMATS, type SummaryFormat } from '../../lib/summary/formats';

const SLOW_MS = 400;

function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/.exec(cd)?.[1];
  return star ? decodeURIComponent(star) : fallback;
}

/** The download links and one polite status line. */
export function SummaryDownloads({ workshopId }: { workshopId: string }) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState<SummaryFormat | null>(null);

  async function download(format: SummaryFormat, href: string) {
    const label = SUMMARY_FORMATS[format].label;
    setBusy(format);
    const slow = setTimeout(() => setStatus(`Preparing the ${label} file…`), SLOW_MS);
    try {
      const res = await fetch(href, { credentials: 'same-origin' });
      if (!res.ok) throw new Error(await res.text());
      const url = URL.createObjectURL(await res.blob());
      const name = fileNameOf(res, `summary.${SUMMARY_FORMATS[format].ext}`);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus(`Downloaded ${name}.`);
    } catch (err) {
      setStatus(`We could not make the ${label} file. ${err instanceof Error ? err.message : ''}`);
    } finally {
      clearTimeout(slow);
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="downloads-heading" className="print:hidden">
      <h2 id="downloads-heading" className="mb-2 font-bold text-xl">
        Download this summary
      </h2>
      <ul className="flex flex-wrap gap-3">
        {(Object.keys(SUMMARY_FORMATS) as SummaryFormat[]).map((format) => {
          const href = `/w/${workshopId}/summary/export/${format}`;
          return (
            <li key={format}>
              <a
                href={href}
                download
                aria-busy={busy === format}
                onClick={(e) => {
                  e.preventDefault();
                  // One file at a time; a second click says why nothing else starts yet.
                  if (busy)
                    setStatus(
                      `Please wait: we are still making the ${SUMMARY_FORMATS[busy].label} file.`,
                    );
                  else void download(format, href);
                }}
                className="inline-flex min-h-11 items-center rounded-md border-2 border-ink bg-white px-4 py-2 font-semibold text-ink no-underline hover:bg-neutral-100"
              >
                {SUMMARY_FORMATS[format].label}
              </a>
            </li>
          );
        })}
      </ul>
      <p role="status" className="mt-2 min-h-7">
        {status}
      </p>
    </section>
  );
}
