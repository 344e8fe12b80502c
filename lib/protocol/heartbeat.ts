/**
 * The control channel's heartbeat (issue 13): socket.io's own ping every
 * `PING_INTERVAL_MS`. The server drops a silent connection after `PING_INTERVAL_MS +
 * PING_TIMEOUT_MS` (so others stop seeing the person "here now" within 15 s); the browser
 * says it is offline once nothing has come for `OFFLINE_AFTER_MS` (within 5 s).
 */

/** How often the server pings each control socket. */
export const PING_INTERVAL_MS = 3000;
/** How long the server waits for the pong before dropping the socket. */
export const PING_TIMEOUT_MS = 4000;
/** Silence after which the browser shows it is offline. */
export const OFFLINE_AFTER_MS = PING_INTERVAL_MS + 1500;
