/**
 * The participant's personal link, to come back as the same person on another device.
 * Shown in full just after joining; afterwards it waits in a small disclosure.
 */
import { CopyLink } from '../ui/CopyLink';

/** Props of `PersonalLink`: the URL and whether the person has just joined. */
export interface PersonalLinkProps {
  url: string;
  justJoined: boolean;
}

/** The personal link box. */
export function PersonalLink({ url, justJoined }: PersonalLinkProps) {
  if (justJoined) {
    return (
      <section
        aria-labelledby="personal-link-heading"
        className="rounded-lg border-4 border-joint-edge p-4 dark:border-joint-fill"
      >
        <h2 id="personal-link-heading" className="mb-2 font-bold text-xl">
          Save this link to come back as yourself on another device
        </h2>
        <CopyLink
          url={url}
          label="Your personal link"
          hint="Keep it private. Anyone with this link can use the board as you."
        />
      </section>
    );
  }
  return (
    <details className="rounded-md border-2 border-neutral-400 p-2">
      <summary className="min-h-6 cursor-pointer font-semibold">Your personal link</summary>
      <div className="mt-2">
        <CopyLink
          url={url}
          label="Your personal link"
          hint="Use it to come back as yourself on another device. Keep it private."
        />
      </div>
    </details>
  );
}
