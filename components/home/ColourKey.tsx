import { GroupBadge } from '../ui/GroupBadge';

/** Explains pink, blue and purple in words, each with its badge, so colour is never the only cue. */
export function ColourKey() {
  return (
    <ul className="my-4 space-y-4 p-0 sm:grid sm:grid-cols-[auto_1fr] sm:gap-3 sm:space-y-0">
      <li className="flex flex-col items-start gap-1 sm:col-span-2 sm:grid sm:grid-cols-subgrid sm:items-center">
        <GroupBadge group="people" className="justify-self-start" />
        <span>Pink: written by people with lived experience.</span>
      </li>
      <li className="flex flex-col items-start gap-1 sm:col-span-2 sm:grid sm:grid-cols-subgrid sm:items-center">
        <GroupBadge group="system" className="justify-self-start" />
        <span>Blue: written by staff.</span>
      </li>
      <li className="flex flex-col items-start gap-1 sm:col-span-2 sm:grid sm:grid-cols-subgrid sm:items-center">
        <GroupBadge group="joint" className="justify-self-start" />
        <span>Purple: made together. Both groups wrote it, or both agree with it.</span>
      </li>
    </ul>
  );
}
