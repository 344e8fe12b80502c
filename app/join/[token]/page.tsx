import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { JoinForm } from '../../../components/join/JoinForm';
import { JoiningAs } from '../../../components/join/JoiningAs';
import { LinkProblem } from '../../../components/ui/LinkProblem';
import { purple } from '../../../server/facade';
import { joinWorkshop } from '../../actions';

export const metadata: Metadata = { title: 'Join a workshop', robots: { index: false } };

/** The invite page: shows the workshop and which group the link is for, then the join form. */
export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const outcome = await purple().inviteInfo(token);
  if (!outcome.ok) {
    if (outcome.reason === 'revoked') {
      return <LinkProblem title="This link has been turned off" message={outcome.message} />;
    }
    if (outcome.reason === 'linkFull') {
      return <LinkProblem title="This link is full" message={outcome.message} />;
    }
    if (outcome.reason === 'unknownWorkshop') notFound();
    return <LinkProblem title="This link does not work" message={outcome.message} />;
  }
  const invite = outcome.value;

  return (
    <div className="mx-auto max-w-2xl px-4 py-8">
      <p className="mb-1 font-semibold text-lg">You are invited to a workshop</p>
      <h1 className="mb-4 font-extrabold text-3xl sm:text-4xl">{invite.workshopTitle}</h1>
      <figure className="mb-6 border-joint-edge border-l-8 bg-neutral-100 p-4 text-lg dark:border-joint-fill dark:bg-neutral-900">
        <figcaption className="font-bold">The question</figcaption>
        <blockquote className="mt-1 whitespace-pre-line">{invite.question}</blockquote>
      </figure>
      <JoiningAs kind={invite.kind} />
      <section aria-labelledby="join-heading" className="mt-8">
        <h2 id="join-heading" className="mb-4 font-bold text-2xl">
          Join the workshop
        </h2>
        <JoinForm action={joinWorkshop.bind(null, token)} observer={invite.kind === 'observer'} />
      </section>
    </div>
  );
}
