/**
 * The board at `/w/<id>` as a person sees it: sections, cards, agreement, the facilitator's
 * invite links and the "ended" notice. Locators use the names people see and hear.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** Section titles as shown on the board (lib/board/sections.ts). */
export type SectionTitle = 'Context' | 'Joint priorities' | 'Decisions' | 'Quality indicators';

/** Invite kinds as the facilitator panel marks them (`data-invite-kind`). */
export type InviteKind = 'people' | 'system' | 'observer';

export class BoardPage {
  constructor(readonly page: Page) {}

  /** Waits until the board has its stored state from the server. */
  async ready(): Promise<void> {
    await expect(this.page.locator('[data-ready="true"]')).toBeVisible({ timeout: 30_000 });
  }

  /** A section of the board, found by its heading. */
  section(title: SectionTitle): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** The "Add a card" button of a section. */
  addCardButton(title: SectionTitle): Locator {
    return this.page.getByRole('button', { name: `Add a card to ${title}`, exact: true });
  }

  /** Every card on the board, or in one section. */
  cards(title?: SectionTitle): Locator {
    return (title ? this.section(title) : this.page).locator('li[data-card-id]');
  }

  /** One card by its id. */
  card(id: string): Locator {
    return this.page.locator(`li[data-card-id="${id}"]`);
  }

  /** The text field of a card. */
  cardText(card: Locator): Locator {
    return card.getByRole('textbox');
  }

  /** Adds a card to a section with the mouse and returns its id once it has focus. */
  async addCard(title: SectionTitle): Promise<string> {
    const before = await this.cards().count();
    await this.addCardButton(title).click();
    await expect(this.cards()).toHaveCount(before + 1);
    const id = await this.page.evaluate(
      () =>
        document.activeElement?.closest('li[data-card-id]')?.getAttribute('data-card-id') ?? null,
    );
    expect(id, 'focus should move into the new card').not.toBeNull();
    return id!;
  }

  /** Types at the end of a card's text, as a person would. */
  async typeAtEnd(id: string, text: string): Promise<void> {
    const field = this.cardText(this.card(id));
    await field.click();
    await field.press('ControlOrMeta+End');
    await field.pressSequentially(text, { delay: 10 });
  }

  /** The facilitator's copy of one invite link. */
  async inviteUrl(kind: InviteKind): Promise<string> {
    const input = this.page.locator(`li[data-invite-kind="${kind}"]`).getByRole('textbox');
    await expect(input).toHaveValue(/\/join\//);
    return input.inputValue();
  }

  /** Turns off one invite link, confirming the warning. */
  async turnOffInvite(kind: InviteKind): Promise<void> {
    const item = this.page.locator(`li[data-invite-kind="${kind}"]`);
    await item.getByRole('button', { name: 'Turn off this link' }).click();
    await item.getByRole('button', { name: 'Yes, turn off this link' }).click();
    await expect(item).toHaveAttribute('data-revoked', 'true');
  }

  /** The alert shown when this person can no longer use the board. */
  endedNotice(): Locator {
    return this.page.getByTestId('board-ended');
  }
}
