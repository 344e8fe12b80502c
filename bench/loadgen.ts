/**
 * Entry point of the load-generator child process (see bench/lib/loadgen.ts). Runs the
 * commands the orchestrator sends and replies with their results.
 */
import { handlers } from './handlers';

interface Request {
  id: number;
  cmd: string;
  args: unknown;
}

if (!process.send) {
  console.error('bench/loadgen.ts is started by bench/run.ts, not directly.');
  process.exit(2);
}
// Every WebsocketProvider adds a process 'exit' listener; hundreds are expected here.
process.setMaxListeners(0);
const reply = (msg: unknown) => process.send?.(msg);

process.on('message', (msg: Request) => {
  const handler = handlers[msg.cmd];
  if (!handler) {
    reply({ id: msg.id, ok: false, error: `unknown command ${msg.cmd}` });
    return;
  }
  handler(msg.args).then(
    (result) => reply({ id: msg.id, ok: true, result }),
    (err: unknown) =>
      reply({
        id: msg.id,
        ok: false,
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      }),
  );
});
process.on('disconnect', () => process.exit(0));
reply({ ready: true });
