/**
 * Expected failures as values (STYLE rule 5). One table maps each reason to an HTTP
 * status, a WebSocket close code and a plain-English message. Close codes 4400–4499 are
 * permanent (the y-websocket client does not reconnect); 4500–4599 are transient.
 */

/** Protocol version, sent in the socket.io handshake and checked by the server. */
export const PROTOCOL_VERSION = 1;

export const REASONS = {
  unauthenticated: 'unauthenticated',
  badOrigin: 'badOrigin',
  unknownWorkshop: 'unknownWorkshop',
  revoked: 'revoked',
  forbidden: 'forbidden',
  malformed: 'malformed',
  tooLarge: 'tooLarge',
  invalidInput: 'invalidInput',
  unknownCard: 'unknownCard',
  staleText: 'staleText',
  storeFailed: 'storeFailed',
  roundClosed: 'roundClosed',
  notCandidate: 'notCandidate',
  overBudget: 'overBudget',
  overCap: 'overCap',
  shuttingDown: 'shuttingDown',
  boardFull: 'boardFull',
  cardsTooFast: 'cardsTooFast',
  removed: 'removed',
  workshopDeleted: 'workshopDeleted',
  linkFull: 'linkFull',
  tooMany: 'tooMany',
  unknownVersion: 'unknownVersion',
  locked: 'locked',
  summaryNotShared: 'summaryNotShared',
  unknownFormat: 'unknownFormat',
  rationaleRequired: 'rationaleRequired',
  recordLimit: 'recordLimit',
  wrongRecord: 'wrongRecord',
} as const;

/** A reason an operation failed. */
export type Reason = (typeof REASONS)[keyof typeof REASONS];

/** The result of an operation that can fail in an expected way. */
export type Result<T = undefined> =
  | (T extends undefined ? { ok: true } : { ok: true; value: T })
  | { ok: false; reason: Reason; message: string };

interface ReasonInfo {
  http: number;
  close: number;
  message: string;
}

/** The one table: reason → HTTP status, WebSocket close code, message for people. */
export const REASON_INFO: Record<Reason, ReasonInfo> = {
  unauthenticated: {
    http: 401,
    close: 4401,
    message: 'We could not tell who you are. Please use your invite link or personal link again.',
  },
  badOrigin: {
    http: 403,
    close: 4402,
    message: 'This connection came from a website Purple does not trust.',
  },
  unknownWorkshop: {
    http: 404,
    close: 4404,
    message:
      'We could not find this workshop. The link may be wrong or the workshop may have ended.',
  },
  revoked: {
    http: 410,
    close: 4410,
    message: 'This link has been turned off by the facilitator. Ask them for a new one.',
  },
  forbidden: { http: 403, close: 4403, message: 'You are not allowed to do that here.' },
  malformed: {
    http: 400,
    close: 4400,
    message: 'Purple received a message it could not read.',
  },
  tooLarge: { http: 413, close: 4413, message: 'That message was too large to accept.' },
  invalidInput: { http: 400, close: 4400, message: 'Some of what was sent is not valid.' },
  unknownCard: { http: 404, close: 4400, message: 'That card no longer exists.' },
  unknownVersion: {
    http: 404,
    close: 4400,
    message: 'That version of the card is not in its history.',
  },
  staleText: {
    http: 409,
    close: 4400,
    message:
      'The card changed before your agreement arrived. Read it again, then agree if you still do.',
  },
  storeFailed: {
    http: 503,
    close: 4500,
    message: 'Purple could not save just now. Your change will be sent again.',
  },
  shuttingDown: {
    http: 503,
    close: 4503,
    message: 'Purple is restarting. You will be reconnected.',
  },
  boardFull: {
    http: 409,
    close: 4431,
    message:
      'This board already has as many cards as it can hold, so your new card was not saved. Reload the page to carry on.',
  },
  cardsTooFast: {
    http: 429,
    close: 4430,
    message:
      'You added many cards quickly, so your newest card was not saved. Wait a minute, then reload the page.',
  },
  removed: {
    http: 410,
    close: 4411,
    message: 'The facilitator has removed you from this workshop.',
  },
  workshopDeleted: {
    http: 410,
    close: 4412,
    message: 'This workshop has been deleted. Nothing from it is kept.',
  },
  linkFull: {
    http: 409,
    close: 4409,
    message:
      'This invite link is full: as many people as the facilitator allowed have joined through it. Ask the facilitator for another link.',
  },
  tooMany: {
    http: 429,
    close: 4429,
    message: 'Too many tries from here in a short time. Please wait a few minutes, then try again.',
  },
  locked: {
    http: 423,
    close: 4423,
    message:
      'A facilitator has locked this part of the board, so your change was not saved. Reload the page to carry on.',
  },
  summaryNotShared: {
    http: 403,
    close: 4403,
    message:
      'The facilitator has not shared the summary yet. You will be able to read it once they do.',
  },
  unknownFormat: {
    http: 404,
    close: 4400,
    message: 'Purple cannot make a summary in that format.',
  },
  rationaleRequired: {
    http: 409,
    close: 4400,
    message:
      'Say why, in the Why box, before saving: this goes against what people with lived experience asked for.',
  },
  recordLimit: {
    http: 409,
    close: 4400,
    message: 'This already has as many entries as it can hold.',
  },
  wrongRecord: {
    http: 400,
    close: 4400,
    message: 'That cannot be done to this card.',
  },
  roundClosed: { http: 409, close: 4400, message: 'Voting has closed for this round.' },
  notCandidate: { http: 400, close: 4400, message: 'That card is not part of this vote.' },
  overBudget: {
    http: 409,
    close: 4400,
    message: 'You have used all your dots. Take a dot off another card first.',
  },
  overCap: {
    http: 409,
    close: 4400,
    message: 'That card already has as many of your dots as it can take.',
  },
};

/** Build a failure value for `reason`, with its standard message unless one is given. */
export function fail(
  reason: Reason,
  message?: string,
): { ok: false; reason: Reason; message: string } {
  return { ok: false, reason, message: message ?? REASON_INFO[reason].message };
}

/** True when a close code means "do not reconnect". */
export function isPermanentClose(code: number): boolean {
  return code >= 4400 && code <= 4499;
}
