/**
 * The vote page stays light for a slow phone (ACCESSIBILITY.md, "Light pages"): it loads
 * no Yjs and no board code, and its first-load JavaScript stays under a budget. The sum is
 * each .js response body gzipped at level 9, with the browser cache off; the breakdown is
 * attached to the report (bench/RESULTS-vote-page.md records the method and the number).
 */
import { gzipSync } from 'node:zlib';
import type { Page, Response } from '@playwright/test';
import { createWorkshop, expect, joinWorkshop, test } from './fixtures';

/** First-load JS budget for the vote page, gzipped (measured 154.6 KiB with Next 16.4 + React 19.3). */
const BUDGET_BYTES = 170 * 1024;
/** Strings only Yjs (or the board's Yjs client) contains. */
const YJS_MARKERS = /Yjs was already imported|ContentDeleted|YXmlElement|y-websocket/;

interface Script {
  path: string;
  gzip: number;
  yjs: boolean;
}

async function scriptsLoadedBy(page: Page, url: string): Promise<Script[]> {
  const pending: Promise<Script>[] = [];
  const onResponse = (res: Response) => {
    if (!/\.js(\?|$)/.test(new URL(res.url()).pathname)) return;
    pending.push(
      res.body().then((body) => ({
        path: new URL(res.url()).pathname,
        gzip: gzipSync(body, { level: 9 }).length,
        yjs: YJS_MARKERS.test(body.toString('utf8')),
      })),
    );
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  page.off('response', onResponse);
  return Promise.all(pending);
}

test('the vote page loads no Yjs and stays under its JavaScript budget', async ({
  newActor,
}, testInfo) => {
  const fran = await newActor('Fran');
  const board = await createWorkshop(fran.page);
  const pat = await newActor('Pat');
  await joinWorkshop(pat, await board.inviteUrl('people'));
  const id = /\/w\/([^/?#]+)/.exec(pat.page.url())![1];

  const page = await pat.context.newPage();
  const cdp = await pat.context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const scripts = await scriptsLoadedBy(page, `/w/${id}/vote`);
  const total = scripts.reduce((n, s) => n + s.gzip, 0);
  const lines = scripts
    .sort((a, b) => b.gzip - a.gzip)
    .map((s) => `${String(s.gzip).padStart(7)} B gz  ${s.path}${s.yjs ? '  (Yjs!)' : ''}`);
  const report = `vote page first-load JS: ${scripts.length} files, ${total} B gzipped (${(total / 1024).toFixed(1)} KiB)\n${lines.join('\n')}`;
  console.log(report);
  await testInfo.attach('vote-page-js.txt', { body: report, contentType: 'text/plain' });

  expect(scripts.length).toBeGreaterThan(0);
  expect(
    scripts.filter((s) => s.yjs).map((s) => s.path),
    'Yjs on the vote page',
  ).toEqual([]);
  expect(total, report).toBeLessThan(BUDGET_BYTES);
});
