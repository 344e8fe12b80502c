/** Thrown by every adapter's `appendUpdate` when a clientID is already bound to another participant. */
export class BindingConflictError extends Error {
  constructor(
    readonly workshopId: string,
    readonly clientId: number,
  ) {
    super(`clientID ${clientId} in workshop ${workshopId} is bound to another participant`);
    this.name = 'BindingConflictError';
  }
}
