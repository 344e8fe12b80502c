import type { Metadata } from 'next';
import { LinkProblem } from '../components/ui/LinkProblem';

export const metadata: Metadata = { title: 'Page not found' };

/** Shown for any address Purple does not know, including invite links that do not exist. */
export default function NotFound() {
  return (
    <LinkProblem
      title="We could not find this page"
      message="The link may be wrong, or the workshop may have ended. Check the link, or ask the person who sent it."
    />
  );
}
