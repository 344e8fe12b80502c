'use client';
/** Bring everyone to a section, and lock or unlock sections (issue 11). Cards: in each card's actions menu. */
import { useId } from 'react';
import { SECTION_INFO, SECTIONS } from '../../lib/board/sections';
import { Button } from '../ui/Button';
import type { TimerControlsProps } from './TimerControls';

/** One row per section: "Bring everyone here" and "Lock" / "Unlock". */
export function RoomControls({ view, act }: TimerControlsProps) {
  const id = useId();
  const locked = new Set(view?.locks.sections ?? []);
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-2">
      <h3 id={`${id}-h`} className="font-bold text-lg">
        Where everyone looks, and locks
      </h3>
      <p className="text-sm">Locked content is read-only for everyone but facilitators.</p>
      <ul className="space-y-1">
        {SECTIONS.map((s) => {
          const title = SECTION_INFO[s].title;
          const isLocked = locked.has(s);
          return (
            <li key={s} className="flex flex-wrap items-center gap-2">
              <span className="min-w-32 font-semibold">
                {title}
                {isLocked ? ' (locked)' : ''}
              </span>
              <Button
                small
                variant="secondary"
                aria-label={`Bring everyone to ${title}`}
                onClick={() =>
                  act(
                    (c) => c('focus:set', { kind: 'section', id: s }),
                    `Everyone was asked to look at ${title}.`,
                  )
                }
              >
                Bring everyone here
              </Button>
              <Button
                small
                variant="secondary"
                aria-label={`${isLocked ? 'Unlock' : 'Lock'} ${title}`}
                onClick={() =>
                  act(
                    (c) => c('lock:set', { kind: 'section', id: s, locked: !isLocked }),
                    `${title} ${isLocked ? 'unlocked' : 'locked'}.`,
                  )
                }
              >
                {isLocked ? 'Unlock' : 'Lock'}
              </Button>
            </li>
          );
        })}
      </ul>
      {view?.focus && (
        <Button
          small
          variant="secondary"
          onClick={() =>
            act((c) => c('focus:set', { kind: 'none' }), 'Everyone may look where they like.')
          }
        >
          Stop bringing everyone somewhere
        </Button>
      )}
    </section>
  );
}
