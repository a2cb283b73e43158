import { expect } from 'vitest';
import { browserSession } from './browser-session';
import { harness } from './harness';

/** The world of the citizen page tests (citizen.test.ts, citizen-lists.test.ts): the pages over plain HTTP, as a browser without JavaScript uses them. */
export async function citizenWorld() {
  const h = await harness({ now: '2026-03-02T02:00:00Z' });
  const APPLY = '/apply/990100/real-estate-transfer';
  /** The applicant's browser: it keeps the cookies the pages set. */
  const citizen = browserSession(h.app);

  async function get(path: string, browser = citizen) {
    const response = await browser.request(path);
    // React separates adjacent text with <!-- -->; a reader sees one text.
    return { status: response.status, html: (await response.text()).replace(/<!-- -->/g, ''), headers: response.headers };
  }

  function post(fields: Record<string, string | string[]>, files: Record<string, Buffer> = {}) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
    for (const [material, bytes] of Object.entries(files)) form.append(`material[${material}]`, new File([new Uint8Array(bytes)], `${material}.pdf`));
    return citizen.request(APPLY, { method: 'POST', body: form });
  }

  /** The case a post filed, as the receipt it leads to shows it (at an address with the number alone): its number and code. */
  async function filed(response: Response) {
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    const [, number] = /^\/receipt\/(\d{6}-\d{8}-\d{6})$/.exec(location)!;
    const receipt = await get(location);
    expect(receipt.status).toBe(200);
    const secret = /data-testid="tracking-secret">([^<]+)</.exec(receipt.html)![1]!.replace(/\s/g, '');
    return { number: number!, secret, location, receipt };
  }

  /** The case as the JSON API gives it to whoever has its code (sent in a header, never in the address). */
  const tracked = (c: { number: string; secret: string }) => h.call('GET', `/api/track/${c.number}`, { headers: { 'x-tracking-secret': c.secret } });

  /** What a reader sees: no scripts, styles, tags or attributes. */
  const visibleText = (html: string) =>
    html
      .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');

  /** The keys of the real-estate form and its choices, which applicants must never see (in English, the model's own words can be plain English). */
  const formKeys = /\b(reason|sale|inheritance|gift|boundaryChanged|transferee)\b/;
  const modelKeys = new RegExp(`${formKeys.source}|\\b(eq|in|when|shared|deferrable|original|electronic)\\b`);

  return { h, APPLY, citizen, get, post, filed, tracked, visibleText, formKeys, modelKeys };
}
