/** One line saying whether this person's edits are stored on the server. */
import type { BoardStatus } from './useBoardDoc';

/** Props of `SaveStatus`, straight from `useBoardDoc` (plus whether the board has loaded). */
export interface SaveStatusProps {
  status: BoardStatus;
  ready: boolean;
  saved: boolean;
  canWrite: boolean;
}

/** The words for the current save state. */
export function saveStatusText({ status, ready, saved, canWrite }: SaveStatusProps): string {
  if (!ready) return 'Loading the board…';
  if (status !== 'connected') {
    return canWrite
      ? 'You are offline. Your changes will be saved when you reconnect.'
      : 'You are offline. The board will update when you reconnect.';
  }
  if (!canWrite) return 'You are seeing the latest version of the board.';
  return saved ? 'All your changes are saved' : 'Saving…';
}

/** The save state line, with a small icon that is not the only cue. */
export function SaveStatus(props: SaveStatusProps) {
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
}
