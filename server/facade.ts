/**
 * The one door from Next route handlers and server components into the running server
 * (DESIGN §4). Next bundles its own copy of modules that routes import, so the live
 * services are registered once on `globalThis` by `server/index.ts` and read from there.
 * This file must stay free of runtime imports from the rest of `server/`.
 */
import type { InviteView } from '../lib/protocol/events';
import type { Reason } from '../lib/protocol/reasons';
import type { ImpactPageData } from '../lib/records/impact';
import type { Capability, Group } from '../lib/roles';
import type { SummaryFile, SummaryPageData, SummarySettings } from '../lib/summary/pageData';

/** A session the caller must set as a cookie, then redirect to `boardPath`. */
export interface SessionGrant {
  workshopId: string;
  cookie: { name: string; value: string; maxAgeSeconds: number; secure: boolean };
  boardPath: string;
}

/** Who the current visitor is in a workshop. */
export interface Me {
  participantId: string;
  name: string;
  anonymous: boolean;
  group: Group | null;
  capability: Capability;
  /** Full URL of the personal link for coming back on another device. */
  personalUrl: string;
}

/** What the board page needs to render. */
export interface BoardPageData {
  workshop: {
    id: string;
    title: string;
    question: string;
    createdAt: string;
    /** When a facilitator closed it (absent or null while open). */
    closedAt?: string | null;
  };
  me: Me;
  /** Present for facilitators only. */
  invites?: InviteView[];
}

/** What the join page shows before someone joins. */
export interface InviteInfo {
  workshopTitle: string;
  question: string;
  kind: 'people' | 'system' | 'observer';
}

/** A success, or an expected failure; `retryAfterSeconds` comes with `tooMany` (HTTP 429). */
export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; reason: Reason; message: string; retryAfterSeconds?: number };

/** The value of a successful outcome; a refusal becomes an Error with its message (scripts, tests). */
export async function outcomeValue<T>(outcome: Promise<Outcome<T>>): Promise<T> {
  const r = await outcome;
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

/** Input of the create-workshop form (validated by `createWorkshopSchema` in lib/forms). */
export interface CreateWorkshopInput {
  title: string;
  question: string;
  facilitatorName: string;
  facilitatorGroup: Group;
  anonymous: boolean;
}

/** Input of the join form. */
export interface JoinInput {
  name: string;
  anonymous: boolean;
  accessNeeds?: string;
}

/** Where a page request came from: the site's origin and the client's address (for limits). */
export interface RequestContext {
  /** `scheme://host[:port]` as the browser sees the site (server/http/requestOrigin). */
  origin: string;
  /** The client's address as the custom server read it (server/http/clientAddress). */
  clientAddress?: string;
  /** The request came from this site's own pages (Sec-Fetch-Site, else Origin): not a cross-site post. */
  fromThisSite: boolean;
}

/** The summary's operations (issue 10, `server/summary/Summaries.ts`). */
export interface SummaryFacade {
  /** The summary model for the viewer the cookie names, filtered for them, with settings. */
  summary(workshopId: string, cookieValue: string | undefined): Promise<Outcome<SummaryPageData>>;
  /** One download of the viewer's summary; `format` is a slug of `SUMMARY_FORMATS`. */
  summaryExport(
    workshopId: string,
    cookieValue: string | undefined,
    format: string,
  ): Promise<Outcome<SummaryFile>>;
  /** Facilitators only: share the draft with participants, or mark it final. */
  setSummarySettings(
    workshopId: string,
    cookieValue: string | undefined,
    settings: SummarySettings,
  ): Promise<Outcome<SummarySettings>>;
}

/** "You said, we did" (issue 9, `server/records/Impacts.ts`). */
export interface ImpactFacade {
  /**
   * The cards the viewer the cookie names wrote or co-wrote, and what became of each
   * (their impact page). The participant comes from the session, never from the request.
   */
  impactFor(workshopId: string, cookieValue: string | undefined): Promise<Outcome<ImpactPageData>>;
  /** Facilitators only: the Joint priorities nothing answers yet, in board order. */
  stillOpen(workshopId: string, cookieValue: string | undefined): Promise<Outcome<ImpactPageData>>;
}

/** The operations route handlers and pages may use. */
export type PurpleFacade = WorkshopFacade & SummaryFacade & ImpactFacade;

/** The workshop operations (`server/services/workshops.ts`). */
export interface WorkshopFacade {
  /** The one way routes learn their origin and client address, from the request's headers. */
  requestContext(get: (name: string) => string | null): RequestContext;
  /** Limited per `clientAddress` (LIMIT_WORKSHOPS_PER_HOUR); refused with `tooMany`. */
  createWorkshop(
    input: CreateWorkshopInput,
    origin: string,
    clientAddress?: string,
  ): Promise<Outcome<SessionGrant>>;
  inviteInfo(token: string): Promise<Outcome<InviteInfo>>;
  /** Limited per link and per `clientAddress`; refused with `tooMany`. */
  join(
    token: string,
    input: JoinInput,
    origin: string,
    clientAddress?: string,
  ): Promise<Outcome<SessionGrant>>;
  /** Exchange a personal link token for a fresh session cookie. */
  resume(personalToken: string, origin: string): Promise<Outcome<SessionGrant>>;
  /** `cookieValue` is the raw value of the cookie named `sessionCookieName(workshopId)`. */
  boardPage(
    workshopId: string,
    cookieValue: string | undefined,
    origin: string,
  ): Promise<Outcome<BoardPageData>>;
}

/** The session cookie's name for one workshop (cookies are scoped to a workshop by name). */
export function sessionCookieName(workshopId: string): string {
  return `purple_${workshopId}`;
}

const KEY = Symbol.for('purple.facade');

/** Called once by the custom server at start-up. */
export function registerFacade(facade: PurpleFacade): void {
  (globalThis as Record<symbol, unknown>)[KEY] = facade;
}

/** The running server's facade; throws a clear error when Next runs without `server/index.ts`. */
export function purple(): PurpleFacade {
  const facade = (globalThis as Record<symbol, unknown>)[KEY] as PurpleFacade | undefined;
  if (!facade) {
    throw new Error(
      'Purple must be started with `npm start` or `npm run dev` (server/index.ts), not `next start`.',
    );
  }
  return facade;
}
