// The `report` program (dist/cli.js): the command line on the main thread, a check worker in a worker
// thread started by it (the same file serves both).

import { main } from './main';
import { runAsWorker } from './pool';

if (!runAsWorker()) {
  // A closed pipe (`report check | head`) ends the output quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  void main(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    script: __filename,
  }).then((code) => {
    process.exitCode = code;
    if (process.env.REPORT_TIMING) {
      // For the benchmark: Node's own start, then this program (loading the bundle included), and CPU time.
      const start = (globalThis as { __reportLoadStart?: number }).__reportLoadStart ?? 0;
      const cpu = process.cpuUsage();
      process.stderr.write(`timing: node ${start.toFixed(1)} ms, report ${(performance.now() - start).toFixed(1)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms\n`);
    }
  });
}
