import { GROUP_LABEL, type Group } from '../../lib/roles';
import { cn } from './cn';
import { GroupIcon } from './GroupIcon';

const STYLE: Record<Group | 'joint', string> = {
  people: 'bg-people-fill border-people-edge',
  system: 'bg-system-fill border-system-edge',
  joint: 'bg-joint-fill border-joint-edge',
};

/** Props of `GroupBadge`: the group to show, and extra classes for layout. */
export interface GroupBadgeProps {
  group: Group | 'joint';
  className?: string;
  /** A shorter pill for dense lists such as compact cards. */
  small?: boolean;
}

/** A small pill naming a group in words ("Lived experience", "Staff", "Joint") with its icon and colour; colour is never the only cue. */
export function GroupBadge({ group, className, small = false }: GroupBadgeProps) {
  return (
    <span
      data-group-badge={group}
      className={cn(
        'inline-flex items-center gap-1.5 rounded-full border-2 font-semibold text-ink text-sm',
        small ? 'px-2 leading-5' : 'px-2.5 py-0.5 leading-6',
        STYLE[group],
        className,
      )}
    >
      <GroupIcon group={group} className="shrink-0 text-base" />
      {GROUP_LABEL[group]}
    </span>
  );
}
