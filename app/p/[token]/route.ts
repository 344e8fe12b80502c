import { type NextRequest, NextResponse } from 'next/server';
import { REASON_INFO, type Reason } from '../../../lib/protocol/reasons';
import { purple } from '../../../server/facade';

/** The site's own origin as the browser sees it (the custom server may sit behind a proxy). */
function requestOrigin(request: NextRequest): string {
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http';
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  return host ? `${proto}://${host}` : request.nextUrl.origin;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const NOT_FOUND_MESSAGE =
  'We could not find this personal link. Check that you copied all of it, or ask the facilitator for a new one.';

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
  return { title: 'This link does not work', message, status: REASON_INFO[reason].http };
}

/** A small, plain page for a personal link that does not work: the reason in words and a link home. */
function problemPage(reason: Reason, serverMessage: string): NextResponse {
  const { title, message, status } = explainFailure(reason, serverMessage);
  const html = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Purple</title>
<style>body{font-family:system-ui,sans-serif;font-size:1.125rem;line-height:1.5;color:#0B0C0C;background:#fff;max-width:40rem;margin:0 auto;padding:2rem 1rem}
a{color:#330072;font-weight:600}a:focus-visible{outline:3px solid #0B0C0C;box-shadow:0 0 0 6px #FFDD00}
@media (prefers-color-scheme:dark){body{color:#fff;background:#141414}a{color:#C9B8F0}}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>
<p><a href="/">Go to the Purple home page</a></p></main></body></html>`;
  return new NextResponse(html, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** A personal link: swap its token for a fresh session cookie, then open the board. */
export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ token: string }> },
): Promise<NextResponse> {
  const { token } = await params;
  const origin = requestOrigin(request);
  const outcome = await purple().resume(token, origin);
  if (!outcome.ok) return problemPage(outcome.reason, outcome.message);

  const grant = outcome.value;
  const response = NextResponse.redirect(new URL(grant.boardPath, origin), 303);
  response.headers.set('cache-control', 'no-store');
  response.cookies.set(grant.cookie.name, grant.cookie.value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: grant.cookie.secure,
    path: '/',
    maxAge: grant.cookie.maxAgeSeconds,
  });
  return response;
}
