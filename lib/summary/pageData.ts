/** What the summary page and its downloads receive from the server (issue 10). */
import type { SummaryFormat } from './formats';
import type { SummaryModel } from './schema';

/** A facilitator's choices for the summary. */
export interface SummarySettings {
  /** Participants may read the summary before it is final. */
  shareDraft: boolean;
  /** The facilitator marked it final; participants can always read a final summary. */
  final: boolean;
}

/** The summary page's data: the model for this viewer and, for facilitators, the settings. */
export interface SummaryPageData {
  model: SummaryModel;
  settings: SummarySettings;
  canManage: boolean;
}

/** One rendered download. */
export interface SummaryFile {
  format: SummaryFormat;
  fileName: string;
  contentType: string;
  body: Uint8Array;
}
