/**
 * EMS 运单号: an international-style item identifier (UPU S10: two letters, eight digits, a check
 * digit, the country code, e.g. EA123456785CN) with its check digit verified, or a domestic EMS
 * waybill of 13 digits. Taken upper-case and without spaces, as a scanner or a person types it.
 */

const S10 = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/;
const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];
const DOMESTIC = /^[159]\d{12}$/;

/** The S10 check digit of eight serial digits. */
export function s10CheckDigit(serial: string): number {
  const sum = [...serial].reduce((total, d, i) => total + Number(d) * S10_WEIGHTS[i]!, 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

export const normalWaybill = (value: string) => value.replace(/\s+/g, '').toUpperCase();

/** Why a waybill number is not one, in both languages, or undefined when it is. */
export function waybillProblem(value: string): readonly [string, string] | undefined {
  const s10 = S10.exec(value);
  if (s10) return s10CheckDigit(s10[1]!) === Number(s10[2]) ? undefined : ['EMS 运单号校验位不正确，请核对', 'the check digit of the EMS waybill number is wrong; check the number'];
  if (DOMESTIC.test(value)) return undefined;
  return ['EMS 运单号应为 13 位数字，或 2 个字母、9 位数字加 2 个字母(如 EA123456785CN)', 'an EMS waybill number is 13 digits, or 2 letters, 9 digits and 2 letters (e.g. EA123456785CN)'];
}
