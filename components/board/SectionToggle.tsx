/** A section's heading as a disclosure button: its title, its count, and whether it is open. */

/** Props of `SectionToggle`. */
export interface SectionToggleProps {
  id: string;
  /** The id of the title alone, which names the section's region. */
  titleId: string;
  title: string;
  /** "3" or "2 of 3": the number shown beside the title. */
  count: string;
  /** Words after the number ("cards", "cards shown"); hidden on a phone but still read out. */
  countWords: string;
  open: boolean;
  controls: string;
  onToggle(): void;
}

/** `<h2><button aria-expanded>` with a chevron that turns, and the count in words. */
export function SectionToggle({
  id,
  titleId,
  title,
  count,
  countWords,
  open,
  controls,
  onToggle,
}: SectionToggleProps) {
  return (
    <h2 className="font-bold text-lg sm:text-xl">
      <button
        id={id}
        type="button"
        aria-expanded={open}
        aria-controls={controls}
        onClick={onToggle}
        className="inline-flex min-h-11 cursor-pointer items-center gap-1.5 rounded-md text-left"
      >
        <svg
          viewBox="0 0 24 24"
          width="20"
          height="20"
          aria-hidden="true"
          focusable="false"
          className={
            open ? 'rotate-90 motion-safe:transition-transform' : 'motion-safe:transition-transform'
          }
        >
          <path d="m9 5 7 7-7 7" fill="none" stroke="currentColor" strokeWidth="3" />
        </svg>
        <span id={titleId}>{title}</span>
        {/* A phone shows "(3)" and reads out "(3 cards)": one whole phrase, so the name is
            not "3 cards )" with a stray bracket read out on its own. */}
        <span aria-hidden="true" className="font-normal text-sm sm:hidden">
          ({count})
        </span>
        <span className="font-normal max-sm:sr-only sm:text-base">
          ({count} {countWords})
        </span>
      </button>
    </h2>
  );
}
