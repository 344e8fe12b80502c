/**
 * Moving or deleting a card re-orders or removes DOM nodes, which drops keyboard focus.
 * A control asks for focus here; the card it names takes it after its next render.
 */

/** Which control of a card should take focus. */
export type FocusTarget = 'text' | 'actions' | 'status';

/** One pending request at a time; the newest wins. */
export class FocusRequests {
  private pending: { cardId: string; target: FocusTarget } | null = null;

  /** Ask for `target` of `cardId` to take focus when that card next renders. */
  request(cardId: string, target: FocusTarget): void {
    this.pending = { cardId, target };
  }

  /**
   * Like `request`, for a card that may already be on the page (a restore whose Yjs update
   * arrived before its acknowledgement): on the next frame, focus it there if it is.
   */
  requestNow(cardId: string, target: FocusTarget): void {
    this.request(cardId, target);
    requestAnimationFrame(() => {
      const field = document.querySelector<HTMLElement>(
        `[data-card-id="${cardId}"] [data-focus="${target}"]`,
      );
      if (field && this.take(cardId)) field.focus();
    });
  }

  /** The target for this card, if one is pending; clears the request. */
  take(cardId: string): FocusTarget | null {
    if (this.pending?.cardId !== cardId) return null;
    const { target } = this.pending;
    this.pending = null;
    return target;
  }
}
