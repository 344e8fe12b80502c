/**
 * The small plain pages of a personal link: the confirm page (a button that posts, so a
 * link opened from another site never signs anyone in by itself) and the problem page.
 */
import { NextResponse } from 'next/server';
import { REASON_INFO, type Reason } from '../../../lib/protocol/reasons';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const NOT_FOUND_MESSAGE =
  'We could not find this personal link. Check that you copied all of it, or ask the facilitator for a new one.';

const STYLE = `body{font-family:system-ui,sans-serif;font-size:1.125rem;line-height:1.5;color:#0B0C0C;background:#fff;max-width:40rem;margin:0 auto;padding:2rem 1rem}
a{color:#330072;font-weight:600}a:focus-visible,button:focus-visible{outline:3px solid #0B0C0C;box-shadow:0 0 0 6px #FFDD00}
button{font:inherit;font-weight:700;color:#fff;background:#330072;border:2px solid #330072;border-radius:.375rem;padding:.75rem 1.25rem;min-height:44px;cursor:pointer}
button:hover{background:#1f0047}
@media (prefers-color-scheme:dark){body{color:#fff;background:#141414}a{color:#C9B8F0}button{color:#141414;background:#C9B8F0;border-color:#C9B8F0}}`;

/** One plain HTML page, never cached (it belongs to one person's link). */
function htmlPage(title: string, body: string, status: number): NextResponse {
  const html = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Purple</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return new NextResponse(html, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** The page a personal link opens: one button that posts back to the same link. */
export function confirmPage(): NextResponse {
  return htmlPage(
    'Open your workshop board',
    `<p>This is your personal link. It signs you in on this device as you, with your name and group.</p>
<form method="post"><button type="submit">Continue to the board</button></form>
<p>If someone else sent you this link, do not continue: ask the facilitator for your own.</p>`,
    200,
  );
}

/** Title, message and status for each way a personal link can fail (an unknown token is "not found"). */
function explainFailure(
  reason: Reason,
  message: string,
): { title: string; message: string; status: number } {
  if (reason === 'unknownWorkshop' || reason === 'unauthenticated') {
    return { title: 'We could not find this link', message: NOT_FOUND_MESSAGE, status: 404 };
  }
  if (reason === 'revoked') {
    return { title: 'This link has been turned off', message, status: 410 };
  }
  if (reason === 'badOrigin') {
    return { title: 'Please open your link again', message, status: 403 };
  }
  return { title: 'This link does not work', message, status: REASON_INFO[reason].http };
}

/**
 * A small, plain page for a personal link that does not work: the reason in words and a
 * link home; a refused limit (429) says when to try again in `Retry-After` too.
 */
export function problemPage(
  reason: Reason,
  serverMessage: string,
  retryAfterSeconds?: number,
): NextResponse {
  const { title, message, status } = explainFailure(reason, serverMessage);
  const response = htmlPage(
    title,
    `<p>${escapeHtml(message)}</p>\n<p><a href="/">Go to the Purple home page</a></p>`,
    status,
  );
  if (status === 429) response.headers.set('retry-after', String(retryAfterSeconds ?? 60));
  return response;
}
