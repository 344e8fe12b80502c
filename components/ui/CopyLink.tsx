'use client';

import { useId, useRef, useState } from 'react';
import { Button } from './Button';

/** Props of `CopyLink`: the URL to show and copy, and the visible label above it. */
export interface CopyLinkProps {
  url: string;
  /** Visible label of the link box, e.g. "Your personal link". The button is always "Copy link". */
  label: string;
  /** A short help line under the label. */
  hint?: string;
}

/** A read-only box with a URL and a "Copy link" button; says "Copied" in a polite live region, or selects the text to copy by hand. */
export function CopyLink({ url, label, hint }: CopyLinkProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');

  function selectAll() {
    inputRef.current?.focus();
    inputRef.current?.select();
  }

  async function copy() {
    setStatus('');
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(url);
        setStatus('Copied');
        return;
      }
      selectAll();
      // Older browsers and plain-http pages: copy the selected text the old way.
      setStatus(document.execCommand('copy') ? 'Copied' : 'The link is selected. Copy it now.');
    } catch {
      selectAll();
      setStatus('The link is selected. Copy it now.');
    }
  }

  return (
    <div className="mb-4">
      <label htmlFor={`${id}-url`} className="block font-bold text-lg">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-neutral-700 dark:text-neutral-300">
          {hint}
        </p>
      )}
      <div className="mt-2 flex flex-wrap items-stretch gap-2">
        <input
          ref={inputRef}
          id={`${id}-url`}
          type="text"
          readOnly
          value={url}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(event) => event.currentTarget.select()}
          className="min-h-11 min-w-0 flex-1 basis-64 rounded-md border-2 border-ink bg-white px-3 py-2 font-mono text-ink text-sm dark:border-white dark:bg-neutral-900 dark:text-white"
        />
        <Button variant="secondary" onClick={copy}>
          Copy link
        </Button>
      </div>
      <p role="status" aria-live="polite" className="mt-1 min-h-6 font-semibold">
        {status}
      </p>
    </div>
  );
}
