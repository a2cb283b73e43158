import type { InputHTMLAttributes } from 'react';

/**
 * What a phone needs to offer the right keyboard and autofill for the Chinese identifier
 * formats: digits for mobile numbers and postcodes, letters kept upper case for ID card numbers
 * (the check character may be X) and credit codes. Validation stays with the server's formats.
 */
export function inputHints(format: unknown): InputHTMLAttributes<HTMLInputElement> {
  switch (format) {
    case 'cn-id-card':
      return { inputMode: 'text', pattern: '[0-9]{17}[0-9Xx]', maxLength: 18, autoCapitalize: 'characters', autoCorrect: 'off', spellCheck: false, autoComplete: 'off' };
    case 'cn-uscc':
      return { inputMode: 'text', maxLength: 18, autoCapitalize: 'characters', autoCorrect: 'off', spellCheck: false, autoComplete: 'off' };
    case 'cn-mobile':
      return { type: 'tel', inputMode: 'tel', pattern: '1[0-9]{10}', maxLength: 11, autoComplete: 'tel-national' };
    case 'cn-postcode':
      return { inputMode: 'numeric', pattern: '[0-9]{6}', maxLength: 6, autoComplete: 'postal-code' };
    default:
      return {};
  }
}
