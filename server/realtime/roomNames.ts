/** socket.io room names of the control channel, defined in one place. */
export const roomNames = {
  /** Everyone connected to a workshop. */
  workshop: (workshopId: string) => `w:${workshopId}`,
  /** Every socket of one participant. */
  person: (participantId: string) => `p:${participantId}`,
  /** The facilitators of a workshop. */
  facilitators: (workshopId: string) => `f:${workshopId}`,
} as const;
