import { type NextRequest, NextResponse } from 'next/server';
import { purple } from '../../../server/facade';
import { confirmPage, problemPage } from './linkPages';

type Params = { params: Promise<{ token: string }> };

/** The token from the path; broken %-encoding is no token (404, not 500). */
async function readToken({ params }: Params): Promise<string | null> {
  try {
    return (await params).token;
  } catch {
    return null;
  }
}

/** A personal link: a page with one button. Opening the link signs nobody in (no cookie). */
export async function GET(_request: NextRequest, context: Params): Promise<NextResponse> {
  const token = await readToken(context);
  if (token === null) return problemPage('unknownWorkshop', '');
  return confirmPage();
}

/** The confirm page's button: from this site only, swap the token for a session cookie. */
export async function POST(request: NextRequest, context: Params): Promise<NextResponse> {
  const token = await readToken(context);
  if (token === null) return problemPage('unknownWorkshop', '');
  const site = purple().requestContext((name) => request.headers.get(name));
  if (!site.fromThisSite) {
    return problemPage(
      'badOrigin',
      'This sign-in did not come from Purple’s own page. Open your personal link again and press the button there.',
    );
  }
  const outcome = await purple().resume(token, site.origin);
  if (!outcome.ok) return problemPage(outcome.reason, outcome.message, outcome.retryAfterSeconds);

  const grant = outcome.value;
  const response = NextResponse.redirect(new URL(grant.boardPath, site.origin), 303);
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
