/**
 * The attacker of `npm run bench -- abuse`, in a process of its own so that making and sending
 * its bodies does not hold up the probe's event loop: `concurrency` connections from one
 * address, each sending malformed and oversized posts back to back until told to stop, then
 * reporting how the server answered.
 */

export type FloodMessage =
  /** Every connection has had an answer: the flood is on. */
  | { type: 'flooding' }
  /** Stopped; answers by status, 0 for a request the server cut short (a refusal that closed the connection). */
  | { type: 'done'; statuses: Record<number, number> };

import { Agent, request } from 'node:http';

const [base, concurrencyArg] = process.argv.slice(2);
if (!base || !process.send) throw new Error('run by abuse.bench.ts: abuse-flood.ts <base> <concurrency>');
const send = process.send.bind(process);
const concurrency = Number(concurrencyArg ?? 4);
const APPLY = `${base}/apply/990100/company-registration`;
const APPLICATIONS = `${base}/api/items/990100/company-registration/applications`;

/**
 * Bodies an attacker sends, made once as bytes and written raw (node:http), as a flooding tool
 * would: many fields, a huge one, a broken multipart, deep JSON, a long upload. Encoding them
 * anew for each request (what fetch with a FormData does) would spend the machine's cores on
 * the attacker rather than measure what refusing them costs the server.
 */
const manyFields = Buffer.from(new URLSearchParams(Array.from({ length: 50_000 }, (_, i) => [`root[f${i}]`, 'x'])).toString());
const hugeField = Buffer.from(`root[name]=${'x'.repeat(5_000_000)}`);
const brokenMultipart = Buffer.from(`--b\r\nContent-Disposition: form-data; name="root[name]"\r\n\r\n${'y'.repeat(100_000)}`);
const deepJson = Buffer.from(`{"answers":${'['.repeat(50_000)}${']'.repeat(50_000)}}`);
const bigUpload = Buffer.concat([
  Buffer.from('--b\r\nContent-Disposition: form-data; name="material[application]"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n'),
  Buffer.alloc(30 * 1024 * 1024),
  Buffer.from('\r\n--b--\r\n'),
]);
const form = 'application/x-www-form-urlencoded';
const multipart = 'multipart/form-data; boundary=b';
const attacks: Array<[url: string, type: string, body: Buffer]> = [
  [APPLY, form, manyFields],
  [APPLY, form, hugeField],
  [APPLY, multipart, brokenMultipart],
  [APPLICATIONS, 'application/json', deepJson],
  [APPLY, multipart, bigUpload],
];
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

/** One post; its status, or 0 when the server cut it short (a refusal that closed the connection). */
function post([url, type, body]: (typeof attacks)[number]): Promise<number> {
  return new Promise((resolve) => {
    const sent = request(url, { method: 'POST', agent, headers: { 'content-type': type, 'content-length': body.length } }, (response) => {
      response.resume().on('end', () => resolve(response.statusCode ?? 0)).on('error', () => resolve(0));
    });
    sent.on('error', () => resolve(0));
    sent.end(body);
  });
}

let flooding = true;
let answered = 0;
const statuses: Record<number, number> = {};
process.on('message', (message) => {
  if (message === 'stop') flooding = false;
});

async function attacker(first: number): Promise<void> {
  for (let n = first; flooding; n++) {
    const status = await post(attacks[n % attacks.length]!);
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (++answered === concurrency) send({ type: 'flooding' } satisfies FloodMessage);
  }
}

await Promise.all(Array.from({ length: concurrency }, (_, i) => attacker(i)));
send({ type: 'done', statuses } satisfies FloodMessage, () => process.disconnect());
