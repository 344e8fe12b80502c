'use client';
/** The facilitator's choices: share the draft with participants, and mark the summary final. */
import { useActionState } from 'react';
import { type SettingsState, saveSummarySettings } from '../../app/w/[id]/summary/actions';
import type { SummarySettings } from '../../lib/summary/pageData';
import { Checkbox } from '../ui/Checkbox';
import { SubmitButton } from '../ui/SubmitButton';

/** The settings form, saved on the server. */
export function SummarySettingsForm({
  workshopId,
  settings,
}: {
  workshopId: string;
  settings: SummarySettings;
}) {
  const [state, action] = useActionState<SettingsState, FormData>(
    saveSummarySettings.bind(null, workshopId),
    { settings, message: '' },
  );
  return (
    <form
      action={action}
      aria-labelledby="settings-heading"
      className="mt-6 rounded-md border-2 border-ink p-4 print:hidden"
    >
      <h2 id="settings-heading" className="mb-3 font-bold text-xl">
        Who can read it
      </h2>
      <Checkbox
        id="shareDraft"
        label="Let participants read the draft"
        hint="Participants see their version: no access needs and no hidden names. Otherwise they can read it once it is final."
        defaultChecked={state.settings.shareDraft}
      />
      <Checkbox id="final" label="This summary is final" defaultChecked={state.settings.final} />
      <SubmitButton label="Save" pendingLabel="Saving…" />
      <p role="status" className="mt-2 min-h-7">
        {state.error ?? state.message}
      </p>
    </form>
  );
}
