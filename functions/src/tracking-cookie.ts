import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/**
 * How a browser that has shown a case's 查询码 keeps it for a while, so the code never travels in
 * an address (issue 15): a cookie per page of the case (`/track/{number}`, and right after
 * submitting `/receipt/{number}`), HttpOnly, SameSite=Strict, Secure over https, for half an hour.
 * Its value is the code sealed with AES-256-GCM under a key derived from the app secret, bound to
 * the number and to when it expires: the browser's cookie jar never holds the code in clear, and
 * a copied cookie stops working after its half hour whatever the browser does with Max-Age.
 */

export const TRACKING_COOKIE = 'onevisit-track';
export const TRACKING_COOKIE_SECONDS = 30 * 60;

/** The pages of a case the cookie is sent to: its tracking page (and the forms under it), its receipt. */
export type CasePage = 'track' | 'receipt';
const pathOf = (page: CasePage, trackingNumber: string) => `/${page}/${trackingNumber}`;

const keyOf = (appSecret: string) => createHmac('sha256', appSecret).update('onevisit tracking cookie').digest();
const boundTo = (trackingNumber: string, expires: number) => Buffer.from(`${trackingNumber}\n${expires}`);

export function sealCode(appSecret: string, trackingNumber: string, code: string, expires: number): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(appSecret), iv);
  cipher.setAAD(boundTo(trackingNumber, expires));
  const sealed = Buffer.concat([iv, cipher.update(code, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${expires.toString(36)}.${sealed.toString('base64url')}`;
}

/** The code a value sealed for this number holds, if it is one and has not expired by `now`. */
export function unsealCode(appSecret: string, trackingNumber: string, value: string, now: number): string | undefined {
  const [stamp, sealed] = value.split('.');
  const expires = parseInt(stamp ?? '', 36);
  if (!sealed || !Number.isSafeInteger(expires) || expires <= now || expires > now + TRACKING_COOKIE_SECONDS * 1000) return undefined;
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length < 12 + 16 + 1) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(appSecret), bytes.subarray(0, 12));
    decipher.setAAD(boundTo(trackingNumber, expires));
    decipher.setAuthTag(bytes.subarray(-16));
    return Buffer.concat([decipher.update(bytes.subarray(12, -16)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

interface Keys {
  secret: string;
  clock: () => Date;
}

/** This browser knows `trackingNumber`'s code: for the next half hour, on the pages named. */
export function rememberCode(c: Context, keys: Keys, trackingNumber: string, code: string, pages: readonly CasePage[]): void {
  const expires = keys.clock().getTime() + TRACKING_COOKIE_SECONDS * 1000;
  for (const page of pages) {
    setCookie(c, TRACKING_COOKIE, sealCode(keys.secret, trackingNumber, code, expires), {
      path: pathOf(page, trackingNumber),
      httpOnly: true,
      sameSite: 'Strict',
      secure: new URL(c.req.url).protocol === 'https:',
      maxAge: TRACKING_COOKIE_SECONDS,
    });
  }
}

/** The code this browser showed for `trackingNumber`, if the cookie sent with this request holds one still valid. */
export function rememberedCode(c: Context, keys: Keys, trackingNumber: string): string | undefined {
  const value = getCookie(c, TRACKING_COOKIE);
  return value ? unsealCode(keys.secret, trackingNumber, value, keys.clock().getTime()) : undefined;
}
