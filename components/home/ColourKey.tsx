import { GroupBadge } from '../ui/GroupBadge';

/** Explains pink, blue and purple in words, each with its badge, so colour is never the only cue. */
export function ColourKey() {
  return (
    <ul className="my-4 space-y-3 p-0">
      <li className="flex flex-wrap items-center gap-3">
        <GroupBadge group="people" />
        <span>Pink: written by people with lived experience.</span>
      </li>
      <li className="flex flex-wrap items-center gap-3">
        <GroupBadge group="system" />
        <span>Blue: written by staff.</span>
      </li>
      <li className="flex flex-wrap items-center gap-3">
        <GroupBadge group="joint" />
        <span>Purple: made together. Both groups wrote it, or both agree with it.</span>
      </li>
    </ul>
  );
}
