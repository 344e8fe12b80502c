import type { Group } from '../../lib/roles';

/** The shape that stands for a group beside its colour: a heart (lived experience), a building (staff), two circles (joint). */
export function GroupIcon({ group, className }: { group: Group | 'joint'; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className}
    >
      {group === 'people' && (
        <path d="M12 20.5s-7.5-4.6-7.5-10.1A4.3 4.3 0 0 1 12 7.6a4.3 4.3 0 0 1 7.5 2.8c0 5.5-7.5 10.1-7.5 10.1Z" />
      )}
      {group === 'system' && (
        <>
          <path d="M4 21V6l8-3 8 3v15" />
          <path d="M2.5 21h19M8.5 9h1M14.5 9h1M8.5 13h1M14.5 13h1M10.5 21v-4h3v4" />
        </>
      )}
      {group === 'joint' && (
        <>
          <circle cx="9" cy="12" r="6" />
          <circle cx="15" cy="12" r="6" />
        </>
      )}
    </svg>
  );
}
