'use client';
/**
 * One line saying whether this person's edits are stored on the server. It alone reads the
 * saved store, so only this line re-renders when a keystroke is saved.
 */
import { memo, useSyncExternalStore } from 'react';
import type { SavedStore } from './SavedStore';
import type { BoardStatus } from './useBoardDoc';

/** What the save line shows, given the connection and the saved flag. */
export interface SaveStatusState {
  status: BoardStatus;
  ready: boolean;
  saved: boolean;
  canWrite: boolean;
}

/** The words for the current save state. */
export function saveStatusText({ status, ready, saved, canWrite }: SaveStatusState): string {
  if (!ready) return 'Loading the board…';
  if (status !== 'connected') {
    return canWrite
      ? 'You are offline. Your changes will be saved when you reconnect.'
      : 'You are offline. The board will update when you reconnect.';
  }
  if (!canWrite) return 'You are seeing the latest version of the board.';
  return saved ? 'All your changes are saved' : 'Saving…';
}

/** Props of `SaveStatus`: the live status, whether the board has loaded, the saved store. */
export interface SaveStatusProps extends Omit<SaveStatusState, 'saved'> {
  saved: SavedStore;
}

/** The save state line, with a small icon that is not the only cue. */
export const SaveStatus = memo(function SaveStatus({ saved: store, ...rest }: SaveStatusProps) {
  const saved = useSyncExternalStore(store.subscribe, store.get, () => true);
  const props = { ...rest, saved };
  const text = saveStatusText(props);
  const offline = props.ready && props.status !== 'connected';
  return (
    <p
      data-testid="save-status"
      data-state={offline ? 'offline' : props.saved ? 'saved' : 'saving'}
      className="flex items-center gap-2 font-semibold"
    >
      <span aria-hidden="true" className={offline ? 'text-danger dark:text-danger-on-dark' : ''}>
        {offline ? '●' : props.saved ? '✓' : '…'}
      </span>
      {text}
    </p>
  );
});
