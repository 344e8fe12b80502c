'use client';
/** "Show" (a filter by colour, agreement, drift or who started the card) and "Search cards". */
import { memo, useId } from 'react';
import { type CardFilter, FILTER_KINDS, FILTER_LABEL, type FilterKind } from './cardFilter';

/** Props of `BoardTools`. */
export interface BoardToolsProps {
  filter: CardFilter;
  onChange(next: CardFilter): void;
  /** How many cards show, and how many there are, for the line read after a change. */
  shown: number;
  total: number;
}

/** The filter and search row above the sections. */
export const BoardTools = memo(function BoardTools({
  filter,
  onChange,
  shown,
  total,
}: BoardToolsProps) {
  const showId = useId();
  const searchId = useId();
  const filtered = shown !== total;
  return (
    <search className="flex flex-wrap items-end gap-x-3 gap-y-2" aria-label="Find cards">
      <span className="flex flex-col">
        <label htmlFor={showId} className="font-semibold text-sm">
          Show
        </label>
        <select
          id={showId}
          value={filter.kind}
          onChange={(e) => onChange({ ...filter, kind: e.currentTarget.value as FilterKind })}
          className="min-h-11 max-w-44 rounded-md border-2 border-ink bg-white px-1 text-ink"
        >
          {FILTER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {FILTER_LABEL[kind]}
            </option>
          ))}
        </select>
      </span>
      <span className="flex min-w-0 flex-1 basis-32 flex-col">
        <label htmlFor={searchId} className="font-semibold text-sm">
          Search cards
        </label>
        <input
          id={searchId}
          type="search"
          value={filter.query}
          onChange={(e) => onChange({ ...filter, query: e.currentTarget.value })}
          className="min-h-11 w-full rounded-md border-2 border-ink bg-white px-2 text-ink"
        />
      </span>
      <p role="status" className="basis-full text-sm" data-testid="filter-status">
        {filtered ? `Showing ${shown} of ${total} cards.` : ''}
      </p>
    </search>
  );
});
