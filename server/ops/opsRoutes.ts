/**
 * The operations endpoints (issue 12, I59–I60), answered before Next and without a session:
 * `/healthz` (the process is up), `/readyz` (this instance should get traffic) and
 * `/metrics` (Prometheus text, for a token or loopback only). GET and HEAD only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Health } from './health';
import type { Metrics } from './metrics';
import { metricsAllowed } from './metricsAccess';

const PATHS = new Set(['/healthz', '/readyz', '/metrics']);

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** Whether `url` is one of the operations endpoints. */
export function isOpsPath(url: string | undefined): boolean {
  return PATHS.has((url ?? '').split('?')[0] ?? '');
}

/** Answer an operations request; call only when `isOpsPath(req.url)`. */
export async function answerOps(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { health: Health; metrics: Metrics; metricsToken: string | undefined },
): Promise<void> {
  const path = (req.url ?? '').split('?')[0];
  const text = 'text/plain; charset=utf-8';
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, text, 'GET only\n');
  if (path === '/healthz') return send(res, 200, text, 'ok\n');
  if (path === '/readyz') {
    const r = await deps.health.readiness();
    return send(res, r.ready ? 200 : 503, 'application/json', `${JSON.stringify(r)}\n`);
  }
  if (!metricsAllowed(req, deps.metricsToken)) return send(res, 403, text, 'Forbidden\n');
  // A scrape measures the Redis round-trip too; a failed PING shows in /readyz, not here.
  await deps.health.pingRedis().catch(() => undefined);
  const m = await deps.metrics.text();
  send(res, 200, m.contentType, m.body);
}
