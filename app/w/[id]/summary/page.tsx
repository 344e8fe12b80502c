import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { SummaryAccessProblem } from '../../../../components/summary/SummaryAccessProblem';
import { SummaryView } from '../../../../components/summary/SummaryView';
import { purple, sessionCookieName } from '../../../../server/facade';

export const metadata: Metadata = { title: 'Workshop summary' };

/** `/w/<id>/summary`: the summary the visitor may read, printable on A4. */
export default async function SummaryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const cookie = (await cookies()).get(sessionCookieName(id))?.value;
  const result = await purple().summary(id, cookie);
  if (!result.ok) {
    if (result.reason === 'unknownWorkshop') notFound();
    return <SummaryAccessProblem reason={result.reason} message={result.message} workshopId={id} />;
  }
  return <SummaryView data={result.value} />;
}
