'use client';
/** "Add a reading" of an indicator (issue 9): a value, the day it is for, and a note. */
import { type FormEvent, useState } from 'react';
import { RECORD_LIMITS } from '../../lib/protocol/recordEvents';
import { ErrorLine } from '../board/ErrorLine';
import { Button } from '../ui/Button';
import { SmallField } from './SmallField';

/** Props of `ReadingForm`. */
export interface ReadingFormProps {
  recordId: string;
  /** Ask the server; resolves with a refusal's words, or null. */
  add(value: number, date: string, note: string): Promise<string | null>;
}

/** Today as an ISO day, in this device's time zone. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The form; clears after the server stored the reading. */
export function ReadingForm({ recordId, add }: ReadingFormProps) {
  const [value, setValue] = useState('');
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = `${recordId}-reading`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const n = Number(value.replace(',', '.'));
    if (value.trim() === '' || !Number.isFinite(n)) {
      setError('Write the reading as a number, for example 42 or 3.5.');
      document.getElementById(`${id}-value`)?.focus();
      return;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      setError('Choose the day this reading is for.');
      document.getElementById(`${id}-date`)?.focus();
      return;
    }
    const refused = await add(n, date, note);
    setError(refused);
    if (refused) return;
    setValue('');
    setNote('');
  }

  return (
    <form onSubmit={submit} className="space-y-2 rounded-md border-2 border-neutral-500 p-2">
      <p className="font-semibold">Add a reading</p>
      <div className="flex flex-wrap gap-2">
        <SmallField
          id={`${id}-value`}
          label="Value"
          inputMode="decimal"
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          wrapperClassName="w-32"
        />
        <SmallField
          id={`${id}-date`}
          label="Date"
          type="date"
          value={date}
          onChange={(event) => setDate(event.currentTarget.value)}
        />
        <SmallField
          id={`${id}-note`}
          label="Note (optional)"
          value={note}
          maxLength={RECORD_LIMITS.noteChars}
          onChange={(event) => setNote(event.currentTarget.value)}
          wrapperClassName="min-w-0 flex-1 basis-48"
        />
      </div>
      <Button small type="submit" className="min-h-11">
        Add the reading
      </Button>
      {error && <ErrorLine message={error} />}
    </form>
  );
}
