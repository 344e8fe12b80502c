/**
 * One final, unmasked binary WebSocket frame (RFC 6455 §5.2), encoded once so a broadcast
 * can write the same bytes to every socket. Sending through `ws` frames the message again
 * for each recipient (a header, two option objects and a corked two-buffer write); at 500
 * clients that per-recipient work was most of a broadcast's cost (bench/RESULTS.md).
 */
export function binaryFrame(payload: Uint8Array): Buffer {
  const n = payload.byteLength;
  const head = n < 126 ? 2 : n < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(head + n);
  frame[0] = 0x82; // FIN, opcode 2 (binary)
  if (n < 126) {
    frame[1] = n;
  } else if (n < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(n / 2 ** 32), 2);
    frame.writeUInt32BE(n >>> 0, 6);
  }
  frame.set(payload, head);
  return frame;
}
