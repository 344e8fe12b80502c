/**
 * The summary page at `/w/<id>/summary` (issue 10): its sections, downloads and the
 * facilitator's settings. Locators use the names people see and hear.
 */
import { type Download, expect, type Page } from '@playwright/test';

export class SummaryPage {
  constructor(readonly page: Page) {}

  /** Open the summary of the workshop whose board `boardUrl` is. */
  async open(boardUrl: string): Promise<void> {
    await this.page.goto(`${new URL(boardUrl).pathname.replace(/\/$/, '')}/summary`);
  }

  /** The main heading. */
  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The words on the page, as a person reads them: rendered text, so hidden text is left out. */
  text(): Promise<string> {
    // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator; layout matters here
    return this.page.getByRole('main').innerText();
  }

  /** Click a download link and return the download once the browser has it. */
  async download(label: string): Promise<Download> {
    const wait = this.page.waitForEvent('download');
    await this.page.getByRole('link', { name: label, exact: true }).click();
    const d = await wait;
    await expect(this.page.getByRole('status').first()).toContainText('Downloaded');
    return d;
  }

  /** Share the draft with participants (or not) and save. */
  async shareDraft(on: boolean): Promise<void> {
    await this.page.getByLabel('Let participants read the draft').setChecked(on);
    await this.page.getByRole('button', { name: 'Save' }).click();
    await expect(this.page.getByText(/^Saved\./)).toBeVisible();
  }
}
