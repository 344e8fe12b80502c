import type { Metadata } from 'next';
import { ColourKey } from '../components/home/ColourKey';
import { CreateWorkshopForm } from '../components/home/CreateWorkshopForm';
import { YourWorkshops } from '../components/home/YourWorkshops';

export const metadata: Metadata = { title: { absolute: 'Purple: work on one board together' } };

/** The home page: what Purple is, who it is for, and a form to start a workshop. */
export default function HomePage() {
  return (
    // The shared frame keeps the left edge in line with the header; the content stays 5xl wide.
    <div className="frame">
      <div className="grid max-w-5xl gap-10 py-8 lg:grid-cols-2">
        <section aria-labelledby="about-heading" className="max-w-prose text-lg">
          <h1 id="about-heading" className="mb-4 font-extrabold text-3xl sm:text-4xl">
            Work on one board together
          </h1>
          <p className="mb-4">
            Purple is a shared board for a workshop. People who use a service and the staff who run
            it write ideas on the same board. You can all work at the same time, or over a few days.
          </p>
          <h2 className="mt-6 mb-2 font-bold text-2xl">Who it is for</h2>
          <ul className="mb-4 list-disc space-y-1 pl-6">
            <li>
              <strong>People with lived experience.</strong> You use the service, or care for
              someone who does.
            </li>
            <li>
              <strong>Staff.</strong> You work in the service or help to run it.
            </li>
          </ul>
          <h2 className="mt-6 mb-2 font-bold text-2xl">What the colours mean</h2>
          <ColourKey />
          <p className="mb-4">
            Every card also says its group in words, so you do not need to see colour.
          </p>
          <h2 className="mt-6 mb-2 font-bold text-2xl">No account needed</h2>
          <p className="mb-4">
            You do not need to sign up. You choose a name when you join. A made-up name is fine.
          </p>
        </section>
        <section
          aria-labelledby="create-heading"
          className="rounded-lg border-2 border-joint-edge p-4 sm:p-6 dark:border-joint-fill"
        >
          <h2 id="create-heading" className="mb-2 font-bold text-2xl">
            Start a workshop
          </h2>
          <p className="mb-6">
            You will run the workshop. Next, you will get links to invite other people.
          </p>
          <CreateWorkshopForm />
        </section>
        <YourWorkshops />
      </div>
    </div>
  );
}
