import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { VoteAccessProblem } from '../../../../components/vote/VoteAccessProblem';
import { VotePage } from '../../../../components/vote/VotePage';
import { purple, sessionCookieName } from '../../../../server/facade';
import { requestContext } from '../../../requestContext';

export const metadata: Metadata = { title: 'Vote' };

/** `/w/<id>/vote`: the light, phone-first vote page; the same session cookie as the board. */
export default async function VoteRoute({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const cookie = (await cookies()).get(sessionCookieName(id))?.value;
  const result = await purple().boardPage(id, cookie, (await requestContext()).origin);
  if (!result.ok) {
    if (result.reason === 'unknownWorkshop') notFound();
    return <VoteAccessProblem reason={result.reason} message={result.message} />;
  }
  // Only what the vote page needs travels to the browser (not the invite links).
  const { workshop, me } = result.value;
  return <VotePage data={{ workshop, me }} />;
}
