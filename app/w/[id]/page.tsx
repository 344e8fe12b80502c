import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { Board } from '../../../components/board/Board';
import { BoardAccessProblem } from '../../../components/board/BoardAccessProblem';
import { purple, sessionCookieName } from '../../../server/facade';
import { requestContext } from '../../requestContext';

export const metadata: Metadata = { title: 'Workshop board' };

/** `/w/<id>`: the board, for a participant with a session cookie for this workshop. */
export default async function BoardPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const cookie = (await cookies()).get(sessionCookieName(id))?.value;
  const result = await purple().boardPage(id, cookie, (await requestContext()).origin);
  if (!result.ok) {
    if (result.reason === 'unknownWorkshop') notFound();
    return <BoardAccessProblem reason={result.reason} message={result.message} />;
  }
  const joined = (await searchParams).joined === '1';
  return <Board data={result.value} justJoined={joined} />;
}
