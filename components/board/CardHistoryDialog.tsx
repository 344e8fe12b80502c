'use client';
/**
 * "What happened to this card?" (issue 13): a modal dialog listing every version, newest
 * first, with who changed it (by group, names only as the rules allow), when, and what
 * changed; the facilitator and the card's co-authors can restore an earlier version.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { CardHistoryView } from '../../lib/protocol/events';
import { GROUP_LABEL } from '../../lib/roles';
import { Button } from '../ui/Button';
import { useBoard } from './BoardContext';
import { CardHistoryDiff } from './CardHistoryDiff';

const LOADING = 'Loading the history…';

const time = (iso: string) =>
  new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Props of `CardHistoryDialog`: the card, and what to do when it closes. */
export interface CardHistoryDialogProps {
  cardId: string;
  label: string;
  onClose: () => void;
}

/** The history dialog; opened as a modal as soon as it mounts. */
export function CardHistoryDialog({ cardId, label, onClose }: CardHistoryDialogProps) {
  const board = useBoard();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [history, setHistory] = useState<CardHistoryView | null>(null);
  const [message, setMessage] = useState(LOADING);

  const load = useCallback(async () => {
    const ack = await board.cardHistory(cardId);
    if (!ack.ok) return setMessage(ack.message);
    setHistory(ack.history);
    setMessage((m) => (m === LOADING ? '' : m));
  }, [board, cardId]);

  useEffect(() => {
    ref.current?.showModal();
    void load();
  }, [load]);

  async function restore(seq: number, at: string) {
    setMessage('Restoring…');
    const ack = await board.revertCard(cardId, seq);
    setMessage(ack.ok ? `Restored the version from ${time(at)}.` : ack.message);
    if (ack.ok) await load();
  }

  const versions = history?.versions ?? [];
  const byTime = new Map(versions.map((v) => [v.seq, v.at]));
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto max-h-[90vh] w-[min(40rem,95vw)] overflow-auto rounded-lg border-4 border-ink bg-white p-4 text-ink backdrop:bg-black/50"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 id={titleId} className="font-bold text-xl">
          History of {label}
        </h2>
        <Button small variant="secondary" onClick={() => ref.current?.close()}>
          Close
        </Button>
      </div>
      <p className="mt-2 text-sm">Added words are underlined. Removed words are crossed out.</p>
      <p role="status" className="mt-2 font-semibold">
        {message}
      </p>
      <ol className="mt-2 space-y-4" reversed>
        {[...versions].reverse().map((v) => {
          const i = versions.indexOf(v);
          const before = versions[i - 1]?.text ?? '';
          const isLatest = i === versions.length - 1;
          const restored = v.restoredFrom ? byTime.get(v.restoredFrom) : undefined;
          return (
            <li key={v.seq} className="space-y-2 border-neutral-400 border-t-2 pt-2">
              <h3 className="font-semibold">
                {time(v.at)}: {v.by}
                {v.group && !v.by.includes(GROUP_LABEL[v.group]) && ` (${GROUP_LABEL[v.group]})`}
                {i === 0
                  ? ' wrote the card'
                  : restored
                    ? ` restored the version from ${time(restored)}`
                    : ' changed it'}
                {isLatest && ' (now)'}
              </h3>
              <CardHistoryDiff before={before} after={v.text} />
              {history?.mayRestore && !isLatest && (
                <Button small variant="secondary" onClick={() => restore(v.seq, v.at)}>
                  Restore this version
                </Button>
              )}
            </li>
          );
        })}
      </ol>
    </dialog>
  );
}
