/** A code list: each code with its Chinese and English labels and, where the key is not it, its national exchange code. */
export type Labels<K extends string> = Record<K, readonly [zh: string, en: string, national?: string]>;

/** Codes in display order: object keys put integer-like codes ('10') before others ('01'), so numeric codes are sorted back. */
export function orderedCodes<K extends string>(labels: Labels<K>): K[] {
  const keys = Object.keys(labels) as K[];
  return keys.every((k) => /^\d+$/.test(k)) ? keys.sort() : keys;
}
