/**
 * The board at `/w/<id>` as a person sees it: the jump list, filter and search, collapsible
 * sections, compact cards with their "Card actions" menu and "We agree", the facilitator's
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

  /** The "Add a card" button of a section ("Propose a decision", "Add a quality indicator" in the records' sections). */
  addCardButton(title: SectionTitle): Locator {
    const name =
      title === 'Decisions'
        ? 'Propose a decision'
        : title === 'Quality indicators'
          ? 'Add one quality indicator'
          : `Add a card to ${title}`;
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Every card on the board, or in one section. */
  cards(title?: SectionTitle): Locator {
    return (title ? this.section(title) : this.page).locator('li[data-card-id]');
  }

  /** One card by its id. */
  card(id: string): Locator {
    return this.page.locator(`li[data-card-id="${id}"]`);
  }

  /** "Cards you deleted" in the side panel (issue 13). */
  ownDeleted(): Locator {
    return this.page.getByRole('region', { name: 'Cards you deleted', exact: true });
  }

  /** The text field of a card. */
  cardText(card: Locator): Locator {
    return card.getByRole('textbox');
  }

  /** A card's "Card actions" menu button. */
  actionsButton(card: Locator): Locator {
    return card.getByRole('button', { name: /^Card actions/ });
  }

  /** Opens a card's "Card actions" menu with the mouse and chooses `item` ("Move up", "Move to Decisions", "Delete card"…). */
  async cardAction(card: Locator, item: string): Promise<void> {
    await this.actionsButton(card).click();
    await card.getByRole('menuitem', { name: item, exact: true }).click();
  }

  /** A card's "We agree" button (its accessible name is "We agree with this wording"). */
  agreeButton(card: Locator): Locator {
    return card.getByRole('button', { name: 'We agree with this wording' });
  }

  /** A card's agreement state in a few words ("Not agreed yet", "Agreed by both"…). */
  cardStatus(card: Locator): Locator {
    return card.getByTestId('card-status');
  }

  /** The "Go to" link of a section in the jump list at the top of the board. */
  jumpLink(title: SectionTitle): Locator {
    return this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', {
      name: new RegExp(`^${title} \\(`),
    });
  }

  /** A section's heading button, which collapses and opens it. */
  sectionToggle(title: SectionTitle): Locator {
    return this.section(title).getByRole('button', { name: new RegExp(`^${title} \\(`) });
  }

  /** Sets the "Show" filter and the search. */
  async filter(show: string, search = ''): Promise<void> {
    await this.page.getByLabel('Show', { exact: true }).selectOption({ label: show });
    await this.page.getByLabel('Search cards').fill(search);
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

  /** The id of the private card (issue 11) that has focus, or null. */
  focusedDraftId(): Promise<string | null> {
    return this.page.evaluate(
      () =>
        document.activeElement
          ?.closest('li[data-draft-card-id]')
          ?.getAttribute('data-draft-card-id') ?? null,
    );
  }

  /** Types at the end of a card's text, as a person would. */
  async typeAtEnd(id: string, text: string): Promise<void> {
    const field = this.cardText(this.card(id));
    await field.click();
    await field.press('ControlOrMeta+End');
    await field.pressSequentially(text, { delay: 10 });
  }

  /** The "Invite people" section with the facilitator's invite links. */
  invites(): Locator {
    return this.page.getByRole('region', { name: 'Invite people' });
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
