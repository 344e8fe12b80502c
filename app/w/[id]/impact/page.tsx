import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { BoardAccessProblem } from '../../../../components/board/BoardAccessProblem';
import { ImpactView } from '../../../../components/records/ImpactView';
import { purple, sessionCookieName } from '../../../../server/facade';

export const metadata: Metadata = { title: 'What happened to my ideas' };

/**
 * `/w/<id>/impact`: the visitor's own cards and what became of each (issue 9). Needs the
 * workshop's session cookie, which the personal link sets again on any device, days later.
 */
export default async function ImpactPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const cookie = (await cookies()).get(sessionCookieName(id))?.value;
  const result = await purple().impactFor(id, cookie);
  if (!result.ok) {
    if (result.reason === 'unknownWorkshop') notFound();
    return <BoardAccessProblem reason={result.reason} message={result.message} />;
  }
  return <ImpactView data={result.value} />;
}
