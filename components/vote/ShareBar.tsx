/**
 * One group's bar in the results chart: pure CSS, the group's fill with a pattern (stripes
 * for lived experience, dots for staff), an edge, an icon and the number in words, so
 * colour is never the only cue. Solid in forced-colours mode.
 */
import { GROUP_LABEL, type Group } from '../../lib/roles';
import { GroupIcon } from '../ui/GroupIcon';
import { dotsWord, percent } from './voteText';

const PATTERN: Record<Group, string> = {
  people: 'repeating-linear-gradient(135deg, #DD8EB2 0 6px, #AE2573 6px 9px)',
  system: 'radial-gradient(circle, #005EB8 2px, #A2D8FD 2.5px) 0 0 / 9px 9px',
};
const EDGE: Record<Group, string> = {
  people: 'border-people-edge dark:border-people-fill',
  system: 'border-system-edge dark:border-system-fill',
};

/** Props of `ShareBar`. */
export interface ShareBarProps {
  group: Group;
  share: number;
  dots: number;
}

/** "Lived experience: 40% of their dots (4 dots)", above a bar that long. */
export function ShareBar({ group, share, dots }: ShareBarProps) {
  return (
    <div data-group={group}>
      <p className="flex items-center gap-1.5 text-sm">
        <GroupIcon group={group} className="shrink-0" />
        <span>
          <span className="font-semibold">{GROUP_LABEL[group]}:</span> {percent(share)} of their
          dots ({dotsWord(dots)})
        </span>
      </p>
      <div aria-hidden="true" className={`h-5 w-full rounded-sm border-2 ${EDGE[group]}`}>
        {share > 0 && (
          <div
            className="h-full forced-color-adjust-none forced-colors:bg-[CanvasText]"
            style={{ width: percent(share), background: PATTERN[group] }}
          />
        )}
      </div>
    </div>
  );
}
