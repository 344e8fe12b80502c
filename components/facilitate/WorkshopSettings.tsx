'use client';
/**
 * The workshop itself, for facilitators: edit its title and question, close it (it is then
 * deleted after the retention period) or reopen it, and delete it now after a confirmation.
 */
import { type FormEvent, useId, useState } from 'react';
import type { Ack } from '../../lib/protocol/events';
import type { WorkshopView } from '../../lib/protocol/peopleEvents';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { ConfirmAction } from './ConfirmAction';

/** Props of `WorkshopSettings`. */
export interface WorkshopSettingsProps {
  workshop: WorkshopView;
  editWorkshop(title: string, question: string): Promise<Ack>;
  closeWorkshop(closed: boolean): Promise<Ack>;
  deleteWorkshop(): Promise<Ack>;
}

/** "This workshop": edit, close or delete. */
export function WorkshopSettings(props: WorkshopSettingsProps) {
  const { workshop, editWorkshop, closeWorkshop, deleteWorkshop } = props;
  const id = useId();
  const [status, setStatus] = useState('');
  const [errors, setErrors] = useState<{ title?: string; question?: string }>({});

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const title = String(form.get('title') ?? '').trim();
    const question = String(form.get('question') ?? '').trim();
    const problems = {
      ...(title ? {} : { title: 'Give the workshop a title.' }),
      ...(question ? {} : { question: 'Write the question for the workshop.' }),
    };
    setErrors(problems);
    if (problems.title || problems.question) return setStatus('');
    const ack = await editWorkshop(title, question);
    setStatus(ack.ok ? 'Saved. Everyone now sees the new title and question.' : ack.message);
  }

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="font-bold text-lg">
        This workshop
      </h3>
      <details>
        <summary className="min-h-6 cursor-pointer">Edit the title and question</summary>
        <form onSubmit={save} noValidate className="mt-2">
          <Field
            id={`${id}-title`}
            name="title"
            label="Title"
            defaultValue={workshop.title}
            error={errors.title}
          />
          <Field
            id={`${id}-question`}
            name="question"
            label="Question"
            multiline
            defaultValue={workshop.question}
            error={errors.question}
          />
          <Button type="submit" small>
            Save title and question
          </Button>
        </form>
      </details>
      <p className="mt-2">
        {workshop.closedAt
          ? 'This workshop is closed. It will be deleted, with everything in it, after the retention period.'
          : 'When the workshop is over, close it: it is then deleted automatically after the retention period.'}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button
          small
          variant="secondary"
          onClick={async () => {
            const ack = await closeWorkshop(!workshop.closedAt);
            setStatus(ack.ok ? (workshop.closedAt ? 'Reopened.' : 'Closed.') : ack.message);
          }}
        >
          {workshop.closedAt ? 'Reopen workshop' : 'Close workshop'}
        </Button>
        <ConfirmAction
          label="Delete workshop"
          question="Delete this workshop now? The board, its history, agreements, votes, people and links are all deleted, for everyone, at once. This cannot be undone."
          confirmLabel="Yes, delete everything"
          run={deleteWorkshop}
          doneMessage="The workshop has been deleted."
          onDone={(m) => setStatus(m)}
        />
      </div>
      <p role="status" className="mt-2 font-semibold" data-testid="workshop-status">
        {status}
      </p>
    </section>
  );
}
