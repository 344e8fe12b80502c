/**
 * A tiny structured logger: one line of JSON per event on stderr, quiet in tests unless
 * PURPLE_LOG is set. Bugs are logged once, at the boundary that catches them.
 */

/** Fields attached to a log line. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

function serialise(fields: LogFields | undefined): LogFields | undefined {
  if (!fields) return undefined;
  const out: LogFields = {};
  for (const [k, v] of Object.entries(fields)) {
    out[k] = v instanceof Error ? { message: v.message, stack: v.stack } : v;
  }
  return out;
}

/** A logger writing JSON lines; `level` 'silent' drops everything but errors. */
export function createLogger(level: 'info' | 'warn' | 'silent' = 'info'): Logger {
  const write = (lvl: string, message: string, fields?: LogFields) =>
    process.stderr.write(
      `${JSON.stringify({ t: new Date().toISOString(), lvl, message, ...serialise(fields) })}\n`,
    );
  return {
    info: (m, f) => level === 'info' && write('info', m, f),
    warn: (m, f) => level !== 'silent' && write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
