/**
 * Playwright fixtures for Purple's multi-person scenarios: each actor gets its own browser
 * context (own cookies, own socket), plus helpers to create a workshop through the real UI
 * and to run axe with the WCAG 2.2 AA tags (ACCESSIBILITY.md, "How it is checked").
 */
import { AxeBuilder } from '@axe-core/playwright';
import { type BrowserContext, test as base, expect, type Page } from '@playwright/test';
import type { BoardPage } from './pages/BoardPage';
import { HomePage, type NewWorkshop } from './pages/HomePage';
import { JoinPage } from './pages/JoinPage';

/** One person in a scenario, with their own browser context and page. */
export interface Actor {
  name: string;
  context: BrowserContext;
  page: Page;
}

interface Fixtures {
  /** Opens a fresh browser context for one person; all are closed after the test. */
  newActor: (name: string) => Promise<Actor>;
}

export const test = base.extend<Fixtures>({
  newActor: async ({ browser }, use, testInfo) => {
    const actors: Actor[] = [];
    await use(async (name) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const actor = { name, context, page };
      actors.push(actor);
      return actor;
    });
    // The built-in screenshot-on-failure covers only the default `page`; cover every actor.
    const failed = testInfo.status !== testInfo.expectedStatus;
    for (const actor of actors) {
      if (failed && !actor.page.isClosed()) {
        const shot = await actor.page.screenshot({ fullPage: true }).catch(() => null);
        if (shot)
          await testInfo.attach(`${actor.name}.png`, { body: shot, contentType: 'image/png' });
      }
      await actor.context.close();
    }
  },
});

export type { NewWorkshop };
export { expect };

/** The WCAG tags axe checks; `wcag22aa` turns on `target-size` (ACCESSIBILITY.md). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is now and fails with a readable list of any violations. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const lines = violations.flatMap((v) => [
    `• ${v.id} (${v.impact ?? 'unknown impact'}): ${v.help} — ${v.helpUrl}`,
    ...v.nodes.slice(0, 5).map((node) => {
      // "Fix any of the following:\n  reason\n  reason…": keep the reasons, one line.
      const reasons = (node.failureSummary ?? '')
        .split('\n')
        .slice(1)
        .map((r) => r.trim());
      const html = node.html.length > 100 ? `${node.html.slice(0, 100)}…` : node.html;
      return `    on ${node.target.join(' ')} ${html}\n      ${reasons.join('; ')}`;
    }),
    ...(v.nodes.length > 5 ? [`    …and ${v.nodes.length - 5} more`] : []),
  ]);
  expect(
    violations.length,
    `axe found ${violations.length} violation(s) on ${label}:\n${lines.join('\n')}`,
  ).toBe(0);
}

/** Creates a workshop through the form on `/` and waits for its board. */
export async function createWorkshop(page: Page, workshop: NewWorkshop = {}): Promise<BoardPage> {
  const home = new HomePage(page);
  await home.open();
  return home.createWorkshop(workshop);
}

/** Opens an invite link in the actor's own context and joins with the actor's name. */
export async function joinWorkshop(
  actor: Actor,
  inviteUrl: string,
  opts: Parameters<JoinPage['join']>[1] = {},
): Promise<BoardPage> {
  const join = new JoinPage(actor.page);
  await join.open(inviteUrl);
  return join.join(actor.name, opts);
}
