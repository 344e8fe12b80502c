/** The "Voting" part of the facilitator panel on the board: open, watch turnout, close. */
import { expect, type Locator, type Page } from '@playwright/test';

/** What the facilitator chooses; anything left out keeps the form's default. */
export interface RoundChoice {
  section?: 'Joint priorities' | 'Quality indicators';
  budget?: number;
  cap?: number;
  /** Closing time as a `datetime-local` value, e.g. "2031-03-14T17:00". */
  deadline?: string;
  results?: 'When voting closes' | 'While voting is open';
  /** Share gap (percentage points) that marks a card "Seen differently". */
  divergence?: number;
}

export class VoteControls {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('voting-controls');
  }

  /** Fills the "Open a vote" form and waits until the round is open. */
  async openRound(choice: RoundChoice = {}): Promise<void> {
    const { root } = this;
    if (choice.section) await root.getByRole('radio', { name: choice.section }).check();
    if (choice.budget) await root.getByLabel('Dots for each person').fill(String(choice.budget));
    if (choice.cap)
      await root.getByLabel('Most dots one person can put on one card').fill(String(choice.cap));
    if (choice.deadline) await root.getByLabel(/^Voting closes on/).fill(choice.deadline);
    if (choice.results) await root.getByRole('radio', { name: choice.results }).check();
    if (choice.divergence)
      await root.getByLabel(/^Mark a card “Seen differently”/).fill(String(choice.divergence));
    await root.getByRole('button', { name: 'Open voting' }).click();
    await expect(this.openRoundBox()).toBeVisible();
  }

  /** The open round's status box. */
  openRoundBox(): Locator {
    return this.root.getByTestId('open-round');
  }

  /** "Lived experience 1 of 1 person voted." lines while results are hidden. */
  turnout(): Locator {
    return this.openRoundBox().getByTestId('turnout');
  }

  /**
   * Deletes a card from the board as the facilitator: "Card actions", "Delete card", then
   * "Yes, delete it". The one place voting tests reach a card's own controls.
   */
  async deleteCard(cardId: string): Promise<void> {
    const card = this.boardCard(cardId);
    await card.getByRole('button', { name: /^Card actions/ }).click();
    await card.getByRole('menuitem', { name: 'Delete card', exact: true }).click();
    await card.getByRole('button', { name: 'Yes, delete it' }).click();
    await expect(this.boardCard(cardId)).toHaveCount(0);
  }

  /** A card on the board (not its entry in the "Deleted cards" list): it has a text field. */
  private boardCard(cardId: string): Locator {
    return this.page
      .locator(`li[data-card-id="${cardId}"]`)
      .filter({ has: this.page.getByRole('textbox') });
  }

  /** Restores a deleted card from the facilitator's "Deleted cards" list. */
  async restoreCard(cardId: string): Promise<void> {
    const deleted = this.page.getByRole('region', { name: 'Deleted cards' });
    await deleted
      .locator(`li[data-card-id="${cardId}"]`)
      .getByRole('button', { name: 'Restore this card' })
      .click();
    await expect(this.boardCard(cardId)).toHaveCount(1);
  }

  /** Closes the open round, saying yes to the confirm step. */
  async closeRound(): Promise<void> {
    await this.root.getByRole('button', { name: 'Close voting now' }).click();
    await this.root.getByRole('button', { name: 'Yes, close voting' }).click();
    await expect(this.openRoundBox()).toHaveCount(0);
  }
}

/** A `datetime-local` value `days` days from now, at 5 pm. */
export function daysAhead(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T17:00`;
}
