import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startLocalServer, type LocalServer } from '../test/api/local-server';
import type { FloodMessage } from './abuse-flood';
import { report } from './measure';

/**
 * What an anonymous flood does to everyone else: the health check's p99 while an attacker sends
 * malformed and oversized posts to the citizen pages and the API, against its p99 when idle, on
 * the server as `npm start` runs it (its own process, rate limits on). The attacker is a process
 * of its own (abuse-flood.ts), so this one only probes: a server that parses, buffers or
 * validates without bounds stalls its event loop, and the ratio climbs. Once the attacker's
 * windows are full its refusals are held (LOCAL_HOLD in rate-limits.ts), so what it costs the
 * server is the burst the windows allow plus a refusal per connection per second.
 *
 * The same flood then goes to a second server while the first is probed: what the attacker and
 * the work of refusing it cost the other requests by taking the machine's cores alone, without
 * sharing an event loop with them (control_p99_ratio). On two cores that is a floor the first
 * ratio cannot go below.
 */
/** About five seconds of probing: a flood, not the burst before the client's windows fill. */
const PROBES = 1000;
/** One client sending back to back on as many connections as a script would open. */
const CONCURRENCY = 4;

async function healthP99(server: LocalServer): Promise<number> {
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

const floods: ChildProcess[] = [];
/** Floods `target` while `probed` is probed: the probe's p99, and how the target answered. */
async function whileFlooding(target: LocalServer, probed: LocalServer): Promise<{ p99: number; statuses: Record<number, number> }> {
  const flood = fork(join(import.meta.dirname, 'abuse-flood.ts'), [target.base, String(CONCURRENCY)], { execArgv: ['--import', 'tsx'] });
  floods.push(flood);
  await next(flood, 'flooding');
  const p99 = await healthP99(probed);
  flood.send('stop');
  return { p99, statuses: (await next(flood, 'done')).statuses };
}

const [server, other] = await Promise.all([startLocalServer({ memory: true }), startLocalServer({ memory: true })]);
try {
  await healthP99(server); // warm-up
  const idle = await healthP99(server);
  const flooded = await whileFlooding(server, server);
  const control = await whileFlooding(other, server);
  const fiveHundreds = Object.entries(flooded.statuses).reduce((sum, [status, count]) => sum + (Number(status) >= 500 ? count : 0), 0);
  console.log(`attack responses by status (0: cut short): ${JSON.stringify(flooded.statuses)}`);
  report('abuse', { health_p99_ratio: flooded.p99 / idle, idle_p99_ms: idle, flood_p99_ms: flooded.p99, server_errors: fiveHundreds, control_p99_ratio: control.p99 / idle });
} finally {
  for (const flood of floods) flood.kill();
  await Promise.all([server.stop(), other.stop()]);
}
