import { describe, expect, it, vi } from 'vitest';
import { castWithRetry } from './castWithRetry';

/** A stand-in for the socket: records every cast payload; `answer` decides each reply. */
function fakeSocket(answer: (attempt: number) => 'timeout' | 'ok') {
  const sent: { key: string; dots: number }[] = [];
  const listeners = new Map<string, () => void>();
  const socket = {
    connected: true,
    on: (event: string, fn: () => void) => listeners.set(event, fn),
    off: (event: string) => listeners.delete(event),
    timeout: () => ({
      emit: (
        _event: string,
        payload: { key: string; dots: number },
        cb: (...a: unknown[]) => void,
      ) => {
        sent.push(payload);
        if (answer(sent.length) === 'timeout') setTimeout(() => cb(new Error('timeout')), 8_000);
        else cb(null, { ok: true, dotsOnCard: payload.dots, dotsLeft: 4 });
      },
    }),
    reconnect() {
      this.connected = true;
      listeners.get('connect')?.();
    },
  };
  return { socket, sent };
}

describe('castWithRetry', () => {
  it('re-sends the SAME key after a timeout, and a new key for the next vote', async () => {
    vi.useFakeTimers();
    const { socket, sent } = fakeSocket((n) => (n === 1 ? 'timeout' : 'ok'));
    // biome-ignore lint/suspicious/noExplicitAny: a minimal fake of the socket.io client
    const get = () => socket as any;
    const first = castWithRetry(get, { roundId: 'r', cardId: 'c', dots: 1 });
    await vi.advanceTimersByTimeAsync(8_000);
    expect(await first).toMatchObject({ ok: true, dotsOnCard: 1 });
    expect(sent).toHaveLength(2);
    expect(sent[1]!.key).toBe(sent[0]!.key);
    await castWithRetry(get, { roundId: 'r', cardId: 'c', dots: 2 });
    expect(sent[2]!.key).not.toBe(sent[0]!.key);
    vi.useRealTimers();
  });

  it('waits for a reconnect, then sends with its key', async () => {
    vi.useFakeTimers();
    const { socket, sent } = fakeSocket(() => 'ok');
    socket.connected = false;
    // biome-ignore lint/suspicious/noExplicitAny: a minimal fake of the socket.io client
    const cast = castWithRetry(() => socket as any, { roundId: 'r', cardId: 'c', dots: 1 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toHaveLength(0);
    socket.reconnect();
    expect(await cast).toMatchObject({ ok: true });
    expect(sent).toHaveLength(1);
    vi.useRealTimers();
  });
});
