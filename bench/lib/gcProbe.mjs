// Preloaded into a server under test for the memory measurement only: on SIGUSR2 it runs a
// full garbage collection and prints process.memoryUsage(), so live memory can be told
// apart from heap that merely has not been collected yet. It changes nothing else.
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
process.on('SIGUSR2', () => {
  gc();
  gc();
  const m = process.memoryUsage();
  process.stderr.write(`BENCH-MEMORY ${JSON.stringify(m)}\n`);
});
