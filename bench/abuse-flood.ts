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

const [base, concurrencyArg] = process.argv.slice(2);
if (!base || !process.send) throw new Error('run by abuse.bench.ts: abuse-flood.ts <base> <concurrency>');
const send = process.send.bind(process);
const concurrency = Number(concurrencyArg ?? 4);
const APPLY = `${base}/apply/990100/company-registration`;
const APPLICATIONS = `${base}/api/items/990100/company-registration/applications`;

/** Bodies an attacker sends: many fields, a huge one, a broken multipart, deep JSON, a long upload. */
const manyFields = new URLSearchParams(Array.from({ length: 50_000 }, (_, i) => [`root[f${i}]`, 'x'])).toString();
const hugeField = `root[name]=${'x'.repeat(5_000_000)}`;
const brokenMultipart = `--b\r\nContent-Disposition: form-data; name="root[name]"\r\n\r\n${'y'.repeat(100_000)}`;
const deepJson = `{"answers":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
const bigUpload = new File([new Uint8Array(30 * 1024 * 1024)], 'a.pdf', { type: 'application/pdf' });
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const attacks: Array<() => Promise<Response>> = [
  () => fetch(APPLY, { method: 'POST', headers: form, body: manyFields }),
  () => fetch(APPLY, { method: 'POST', headers: form, body: hugeField }),
  () => fetch(APPLY, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=b' }, body: brokenMultipart }),
  () => fetch(APPLICATIONS, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deepJson }),
  () => {
    const upload = new FormData();
    upload.append('material[application]', bigUpload);
    return fetch(APPLY, { method: 'POST', body: upload });
  },
];

let flooding = true;
let answered = 0;
const statuses: Record<number, number> = {};
process.on('message', (message) => {
  if (message === 'stop') flooding = false;
});

async function attacker(first: number): Promise<void> {
  for (let n = first; flooding; n++) {
    let status = 0;
    try {
      const response = await attacks[n % attacks.length]!();
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch {
      // cut short: counted as 0
    }
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (++answered === concurrency) send({ type: 'flooding' } satisfies FloodMessage);
  }
}

await Promise.all(Array.from({ length: concurrency }, (_, i) => attacker(i)));
send({ type: 'done', statuses } satisfies FloodMessage, () => process.disconnect());
