import { headers } from 'next/headers';
import { purple, type RequestContext } from '../server/facade';

/** This request's site origin and client address, from the server's one reader of them. */
export async function requestContext(): Promise<RequestContext> {
  const list = await headers();
  return purple().requestContext((name) => list.get(name));
}
