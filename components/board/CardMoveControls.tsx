'use client';
/**
 * Keyboard and single-click moves: "Move up", "Move down", and "Move to" another section.
 * Every move goes through `moveCard`, which never re-creates the text, so colour stays.
 */
import { useId, useState } from 'react';
import { moveCard } from '../../lib/board/doc';
import { SECTION_INFO, SECTIONS, type Section } from '../../lib/board/sections';
import { Button } from '../ui/Button';
import { useBoard } from './BoardContext';
import type { FocusTarget } from './FocusRequests';
import { LOCAL_ORIGIN } from './localOrigin';

/** Props of `CardMoveControls`: the card, its section and its place in it. */
export interface CardMoveControlsProps {
  id: string;
  section: Section;
  index: number;
  /** True for the last card of its section (so adding a card re-renders only the old and new last). */
  isLast: boolean;
}

/** Move buttons and the "Move to" menu of one card. */
export function CardMoveControls({ id, section, index, isLast }: CardMoveControlsProps) {
  const { doc, focus } = useBoard();
  const selectId = useId();
  const others = SECTIONS.filter((s) => s !== section);
  const [target, setTarget] = useState<Section>(others[0] ?? section);
  const chosen = others.includes(target) ? target : (others[0] ?? section);

  function move(to: Section, at: number, keep: FocusTarget) {
    focus.request(id, keep);
    moveCard(doc, id, to, at, LOCAL_ORIGIN);
  }

  const atTop = index === 0;
  const atBottom = isLast;
  return (
    <div className="flex flex-wrap items-end gap-2">
      <Button
        small
        variant="secondary"
        data-focus="up"
        aria-disabled={atTop || undefined}
        onClick={() => !atTop && move(section, index - 1, 'up')}
      >
        Move up
      </Button>
      <Button
        small
        variant="secondary"
        data-focus="down"
        aria-disabled={atBottom || undefined}
        onClick={() => !atBottom && move(section, index + 1, 'down')}
      >
        Move down
      </Button>
      <span className="flex flex-wrap items-end gap-2">
        <label htmlFor={selectId} className="flex flex-col text-ink text-sm">
          Move to
          <select
            id={selectId}
            data-focus="moveTo"
            value={chosen}
            onChange={(event) => setTarget(event.currentTarget.value as Section)}
            className="min-h-8 rounded-md border-2 border-ink bg-white px-2 text-ink"
          >
            {others.map((s) => (
              <option key={s} value={s}>
                {SECTION_INFO[s].title}
              </option>
            ))}
          </select>
        </label>
        <Button
          small
          variant="secondary"
          onClick={() => move(chosen, Number.MAX_SAFE_INTEGER, 'moveTo')}
        >
          Move
        </Button>
      </span>
    </div>
  );
}
