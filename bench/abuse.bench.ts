import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startLocalServer } from '../test/api/local-server';
import type { FloodMessage } from './abuse-flood';
import { report } from './measure';

/**
 * What an anonymous flood does to everyone else: the health check's p99 while an attacker sends
 * malformed and oversized posts to the citizen pages and the API, against its p99 when idle, on
 * the server as `npm start` runs it (its own process, rate limits on). The attacker is a process
 * of its own (abuse-flood.ts), so this one only probes: a server that parses, buffers or
 * validates without bounds stalls its event loop, and the ratio climbs.
 */
const PROBES = 300;
/** One client sending back to back on as many connections as a script would open. */
const CONCURRENCY = 4;

const server = await startLocalServer({ memory: true });

async function healthP99(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < PROBES; i++) {
    const start = performance.now();
    const response = await fetch(`${server.base}/api/health`);
    await response.arrayBuffer();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(PROBES * 0.99)]!;
}

/** The attacker's next message of a kind; an error if it exits first. */
function next<T extends FloodMessage['type']>(flood: ChildProcess, type: T): Promise<Extract<FloodMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the flood exited with ${code} before '${type}'`));
    const onMessage = (message: FloodMessage) => {
      if (message.type !== type) return;
      flood.off('exit', onExit).off('message', onMessage);
      resolve(message as Extract<FloodMessage, { type: T }>);
    };
    flood.on('message', onMessage).once('exit', onExit);
  });
}

let flood: ChildProcess | undefined;
try {
  await healthP99(); // warm-up
  const idle = await healthP99();
  flood = fork(join(import.meta.dirname, 'abuse-flood.ts'), [server.base, String(CONCURRENCY)], { execArgv: ['--import', 'tsx'] });
  await next(flood, 'flooding');
  const busy = await healthP99();
  flood.send('stop');
  const { statuses } = await next(flood, 'done');
  const fiveHundreds = Object.entries(statuses).reduce((sum, [status, count]) => sum + (Number(status) >= 500 ? count : 0), 0);
  console.log(`attack responses by status (0: cut short): ${JSON.stringify(statuses)}`);
  report('abuse', { health_p99_ratio: busy / idle, idle_p99_ms: idle, flood_p99_ms: busy, server_errors: fiveHundreds });
} finally {
  flood?.kill();
  await server.stop();
}
