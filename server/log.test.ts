/**
 * The loggers (issue 12): with PURPLE_LOG_FORMAT=json, pino writes one JSON line per event
 * with the standard fields and errors with their stack; 'silent' keeps errors only.
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

function capture(level: 'info' | 'warn' | 'silent') {
  const lines: string[] = [];
  const log = createLogger(level, 'json', { write: (line) => lines.push(line) });
  return { log, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>), lines };
}

describe('JSON logs with pino', () => {
  it('writes one JSON line per event with level, time, pid, hostname, msg and the fields', () => {
    const { log, records, lines } = capture('info');
    log.info('room loaded', { workshop: 'w1', rooms: 3 });
    log.error('store write failed', { err: new Error('disk full'), cause: new Error('inner') });
    expect(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
    const [info, error] = records();
    expect(info).toMatchObject({ level: 'info', msg: 'room loaded', workshop: 'w1', rooms: 3 });
    expect(typeof info?.time).toBe('string');
    expect(info?.pid).toBe(process.pid);
    expect(typeof info?.hostname).toBe('string');
    expect(error).toMatchObject({ level: 'error', msg: 'store write failed' });
    expect(error?.err).toMatchObject({ type: 'Error', message: 'disk full' });
    expect(String((error?.err as { stack?: string } | undefined)?.stack)).toContain('log.test.ts');
    expect(error?.cause).toMatchObject({ message: 'inner' });
  });

  it("'silent' keeps only errors, and 'warn' drops info", () => {
    const silent = capture('silent');
    silent.log.info('a');
    silent.log.warn('b');
    silent.log.error('c');
    expect(silent.records().map((r) => r.msg)).toEqual(['c']);
    const warn = capture('warn');
    warn.log.info('a');
    warn.log.warn('b');
    expect(warn.records().map((r) => r.msg)).toEqual(['b']);
  });
});
