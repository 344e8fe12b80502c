/**
 * The door in Chromium (issue 8 §5; ARCHITECTURE I25): security headers and a nonce CSP
 * on pages, no framing of the facilitator's board by a same-site page, and a personal
 * link that signs someone in only after they press a button on Purple's own page.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWorkshop, expect, expectNoAxeViolations, test } from './fixtures';

/** A page on another port of the same host (the same site), holding `html`. */
async function sameSitePage(html: string): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}/`, close: () => server.close() };
}

test('[I25] pages carry a nonce CSP without unsafe-eval and the other security headers', async ({
  request,
}) => {
  const home = await request.get('/');
  const csp = home.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toContain("frame-ancestors 'none'");
  expect(home.headers()['referrer-policy']).toBe('no-referrer');
  expect(home.headers()['x-content-type-options']).toBe('nosniff');
  const again = await request.get('/');
  expect(again.headers()['content-security-policy']).not.toBe(csp); // a fresh nonce each time
});

test('[I25] a same-site page cannot frame the facilitator’s board', async ({ newActor }) => {
  const fran = await newActor('Fran');
  const board = await createWorkshop(fran.page);
  await board.ready();
  const boardUrl = fran.page.url();
  // Another port on the same host is the same site, so the session cookie goes along.
  const framer = await sameSitePage(
    `<!doctype html><title>Framer</title><iframe src="${boardUrl}" title="board" width="800" height="600"></iframe>`,
  );
  try {
    const blocked = fran.page.waitForEvent('console', {
      predicate: (m) => /frame-ancestors/.test(m.text()),
      timeout: 20_000,
    });
    await fran.page.goto(framer.url);
    await blocked;
    await expect(
      fran.page.frameLocator('iframe').getByRole('button', { name: 'Turn off this link' }),
    ).toHaveCount(0);
  } finally {
    framer.close();
  }
});

test('[I25] a personal link asks for a click, sets no cookie until then, and refuses cross-site posts', async ({
  newActor,
}) => {
  const fran = await newActor('Fran');
  const board = await createWorkshop(fran.page);
  await board.ready();
  await fran.page.getByText('Your personal link', { exact: true }).first().click();
  const link = await fran.page
    .getByRole('textbox', { name: 'Your personal link' })
    .first()
    .inputValue();
  const path = new URL(link).pathname;

  const phone = await newActor('Fran on a phone');
  const violations: string[] = [];
  phone.page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const opened = await phone.page.request.get(path);
  expect(opened.status()).toBe(200);
  expect(opened.headers()['set-cookie']).toBeUndefined();
  const crossSite = await phone.page.request.post(path, {
    headers: { origin: 'http://evil.example' },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);
  expect(crossSite.headers()['set-cookie']).toBeUndefined();
  const fromAnotherSite = await phone.page.request.post(path, {
    headers: { 'sec-fetch-site': 'cross-site', origin: new URL(link).origin },
    maxRedirects: 0,
  });
  expect(fromAnotherSite.status()).toBe(403);
  expect(await phone.context.cookies()).toEqual([]);

  await phone.page.goto(path);
  await expect(phone.page.getByRole('heading', { name: 'Open your workshop board' })).toBeVisible();
  await expectNoAxeViolations(phone.page, 'personal link confirm page');
  await phone.page.getByRole('button', { name: 'Continue to the board' }).focus();
  await phone.page.keyboard.press('Enter');
  await expect(phone.page).toHaveURL(/\/w\/[A-Za-z0-9_-]+$/);
  await expect(phone.page.locator('[data-ready="true"]')).toBeVisible({ timeout: 30_000 });
  // The board hydrated and connected under the policy: nothing was blocked on the way.
  expect(violations).toEqual([]);
});

test('a personal link with broken %-encoding answers 404', async ({ request }) => {
  const response = await request.get('/p/%E0%A4%A');
  expect(response.status()).toBe(404);
});
