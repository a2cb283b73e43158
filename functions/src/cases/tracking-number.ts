/**
 * The 受理编号 a case is known by: its jurisdiction, the day it was received and that day's
 * serial, 990100-20260302-000001. The jurisdiction in front is where the case is stored, so the
 * number alone finds it. (The 查询码 that goes with it, the applicant's secret, is tracking-code.ts.)
 *
 * Serials are unique, not gapless: a process reserves them in blocks (SERIAL_BLOCK, 50, with one
 * counter update; store/case-records.ts). What a process reserved and had not used when it
 * stopped is never issued; a retried submission takes a serial and gives it up for the first
 * attempt's; processes running at once (Lambda instances) issue from their own blocks, so serials
 * increase within a process but not across processes in the order cases arrived. The last serial
 * of a day is not the number of cases received that day.
 */

export const TRACKING_NUMBER = /^\d{6}-\d{8}-\d{6}$/;

/** The day as the number writes it (20260302): also the key of that day's serial counter. */
export const numberingDay = (receivedOn: string) => receivedOn.replace(/-/g, '');

export const formatTrackingNumber = (jurisdiction: string, receivedOn: string, serial: number) =>
  `${jurisdiction}-${numberingDay(receivedOn)}-${String(serial).padStart(6, '0')}`;

/** The jurisdiction a well-formed number belongs to. */
export const jurisdictionOf = (trackingNumber: string) => trackingNumber.slice(0, 6);

/** A number as typed (spaces anywhere), if it is one. */
export function parseTrackingNumber(typed: string): { trackingNumber: string; jurisdiction: string } | undefined {
  const trackingNumber = typed.replace(/\s+/g, '');
  return TRACKING_NUMBER.test(trackingNumber) ? { trackingNumber, jurisdiction: jurisdictionOf(trackingNumber) } : undefined;
}
