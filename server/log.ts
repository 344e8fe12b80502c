/**
 * The one Logger interface, and its two writers. By default a tiny built-in one: one line
 * of JSON per event on stderr. With PURPLE_LOG_FORMAT=json, pino (issue 12): one JSON line
 * per event with the fields log collectors expect (`level`, `time`, `pid`, `hostname`,
 * `msg`, errors under `err` with their stack). Both are quiet in tests ('silent' keeps
 * errors only). Bugs are logged once, at the boundary that catches them.
 */
import { createRequire } from 'node:module';
import type * as Pino from 'pino';

/** pino is loaded only when JSON logs are asked for: start-up time is restart time (I95). */
const loadPino = (): typeof Pino.pino =>
  (createRequire(import.meta.url)('pino') as typeof Pino).pino;

/** Fields attached to a log line. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** What the server logs at: 'silent' drops everything but errors. */
export type LogLevel = 'info' | 'warn' | 'silent';

function serialise(fields: LogFields | undefined): LogFields | undefined {
  if (!fields) return undefined;
  const out: LogFields = {};
  for (const [k, v] of Object.entries(fields)) {
    out[k] = v instanceof Error ? { message: v.message, stack: v.stack } : v;
  }
  return out;
}

/** Where pino writes; stderr unless a test gives its own. */
export interface LogDestination {
  write(line: string): void;
}

/** A logger writing JSON lines: the built-in format, or pino's with `format` 'json'. */
export function createLogger(
  level: LogLevel = 'info',
  format: 'default' | 'json' = 'default',
  destination?: LogDestination,
): Logger {
  if (format === 'json') return pinoLogger(level, destination);
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

/** pino on stderr, written synchronously so the last lines before an exit are not lost. */
function pinoLogger(level: LogLevel, destination?: LogDestination): Logger {
  const pino = loadPino();
  const p = pino(
    {
      level: level === 'silent' ? 'error' : level,
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination({ dest: 2, sync: true }),
  );
  // pino serialises an Error under `err`; other Error-valued fields get the same shape.
  const fieldsOf = (f?: LogFields) => {
    if (!f) return {};
    const { err, ...rest } = f;
    return { ...serialise(rest), ...(err === undefined ? {} : { err }) };
  };
  return {
    info: (m, f) => p.info(fieldsOf(f), m),
    warn: (m, f) => p.warn(fieldsOf(f), m),
    error: (m, f) => p.error(fieldsOf(f), m),
  };
}
