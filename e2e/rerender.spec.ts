/**
 * Typing re-renders only what must change (issue 13, keystroke → paint on a slow phone):
 * the card being typed in and the save line, never the board, its sections or the other
 * cards. Each key flips "saved" twice (saving, then saved on the server's acknowledgement);
 * when that flag was board state, both flips re-rendered the whole board.
 *
 * React has no public render counter in a production build, so this reads the fiber React
 * keeps on each DOM node: a function component that renders gets new hook objects, so its
 * `memoizedState` is a new object. A component that did not run keeps the hook objects it
 * had (in one of its two fibers).
 */
import type { Page } from '@playwright/test';
import { createWorkshop, expect, joinWorkshop, test } from './fixtures';
import type { SectionTitle } from './pages/BoardPage';

const TITLES: SectionTitle[] = ['Context', 'Joint priorities', 'Decisions', 'Quality indicators'];

/** In the page: remember, for each watched element, the hook objects of its component. */
function installRenderWatch(page: Page): Promise<void> {
  return page.evaluate(() => {
    type Fiber = {
      type: unknown;
      return: Fiber | null;
      alternate: Fiber | null;
      memoizedState: unknown;
    };
    const componentOf = (el: Element): Fiber => {
      const key = Object.keys(el).find((k) => k.startsWith('__reactFiber$'));
      let fiber = key ? ((el as unknown as Record<string, Fiber>)[key] ?? null) : null;
      while (fiber && typeof fiber.type !== 'function') fiber = fiber.return;
      if (!fiber) throw new Error('no React component above this element');
      return fiber;
    };
    const states = (f: Fiber) => [f.memoizedState, f.alternate?.memoizedState];
    const watched = new Map<string, { fiber: Fiber; before: unknown[] }>();
    const w = window as unknown as {
      __watch: (name: string, selector: string) => void;
      __rendered: () => string[];
    };
    w.__watch = (name, selector) => {
      const el = document.querySelector(selector);
      if (!el) throw new Error(`nothing matches ${selector}`);
      const fiber = componentOf(el);
      watched.set(name, { fiber, before: states(fiber) });
    };
    w.__rendered = () =>
      [...watched]
        .filter(([, { fiber, before }]) => states(fiber).some((s) => !before.includes(s)))
        .map(([name]) => name);
  });
}

test('typing re-renders the card and the save line only, not the board, sections or other cards', async ({
  newActor,
}) => {
  // A participant: facilitators also get the balance from the server after a pause.
  const fran = await newActor('Fran');
  const franBoard = await createWorkshop(fran.page);
  const pat = await newActor('Pat');
  const board = await joinWorkshop(pat, await franBoard.inviteUrl('people'));
  const ids: string[] = [];
  for (const title of TITLES) {
    ids.push(await board.addCard(title));
    await pat.page.keyboard.type(title);
  }
  const saveStatus = pat.page.getByTestId('save-status');
  await expect(saveStatus).toHaveAttribute('data-state', 'saved');
  const [typed, ...others] = ids as [string, ...string[]];

  await installRenderWatch(pat.page);
  await pat.page.evaluate(
    ({ typed, others }) => {
      const w = window as unknown as { __watch: (name: string, selector: string) => void };
      w.__watch('board', 'h1');
      w.__watch('save line', '[data-testid="save-status"]');
      w.__watch('typed card', `li[data-card-id="${typed}"]`);
      for (const section of ['context', 'priorities', 'decisions', 'indicators']) {
        w.__watch(`section ${section}`, `section[data-section="${section}"]`);
      }
      for (const id of others) w.__watch(`card ${id}`, `li[data-card-id="${id}"]`);
    },
    { typed, others },
  );
  const field = board.cardText(board.card(typed));
  await field.click();
  await field.press('ControlOrMeta+End');
  let text = 'Context';
  for (const key of ' waits') {
    await pat.page.keyboard.type(key);
    text += key;
    await expect(field).toHaveValue(text);
    await expect(saveStatus).toHaveAttribute('data-state', 'saved');
  }
  // The balance is recounted once typing pauses; that too stays out of the board.
  await pat.page.waitForTimeout(1500);
  const rendered = await pat.page.evaluate(() =>
    (window as unknown as { __rendered: () => string[] }).__rendered(),
  );
  expect(rendered.sort()).toEqual(['save line', 'typed card']);
});
