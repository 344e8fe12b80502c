'use client';
/**
 * "Cards it answers" / "Priorities it serves" (issue 9): the linked cards in words, and a
 * chooser that is a plain list of checkboxes named by each card's text and section, so it
 * works with a keyboard, a screen reader, switch access and voice control alike. The
 * chooser reads the board only while open, so typing elsewhere never re-renders it.
 */
import { useId, useRef, useState } from 'react';
import { sectionCards } from '../../lib/board/doc';
import { setFieldValue } from '../../lib/board/records';
import type { FieldSpec } from '../../lib/board/schema';
import { SECTION_INFO } from '../../lib/board/sections';
import { useBoard } from '../board/BoardContext';
import { LOCAL_ORIGIN } from '../board/localOrigin';
import { Button } from '../ui/Button';
import { quote } from './fate';

/** Props of `LinkChooser`. */
export interface LinkChooserProps {
  recordId: string;
  field: string;
  spec: Extract<FieldSpec, { kind: 'links' }>;
  /** The ids linked now. */
  value: readonly string[];
  writable: boolean;
}

/** The linked cards, and (for writers) the checkbox list to change them. */
export function LinkChooser({ recordId, field, spec, value, writable }: LinkChooserProps) {
  const board = useBoard();
  const [open, setOpen] = useState(false);
  const legendId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const candidates = spec.targets.flatMap((section) =>
    sectionCards(board.doc, section).map((card) => ({
      ...card,
      title: SECTION_INFO[section].title,
    })),
  );
  const linked = value
    .map((id) => candidates.find((c) => c.id === id))
    .filter((c): c is (typeof candidates)[number] => c !== undefined);
  const full = value.length >= spec.max;

  function toggle(id: string, on: boolean) {
    const next = on ? [...value, id] : value.filter((v) => v !== id);
    setFieldValue(board.doc, recordId, field, next, LOCAL_ORIGIN);
  }

  return (
    <div className="space-y-1" data-links={field}>
      <p id={legendId} className="font-bold">
        {spec.label}
      </p>
      {linked.length === 0 ? (
        <p className="italic">None chosen yet.</p>
      ) : (
        <ul aria-labelledby={legendId} className="list-disc space-y-0.5 pl-6">
          {linked.map((c) => (
            <li key={c.id}>{`${quote(c.text)} (${c.title})`}</li>
          ))}
        </ul>
      )}
      {writable && (
        <Button
          small
          variant="secondary"
          ref={buttonRef}
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Done choosing' : `Choose: ${spec.label.toLowerCase()}`}
        </Button>
      )}
      {writable && open && (
        <fieldset className="rounded-md border-2 border-ink bg-white p-2">
          <legend className="px-1 font-semibold">{`Tick the ${spec.label.toLowerCase()}`}</legend>
          {full && <p className="text-sm">{`You can choose up to ${spec.max}.`}</p>}
          {candidates.length === 0 ? (
            <p className="italic">
              {`There are no cards in ${spec.targets.map((s) => SECTION_INFO[s].title).join(' or ')} yet.`}
            </p>
          ) : (
            <ul className="space-y-1">
              {candidates.map((c) => {
                const checked = value.includes(c.id);
                const inputId = `${recordId}-${field}-${c.id}`;
                return (
                  <li key={c.id} className="flex items-start gap-2">
                    <input
                      type="checkbox"
                      id={inputId}
                      checked={checked}
                      disabled={!checked && full}
                      onChange={(event) => toggle(c.id, event.currentTarget.checked)}
                      className="mt-2 size-6 shrink-0 cursor-pointer accent-joint-edge"
                    />
                    <label htmlFor={inputId} className="min-h-11 cursor-pointer py-1.5">
                      {quote(c.text, 140)}
                      <span className="text-sm">{` (${c.title})`}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          )}
        </fieldset>
      )}
    </div>
  );
}
