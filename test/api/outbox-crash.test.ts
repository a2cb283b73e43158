import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saleAnswers } from '../../functions/test/files';
import { startLocalServer, uploadPdf, type LocalServer } from './local-server';

/**
 * The process dies right after it writes a case, before any of the case's messages is sent
 * (ONEVISIT_FAULT stops it there). Started again on the same data, it sends each message once,
 * and a further restart sends nothing again.
 */
const ITEM = '/api/items/990100/real-estate-transfer';
const MOBILE = '13900000777';

const upload = (server: LocalServer, materialId: string) => uploadPdf(server, ITEM, materialId);

/** The SMS the local channel wrote to the log for the number. */
const textsIn = (output: string) => output.split('\n').filter((line) => line.includes(`[通知 sms → ${MOBILE}]`));

describe('a crash between the case write and the delivery', () => {
  it('loses no message and sends none twice', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onevisit-data-'));
    const crashing = await startLocalServer({ dataDir, env: { ONEVISIT_FAULT: 'exit-after-case-write' } });
    const materials = { application: [await upload(crashing, 'application')], 'title-certificate': [await upload(crashing, 'title-certificate')], 'sale-contract': [await upload(crashing, 'sale-contract')] };
    const answers = { ...saleAnswers, transferee: { ...saleAnswers.transferee, mobile: MOBILE } };
    const submitted = await fetch(`${crashing.base}${ITEM}/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers, materials }) }).catch((error: unknown) => error);
    // The applicant got no answer: the process died with the case written.
    expect(submitted).toBeInstanceOf(Error);
    expect(await crashing.stop()).toBe(75);
    expect(textsIn(crashing.output())).toEqual([]);

    const restarted = await startLocalServer({ dataDir });
    try {
      expect(textsIn(restarted.output())).toHaveLength(1);
      const { token } = await (await fetch(`${restarted.base}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jurisdiction: '990100', userId: 'city-admin' }) })).json();
      const outbox = (await (await fetch(`${restarted.base}/api/admin/990100/outbox`, { headers: { authorization: `Bearer ${token}` } })).json()) as Array<{ channel: string; to: string; topic: string; status: string; trackingNumber: string; text: string }>;
      const sms = outbox.filter((m) => m.to === MOBILE);
      expect(sms).toEqual([expect.objectContaining({ channel: 'sms', topic: 'received', status: 'delivered' })]);
      // The case it was written with is there, and its department was told once.
      expect(outbox.filter((m) => m.trackingNumber === sms[0]!.trackingNumber && m.channel === 'inSite')).toEqual([expect.objectContaining({ to: 'dept:12370500MB1000007L', status: 'delivered' })]);
      expect(textsIn(restarted.output())[0]).toContain(sms[0]!.trackingNumber);
    } finally {
      expect(await restarted.stop()).toBe(0);
    }

    const again = await startLocalServer({ dataDir });
    expect(await again.stop()).toBe(0);
    expect(textsIn(again.output())).toEqual([]);
    // Three starts of the server on two cores.
  }, 180_000);
});
