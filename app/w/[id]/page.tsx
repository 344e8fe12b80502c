import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { Board } from '../../../components/board/Board';
import { BoardAccessProblem } from '../../../components/board/BoardAccessProblem';
import { purple, sessionCookieName } from '../../../server/facade';

export const metadata: Metadata = { title: 'Workshop board' };

/** The origin the visitor used, as the server sees it (for links the facilitator shares). */
async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto.split(',')[0]?.trim() || 'http'}://${host}`;
}

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
  const result = await purple().boardPage(id, cookie, await requestOrigin());
  if (!result.ok) {
    if (result.reason === 'unknownWorkshop') notFound();
    return <BoardAccessProblem reason={result.reason} message={result.message} />;
  }
  const joined = (await searchParams).joined === '1';
  return <Board data={result.value} justJoined={joined} />;
}
