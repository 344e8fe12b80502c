/** What the summary page shows when the visitor may not read the summary (yet). */
import type { Reason } from '../../lib/protocol/reasons';
import { LinkProblem } from '../ui/LinkProblem';

const TITLE: Partial<Record<Reason, string>> = {
  unauthenticated: 'You need an invite link to read this summary',
  revoked: 'Your link no longer works',
  summaryNotShared: 'The summary is not ready yet',
};

/** A clear page with the reason in words and a way back to the board. */
export function SummaryAccessProblem(props: {
  reason: Reason;
  message: string;
  workshopId: string;
}) {
  return (
    <>
      <LinkProblem
        title={TITLE[props.reason] ?? 'We could not open this summary'}
        message={props.message}
      />
      {props.reason === 'summaryNotShared' && (
        <p className="mx-auto max-w-prose px-4 pb-10 text-lg">
          <a
            href={`/w/${props.workshopId}`}
            className="font-semibold text-joint-edge dark:text-joint-fill"
          >
            Back to the board
          </a>
        </p>
      )}
    </>
  );
}
