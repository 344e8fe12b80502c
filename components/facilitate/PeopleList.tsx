/**
 * For the facilitator: who has joined, by group, and what each person said would help
 * them take part. People who hid their name appear by group only.
 */
import type { PersonView } from '../../lib/protocol/events';
import { GroupBadge } from '../ui/GroupBadge';

/** Props of `PeopleList`. */
export interface PeopleListProps {
  people: readonly PersonView[] | null;
}

/** The "People and what helps them" list. */
export function PeopleList({ people }: PeopleListProps) {
  return (
    <section aria-labelledby="people-heading">
      <h3 id="people-heading" className="font-bold text-lg">
        People and what helps them
      </h3>
      <p>Only you can see what people say would help them take part.</p>
      {people === null ? (
        <p>Loading…</p>
      ) : (
        <ul className="space-y-2">
          {people.map((p) => (
            <li key={p.key} className="space-y-1">
              <p className="flex flex-wrap items-center gap-2">
                {p.group ? <GroupBadge group={p.group} /> : <span>Observer</span>}
                <span>
                  {p.label}
                  {p.capability === 'facilitator' ? ' (facilitator)' : ''}
                </span>
              </p>
              {p.accessNeeds && (
                <p className="border-neutral-500 border-l-4 pl-2">
                  <span className="font-semibold">What helps: </span>
                  {p.accessNeeds}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
