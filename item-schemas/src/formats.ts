/**
 * Checks for Chinese identifiers that JSON Schema formats cannot express: the check digit of
 * 居民身份证号 (GB 11643, ISO 7064 MOD 11-2) and the check character of 统一社会信用代码 (GB 32100).
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function isChineseIdCard(value: string): boolean {
  if (!/^[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dX]$/.test(value)) return false;
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const date = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birth) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === value[17];
}

// GB 32100 character set: digits and capital letters without I, O, S, V, Z.
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters of a 统一社会信用代码, or undefined if they are not valid. */
export function usccCheckCharacter(first17: string): string | undefined {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{9}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

export function isUscc(value: string): boolean {
  return value.length === 18 && usccCheckCharacter(value.slice(0, 17)) === value[17];
}

export function isMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

export function isPostcode(value: string): boolean {
  return /^\d{6}$/.test(value);
}

/** Formats the intake forms may name, with what they mean to an applicant. */
export const customFormats = {
  'cn-id-card': { validate: isChineseIdCard, zh: '居民身份证号码', en: 'resident ID card number' },
  'cn-uscc': { validate: isUscc, zh: '统一社会信用代码', en: 'unified social credit code' },
  'cn-mobile': { validate: isMobile, zh: '手机号码', en: 'mobile number' },
  'cn-postcode': { validate: isPostcode, zh: '邮政编码', en: 'postcode' },
} as const;
