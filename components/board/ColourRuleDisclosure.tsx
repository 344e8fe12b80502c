/** "How colours work": the colour rule in one plain sentence, with the three looks side by side. */
import { memo } from 'react';
import { COLOUR_RULE_SENTENCE } from '../../lib/attribution/colour';
import { GroupBadge } from '../ui/GroupBadge';
import { PlainDisplayToggle } from './PlainDisplayToggle';

/** A disclosure near the top of the board explaining the colours, with the plain-display choice. */
export const ColourRuleDisclosure = memo(function ColourRuleDisclosure() {
  return (
    <details className="rounded-md border-2 border-neutral-400 p-2">
      <summary className="min-h-6 cursor-pointer font-semibold">How colours work</summary>
      <div className="mt-2 space-y-2">
        <p>{COLOUR_RULE_SENTENCE}</p>
        <ul className="flex flex-wrap gap-2" aria-label="The three kinds of card">
          <li className="rounded-md border-4 border-people-edge border-dashed bg-people-fill p-2 text-ink">
            <GroupBadge group="people" /> dashed edge
          </li>
          <li className="rounded-md border-4 border-system-edge bg-system-fill p-2 text-ink">
            <GroupBadge group="system" /> solid edge
          </li>
          <li className="rounded-md border-[6px] border-joint-edge border-double bg-joint-fill p-2 text-ink">
            <GroupBadge group="joint" /> double edge
          </li>
        </ul>
        <PlainDisplayToggle />
      </div>
    </details>
  );
});
