/** "Here now": who is on the board, by group badge and name (or only group when anonymous). */
import { anonymousLabel } from '../../lib/participantLabel';
import type { PresenceEntry } from '../../lib/protocol/events';
import { GroupBadge } from '../ui/GroupBadge';

function nameOf(person: PresenceEntry): string {
  const base = person.name ?? anonymousLabel(person.group);
  const role = person.capability === 'facilitator' ? ', facilitator' : '';
  return `${base}${role}${person.you ? ' (you)' : ''}`;
}

/** The list of people here now. */
export function PresenceList({ people }: { people: readonly PresenceEntry[] }) {
  return (
    <section aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="font-bold text-xl">
        Here now
      </h2>
      {people.length === 0 ? (
        <p>No one else is here yet.</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {people.map((person) => (
            <li key={person.key} className="flex flex-wrap items-center gap-2">
              {person.group ? (
                <GroupBadge group={person.group} />
              ) : (
                <span className="rounded-full border-2 border-current px-2.5 py-0.5 font-semibold text-sm">
                  Observer
                </span>
              )}
              <span>{nameOf(person)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
