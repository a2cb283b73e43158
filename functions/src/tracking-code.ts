import { createHmac } from 'node:crypto';

/**
 * The 查询码 an applicant follows their case with, beside its number: 8 characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), so it can be read out over the phone and typed
 * from an SMS; accepted in any case, with or without spaces. 31⁸ ≈ 8.5 × 10¹¹ codes per case.
 */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 8;

/** Derived from the case and the submission's idempotency key, so a retried submission gets the same code again. */
export function trackingCode(secret: string, trackingNumber: string, idempotencyKey: string): string {
  let n = createHmac('sha256', secret).update(`${trackingNumber}\n${idempotencyKey}`).digest().readBigUInt64BE(0);
  let code = '';
  for (let i = 0; i < LENGTH; i++) {
    code += ALPHABET[Number(n % BigInt(ALPHABET.length))];
    n /= BigInt(ALPHABET.length);
  }
  return code;
}

/** What the applicant typed, as the code it stands for: upper case, without spaces or dashes. */
export function normalizeTrackingCode(typed: string): string {
  return typed.replace(/[\s-]+/g, '').toUpperCase();
}

/** The code as shown and sent: two groups of four, easy to read out. */
export const displayTrackingCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;
