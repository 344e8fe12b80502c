import { LinkProblem } from '../../../../components/ui/LinkProblem';

/** `/w/<id>/vote` for a workshop that does not exist. */
export default function VoteNotFound() {
  return (
    <LinkProblem
      title="We could not find this vote"
      message="We could not find this workshop. The link may be wrong, or the workshop may have ended. Check the link, or ask the person who sent it."
    />
  );
}
