/**
 * The vote page at `/w/<id>/vote` as a voter hears and sees it: dots left, − and + per
 * card, the polite announcer, and the results (ranking, chart, table).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class VotePage {
  constructor(readonly page: Page) {}

  /** Opens the vote page of the workshop whose board or vote page is showing now. */
  async open(): Promise<void> {
    const match = /\/w\/([^/?#]+)/.exec(this.page.url());
    expect(match, 'open() needs to start from a workshop page').not.toBeNull();
    await this.page.goto(`/w/${match![1]}/vote`);
    await this.loaded();
  }

  /** Waits until the page has heard from the server (the round list arrived). */
  async loaded(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Vote' })).toBeVisible();
    await expect(this.page.getByTestId('vote-loading')).toHaveCount(0, { timeout: 20_000 });
  }

  /** "There is no vote open right now…" */
  noRound(): Locator {
    return this.page.getByTestId('no-round');
  }

  /** "You have 3 of 5 dots left." */
  dotsLeft(): Locator {
    return this.page.getByTestId('dots-left');
  }

  /** The list item of a candidate card, by its text. */
  card(text: string): Locator {
    return this.page.getByTestId('vote-list').getByRole('listitem').filter({ hasText: text });
  }

  /** The + button of a card. */
  addButton(text: string): Locator {
    return this.page.getByRole('button', { name: `Add a dot to: ${text}`, exact: true });
  }

  /** The − button of a card. */
  removeButton(text: string): Locator {
    return this.page.getByRole('button', { name: `Take a dot off: ${text}`, exact: true });
  }

  /** Taps + on a card and waits until the server has counted it. */
  async addDot(text: string): Promise<void> {
    const before = Number(await this.card(text).getAttribute('data-dots'));
    await this.addButton(text).click();
    await expect(this.card(text)).toHaveAttribute('data-dots', String(before + 1));
  }

  /** The one polite live region. */
  announcer(): Locator {
    return this.page.getByTestId('vote-announcer');
  }

  /** The warning that a small group's votes may not be private. */
  smallGroupWarning(): Locator {
    return this.page.getByTestId('small-group-warning');
  }

  results(): Locator {
    return this.page.getByTestId('results');
  }

  rankedList(): Locator {
    return this.page.getByTestId('ranked-list');
  }

  chart(): Locator {
    return this.page.getByTestId('results-chart');
  }

  table(): Locator {
    return this.page.getByRole('table');
  }

  /** The results stacked per card, shown instead of the table on narrow screens. */
  stack(): Locator {
    return this.page.getByTestId('results-stack');
  }

  /** "All votes, newest first": one link per round. */
  roundsList(): Locator {
    return this.page.getByTestId('rounds-list');
  }
}
