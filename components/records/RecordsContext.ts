'use client';
/**
 * What decision and indicator records need beyond the board's services (issue 9): the
 * facts the server stored (outcomes, actions, readings, closures), the index of which
 * records link to which card, and the control channel to ask for a change.
 */
import { createContext, useContext } from 'react';
import type { RecordsView } from '../../lib/protocol/recordEvents';
import type { CallEvent } from '../workshop/useWorkshop';
import { NO_RECORDS } from './fate';
import type { LinksIndex } from './LinksIndex';

/** The records state and actions for the board's records. */
export interface RecordsServices {
  view: RecordsView;
  links: LinksIndex | null;
  call: CallEvent | null;
}

export const RecordsContext = createContext<RecordsServices>({
  view: NO_RECORDS,
  links: null,
  call: null,
});

/** The records services of the board. */
export function useRecordsContext(): RecordsServices {
  return useContext(RecordsContext);
}
