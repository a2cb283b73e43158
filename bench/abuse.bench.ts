import { startLocalServer } from '../test/api/local-server';
import { report } from './measure';

/**
 * What an anonymous flood does to everyone else: the health check's p99 while clients send
 * malformed and oversized posts to the citizen pages and the API, against its p99 when idle, on
 * the server as `npm start` runs it (its own process). A server that parses, buffers or
 * validates without bounds stalls its event loop and the ratio climbs.
 */
const PROBES = 300;
const FLOODERS = 4;

const server = await startLocalServer({ memory: true });
const APPLY = `${server.base}/apply/990100/company-registration`;

/** Bodies an attacker sends: many fields, a huge one, a broken multipart, deep JSON, a long upload. */
const manyFields = new URLSearchParams(Array.from({ length: 50_000 }, (_, i) => [`root[f${i}]`, 'x'])).toString();
const hugeField = `root[name]=${'x'.repeat(5_000_000)}`;
const brokenMultipart = `--b\r\nContent-Disposition: form-data; name="root[name]"\r\n\r\n${'y'.repeat(100_000)}`;
const deepJson = `{"answers":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
const bigUpload = new Uint8Array(30 * 1024 * 1024);
const attacks: Array<() => Promise<unknown>> = [
  () => fetch(APPLY, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: manyFields }),
  () => fetch(APPLY, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: hugeField }),
  () => fetch(APPLY, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=b' }, body: brokenMultipart }),
  () => fetch(`${server.base}/api/items/990100/company-registration/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deepJson }),
  () => {
    const form = new FormData();
    form.append('material[application]', new File([bigUpload], 'a.pdf', { type: 'application/pdf' }));
    return fetch(APPLY, { method: 'POST', body: form });
  },
];

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

let flooding = true;
const statuses = new Map<number, number>();
async function flood(start: number): Promise<void> {
  for (let n = start; flooding; n++) {
    try {
      const response = (await attacks[n % attacks.length]!()) as Response;
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      await response.arrayBuffer().catch(() => undefined);
    } catch {
      statuses.set(0, (statuses.get(0) ?? 0) + 1); // connection closed on us: fine, it was refused
    }
  }
}

try {
  await healthP99(); // warm-up
  const idle = await healthP99();
  const flooders = Array.from({ length: FLOODERS }, (_, i) => flood(i));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const busy = await healthP99();
  flooding = false;
  await Promise.all(flooders);
  const fiveHundreds = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, count]) => sum + count, 0);
  console.log(`attack responses by status: ${JSON.stringify(Object.fromEntries(statuses))}`);
  report('abuse', { health_p99_ratio: busy / idle, idle_p99_ms: idle, flood_p99_ms: busy, server_errors: fiveHundreds });
} finally {
  await server.stop();
}
