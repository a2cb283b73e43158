import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The 查询码 an applicant follows their case with, beside its number: 8 characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), so it can be read out over the phone and typed
 * from an SMS; accepted in any case, with or without spaces. 31⁸ ≈ 8.5 × 10¹¹ codes per case.
 * (The number it goes with, the 受理编号, is tracking-number.ts.)
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

// Shown alike wherever it is written, the officers' printed receipts too (record.ts needs no node: module).
export { displayTrackingCode } from './record';

/**
 * A message's text as the outbox keeps it once it is in a sender's hands: the 查询码 the receipt
 * SMS carries masked, so the administrators who read the outbox (预警与消息) cannot follow, or rate,
 * an applicant's case as the applicant.
 */
export const withoutTrackingCodes = (text: string) => text.replace(/(查询码\s*|tracking code\s*)[0-9A-Za-z]{4} [0-9A-Za-z]{4,12}/g, '$1****');

/** What the case keeps of its code: only a hash. */
export const trackingCodeHash = (code: string) => createHash('sha256').update(code).digest('hex');

/** The code as typed, in any case and spacing; cases filed before the 8-character codes keep their exact 16-character ones. */
export function trackingCodeMatches(storedHash: string, typed: string): boolean {
  const a = Buffer.from(storedHash, 'hex');
  return [normalizeTrackingCode(typed), typed.trim()].some((candidate) => {
    const b = Buffer.from(trackingCodeHash(candidate), 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  });
}
