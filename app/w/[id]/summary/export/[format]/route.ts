/**
 * `GET /w/<id>/summary/export/<format>`: one download of the summary, for the person the
 * session cookie names, through the facade only (issue 10).
 */
import { cookies } from 'next/headers';
import { REASON_INFO } from '../../../../../../lib/protocol/reasons';
import { purple, sessionCookieName } from '../../../../../../server/facade';

/** The file, or the reason in plain words with its HTTP status. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string; format: string }> },
): Promise<Response> {
  const { id, format } = await params;
  const cookie = (await cookies()).get(sessionCookieName(id))?.value;
  const r = await purple().summaryExport(id, cookie, format);
  if (!r.ok)
    return new Response(r.message, {
      status: REASON_INFO[r.reason].http,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  const { body, contentType, fileName } = r.value;
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
