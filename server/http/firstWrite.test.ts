import net from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { firstWriteTogether } from './firstWrite';

let server: net.Server | null = null;
afterEach(() => {
  server?.close();
  server = null;
});

/** A connected pair of real TCP sockets: [the server's end, the client's end]. */
async function pair(): Promise<[net.Socket, net.Socket]> {
  let accept: (s: net.Socket) => void = () => undefined;
  const accepted = new Promise<net.Socket>((resolve) => {
    accept = resolve;
  });
  const listening = net.createServer(accept);
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  const { port } = listening.address() as net.AddressInfo;
  const client = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => client.once('connect', resolve));
  return [await accepted, client];
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

it('holds what is written in this turn and sends it, in order, at the next', async () => {
  const [conn, client] = await pair();
  const received: Buffer[] = [];
  client.on('data', (d) => received.push(d));
  firstWriteTogether(conn);
  conn.write('HTTP/1.1 101 Switching Protocols\r\n\r\n');
  conn.write('first frame');
  expect(conn.writableCorked).toBe(1);
  expect(conn.writableLength).toBeGreaterThan(0);
  await turn();
  expect(conn.writableCorked).toBe(0);
  const expected = 'HTTP/1.1 101 Switching Protocols\r\n\r\nfirst frame';
  while (Buffer.concat(received).length < expected.length) await turn();
  expect(Buffer.concat(received).toString()).toBe(expected);
  conn.destroy();
  client.destroy();
});

it('leaves a socket destroyed meanwhile alone', async () => {
  const [conn, client] = await pair();
  firstWriteTogether(conn);
  conn.write('dropped with the socket');
  conn.destroy();
  await turn();
  expect(conn.destroyed).toBe(true);
  client.destroy();
});

it('does not cork a socket already destroyed', async () => {
  const [conn, client] = await pair();
  conn.destroy();
  firstWriteTogether(conn);
  expect(conn.writableCorked).toBe(0);
  client.destroy();
});
