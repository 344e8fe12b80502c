'use client';
import { cardsMap } from '../../lib/board/doc';
/** What every record component reads first: its view, who made it, its lock and its delete. */
import { type RecordView, readRecord } from '../../lib/board/records';
import type { Section } from '../../lib/board/sections';
import type { Group } from '../../lib/roles';
import { useBoard } from '../board/BoardContext';
import { useCardVersion } from '../board/useCardVersion';
import { type CardDeletion, useDeleteCard } from '../board/useDeleteCard';
import { useLock } from '../facilitate/FacilitationContext';

/** A record's basics, re-read whenever its own map or fields change. */
export interface RecordBasics {
  view: RecordView | null;
  creatorGroup: Group | null | undefined;
  /** May this person write the record's writer fields now (not locked for them)? */
  writable: boolean;
  /** May they write the facilitator's fields? */
  facilitates: boolean;
  locked: boolean;
  canDelete: boolean;
  deletion: CardDeletion;
}

/** Read one record for its component. */
export function useRecordBasics(id: string, section: Section): RecordBasics {
  const board = useBoard();
  useCardVersion(board.doc, id);
  const lock = useLock(id, section);
  const deletion = useDeleteCard(id, section);
  const view = readRecord(board.doc, id);
  const creator = cardsMap(board.doc).get(id)?._item?.id.client ?? 0;
  const writable = board.canWrite && !lock.readOnly;
  return {
    view,
    creatorGroup: board.groupOf(creator),
    writable,
    facilitates: writable && board.isFacilitator,
    locked: lock.locked,
    canDelete: writable && (board.isFacilitator || board.isMine(creator)),
    deletion,
  };
}
