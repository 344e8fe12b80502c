import { describe, expect, it } from 'vitest';
import * as ws from 'ws';
import { binaryFrame } from './wsFrame';

/** ws's own frame parser; ws exports it, but @types/ws does not declare it. */
interface FrameReceiver {
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void;
  on(event: 'error', listener: (err: Error) => void): void;
  write(bytes: Buffer): void;
}
const { Receiver } = ws as unknown as {
  Receiver: new (options: { isServer: boolean; maxPayload: number }) => FrameReceiver;
};

/** Read frames the way a WebSocket client does, with ws's own parser. */
function readAsClient(bytes: Buffer): Buffer[] {
  const receiver = new Receiver({ isServer: false, maxPayload: 0 });
  const messages: Buffer[] = [];
  receiver.on('message', (data: Buffer, isBinary: boolean) => {
    expect(isBinary).toBe(true);
    messages.push(data);
  });
  receiver.on('error', (err) => {
    throw err;
  });
  receiver.write(bytes);
  return messages;
}

describe('binaryFrame', () => {
  it.each([0, 1, 125, 126, 127, 65_535, 65_536, 200_000])(
    'a %i-byte payload reads back whole, with the smallest length field',
    (n) => {
      const payload = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);
      const frame = binaryFrame(payload);
      expect(frame.length).toBe(n + (n < 126 ? 2 : n < 65_536 ? 4 : 10));
      const [message, ...rest] = readAsClient(frame);
      expect(rest).toEqual([]);
      expect(Buffer.compare(message as Buffer, Buffer.from(payload))).toBe(0);
    },
  );

  it('frames written back to back arrive as separate messages, in order', () => {
    const a = binaryFrame(new Uint8Array([1, 2, 3]));
    const b = binaryFrame(new Uint8Array(300).fill(9));
    const messages = readAsClient(Buffer.concat([a, b, a]));
    expect(messages.map((m) => m.length)).toEqual([3, 300, 3]);
  });

  it('encodes a view into a larger buffer by its own bytes only', () => {
    const big = new Uint8Array([0, 0, 5, 6, 7, 0]);
    const [message] = readAsClient(binaryFrame(big.subarray(2, 5)));
    expect([...(message as Buffer)]).toEqual([5, 6, 7]);
  });
});
