/** The home page at `/`: the "Start a workshop" form. */
import { expect, type Page } from '@playwright/test';
import { BoardPage } from './BoardPage';

/** What the facilitator types into the form; every field has a sensible default. */
export interface NewWorkshop {
  title?: string;
  question?: string;
  facilitatorName?: string;
  group?: 'Lived experience' | 'Staff';
}

export class HomePage {
  constructor(readonly page: Page) {}

  /** Opens `/` and checks it answered and shows the form. */
  async open(): Promise<void> {
    const response = await this.page.goto('/');
    expect(response?.status(), 'the home page should answer 200').toBe(200);
    await expect(this.page.getByRole('button', { name: 'Create workshop' })).toBeVisible();
  }

  /** Fills the form, creates the workshop and waits for its board to be ready. */
  async createWorkshop(workshop: NewWorkshop = {}): Promise<BoardPage> {
    const { page } = this;
    await page
      .getByLabel('Workshop title')
      .fill(workshop.title ?? 'Making the clinic easier to visit');
    await page
      .getByLabel('What question is the workshop about?')
      .fill(workshop.question ?? 'What would make your first visit less stressful?');
    await page.getByLabel('Your name', { exact: true }).fill(workshop.facilitatorName ?? 'Fran');
    await page.getByRole('radio', { name: workshop.group ?? 'Staff', exact: true }).check();
    await page.getByRole('button', { name: 'Create workshop' }).click();
    await page.waitForURL(/\/w\//, { timeout: 30_000 });
    const board = new BoardPage(page);
    await board.ready();
    return board;
  }
}
