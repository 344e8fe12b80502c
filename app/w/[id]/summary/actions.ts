'use server';
/** The facilitator's summary settings form (issue 10), through the facade. */
import { cookies } from 'next/headers';
import type { SummarySettings } from '../../../../lib/summary/pageData';
import { purple, sessionCookieName } from '../../../../server/facade';

/** What the settings form shows after saving. */
export interface SettingsState {
  settings: SummarySettings;
  message: string;
  error?: string;
}

/** Save "share the draft" and "final" for workshop `id`. */
export async function saveSummarySettings(
  id: string,
  previous: SettingsState,
  formData: FormData,
): Promise<SettingsState> {
  const next: SummarySettings = {
    shareDraft: formData.get('shareDraft') === 'on',
    final: formData.get('final') === 'on',
  };
  const cookie = (await cookies()).get(sessionCookieName(id))?.value;
  const r = await purple().setSummarySettings(id, cookie, next);
  if (!r.ok) return { ...previous, error: r.message, message: '' };
  const who =
    r.value.final || r.value.shareDraft
      ? 'Participants can now read it.'
      : 'Only facilitators can read it.';
  return {
    settings: r.value,
    message: `Saved. ${r.value.final ? 'The summary is final.' : 'The summary is a draft.'} ${who}`,
  };
}
