/**
 * Fill, edge colour and border pattern per colour: solid staff, dashed lived experience,
 * double joint, dotted while the writer is unknown. Shared by cards and by each co-edited
 * field of a decision or indicator, so a field is coloured exactly like card text.
 */
export const LOOK = {
  people: 'bg-people-fill border-people-edge border-4 border-dashed',
  system: 'bg-system-fill border-system-edge border-4 border-solid',
  joint: 'bg-joint-fill border-joint-edge border-[6px] border-double',
  unknown: 'bg-white border-ink border-4 border-dotted',
} as const;
