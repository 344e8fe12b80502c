'use client';
/**
 * A choice to show the board without colour fills ("plain" display). Cards keep their
 * group in words, an icon and a border pattern. Remembered on this device.
 */
import { useEffect, useState } from 'react';

const KEY = 'purple.display';

/** Read the saved choice; false when storage is unavailable. */
function saved(): boolean {
  try {
    return window.localStorage.getItem(KEY) === 'plain';
  } catch {
    return false;
  }
}

/** The "Plain display" checkbox. */
export function PlainDisplayToggle() {
  const [plain, setPlain] = useState(false);
  useEffect(() => setPlain(saved()), []);
  useEffect(() => {
    if (plain) document.documentElement.dataset.display = 'plain';
    else delete document.documentElement.dataset.display;
    try {
      window.localStorage.setItem(KEY, plain ? 'plain' : 'colour');
    } catch {
      // Private browsing: the choice lasts until the page is closed.
    }
  }, [plain]);
  return (
    <label className="flex min-h-11 cursor-pointer items-center gap-3">
      <input
        type="checkbox"
        className="size-6"
        checked={plain}
        onChange={(e) => setPlain(e.target.checked)}
      />
      <span>Plain display: show cards without colour fills (the words, icons and edges stay)</span>
    </label>
  );
}
