import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { VoteAccessProblem } from '../../../../components/vote/VoteAccessProblem';
import { VotePage } from '../../../../components/vote/VotePage';
import { purple, sessionCookieName } from '../../../../server/facade';

export const metadata: Metadata = { title: 'Vote' };

/** The origin the visitor used, as the server sees it (for the personal link). */
async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto.split(',')[0]?.trim() || 'http'}://${host}`;
}

/** `/w/<id>/vote`: the light, phone-first vote page; the same session cookie as the board. */
export default async function VoteRoute({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const cookie = (await cookies()).get(sessionCookieName(id))?.value;
  const result = await purple().boardPage(id, cookie, await requestOrigin());
  if (!result.ok) {
    if (result.reason === 'unknownWorkshop') notFound();
    return <VoteAccessProblem reason={result.reason} message={result.message} />;
  }
  // Only what the vote page needs travels to the browser (not the invite links).
  const { workshop, me } = result.value;
  return <VotePage data={{ workshop, me }} />;
}
