'use client';
/** Remembers the open board in this browser, for "Your workshops" on the home page. */
import { useEffect } from 'react';
import { forgetWorkshop, rememberWorkshop } from './workshopMemory';

/** Renders nothing; writes this browser's list when the board opens or its title changes. */
export function RememberWorkshop({
  id,
  title,
  gone,
}: {
  id: string;
  title: string;
  gone: boolean;
}) {
  useEffect(() => {
    try {
      if (gone) forgetWorkshop(window.localStorage, id);
      else rememberWorkshop(window.localStorage, id, title);
    } catch {
      // Storage can be full or blocked; the list is a convenience only.
    }
  }, [id, title, gone]);
  return null;
}
