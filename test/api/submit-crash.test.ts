import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saleAnswers } from '../../functions/test/files';
import { startLocalServer, uploadPdf, type LocalServer } from './local-server';

/**
 * The process stops while submissions are being written in groups on the embedded store (between
 * a group's claims and its cases). Started again on the same data, every application sent again
 * under its Idempotency-Key has exactly one case: the one it was told of, if it was told.
 */
const ITEM = '/api/items/990100/real-estate-transfer';
const APPLICANT = '断电测试人';
/** Under the local server's 40 submissions a minute per client and item. */
const COUNT = 36;

const upload = (server: LocalServer, materialId: string) => uploadPdf(server, ITEM, materialId);

/** The applications, one body for each key (the same files: a submission may name files filed already). */
async function applications(server: LocalServer): Promise<string[]> {
  const answers = { ...saleAnswers, transferor: { ...saleAnswers.transferor, name: APPLICANT } };
  const materials = { application: [await upload(server, 'application')], 'title-certificate': [await upload(server, 'title-certificate')], 'sale-contract': [await upload(server, 'sale-contract')] };
  return Array.from({ length: COUNT }, () => JSON.stringify({ answers, materials }));
}

/** Sends application i under its key; the tracking number and the status, or undefined when no answer came. */
async function submit(server: LocalServer, body: string, i: number): Promise<{ status: number; number: string } | undefined> {
  try {
    const response = await fetch(`${server.base}${ITEM}/applications`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `crash-test-key-${i}` }, body });
    const json = (await response.json()) as { case?: { trackingNumber: string } };
    return { status: response.status, number: json.case?.trackingNumber ?? '' };
  } catch {
    return undefined;
  }
}

/** The serial of a tracking number (its last six digits). */
const serial = (number: string) => Number(number.slice(-6));

describe('a crash while submissions are written together', () => {
  it('leaves each application sent again under its key with exactly one case, the one it was told of', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onevisit-data-'));
    // The process exits once it has written the claims of a group of submissions, before their cases.
    const first = await startLocalServer({ dataDir, env: { ONEVISIT_FAULT: 'exit-after-grouped-claims' } });
    const bodies = await applications(first);
    const answers = await Promise.all(bodies.map((body, i) => submit(first, body, i)));
    expect(await first.exited).toBe(75);
    const told = new Map(answers.flatMap((a, i) => (a?.status === 201 ? [[i, a.number] as const] : [])));
    expect(told.size).toBeLessThan(COUNT);

    const second = await startLocalServer({ dataDir });
    try {
      const again = await Promise.all(bodies.map((body, i) => submit(second, body, i)));
      // Each answered now; those told before get the same number again (200: not created anew).
      for (const [i, number] of told) expect(again[i]).toEqual({ status: 200, number });
      expect(again.every((a) => a && (a.status === 200 || a.status === 201))).toBe(true);
      const numbers = new Set(again.map((a) => a!.number));
      expect(numbers.size).toBe(COUNT);
      // The group cut short: its claims held numbers of the first process's block (SERIAL_BLOCK,
      // 50), and their cases were written under them now.
      expect(again.filter((a) => a!.status === 201 && serial(a!.number) <= 50).length).toBeGreaterThan(1);
      // And the store holds one case for each application.
      const { token } = await (await fetch(`${second.base}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jurisdiction: '990100', userId: 'city-admin' }) })).json();
      const found = await (await fetch(`${second.base}/api/cases?applicant=${encodeURIComponent(APPLICANT)}&limit=100`, { headers: { authorization: `Bearer ${token}` } })).json();
      expect(new Set((found.cases as { trackingNumber: string }[]).map((c) => c.trackingNumber))).toEqual(numbers);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  }, 180_000);
});
