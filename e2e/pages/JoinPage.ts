/** The join page at `/join/<token>`: a name, then "Join the workshop". */
import { expect, type Page } from '@playwright/test';
import { BoardPage } from './BoardPage';

export class JoinPage {
  constructor(readonly page: Page) {}

  /** Opens an invite link and waits for the form. */
  async open(inviteUrl: string): Promise<void> {
    await this.page.goto(inviteUrl);
    await expect(this.page.getByRole('button', { name: 'Join the workshop' })).toBeVisible();
  }

  /** Joins with a name (hidden, and with access needs, if asked) and waits for the board. */
  async join(
    name: string,
    opts: { anonymous?: boolean; accessNeeds?: string } = {},
  ): Promise<BoardPage> {
    await this.page.getByLabel('Your name', { exact: true }).fill(name);
    if (opts.anonymous) await this.page.getByLabel(/^Hide my name/).check();
    if (opts.accessNeeds)
      await this.page
        .getByLabel('Is there anything that would help you take part?')
        .fill(opts.accessNeeds);
    await this.page.getByRole('button', { name: 'Join the workshop' }).click();
    await this.page.waitForURL(/\/w\//, { timeout: 30_000 });
    const board = new BoardPage(this.page);
    await board.ready();
    return board;
  }
}
