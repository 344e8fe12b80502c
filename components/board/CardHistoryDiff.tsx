/**
 * One version's changes, word by word: added words underlined and removed words crossed
 * out, each also named in words ("added", "removed") and not by colour alone.
 */
import { diffSummary, historyDiff } from '../../lib/board/historyDiff';

/** The difference from `before` to `after`, with a one-line summary. */
export function CardHistoryDiff({ before, after }: { before: string; after: string }) {
  const parts = historyDiff(before, after);
  return (
    <div className="space-y-1">
      <p className="font-semibold">{diffSummary(parts)}</p>
      <p className="whitespace-pre-wrap break-words rounded-md border-2 border-neutral-400 bg-white p-2 text-ink">
        {parts.map((p, i) =>
          p.kind === 'same' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts never reorder
            <span key={i}>{p.text}</span>
          ) : p.kind === 'added' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts never reorder
            <ins key={i} className="bg-[#CCE8D4] underline decoration-2">
              <span className="sr-only">added: </span>
              {p.text}
              <span className="sr-only"> (end of added)</span>
            </ins>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts never reorder
            <del key={i} className="bg-[#F6D2D5] line-through decoration-2">
              <span className="sr-only">removed: </span>
              {p.text}
              <span className="sr-only"> (end of removed)</span>
            </del>
          ),
        )}
      </p>
    </div>
  );
}
