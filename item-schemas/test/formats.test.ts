import { describe, expect, it } from 'vitest';
import { isChineseIdCard, isMobile, isPostcode, isUscc } from '../src';

describe('居民身份证号', () => {
  it.each(['11010519491231002X', '440524188001010014', '110101200001011232'])('accepts %s', (id) => {
    expect(isChineseIdCard(id)).toBe(true);
  });
  it.each([
    ['110105194912310021', 'wrong check digit'],
    ['11010519491231002x', 'lowercase x'],
    ['110105194902300021', 'no 30 February'],
    ['11010519491231002', '17 characters'],
    ['010105194912310021', 'area code cannot start with 0'],
  ])('rejects %s (%s)', (id) => {
    expect(isChineseIdCard(id)).toBe(false);
  });
});

describe('统一社会信用代码', () => {
  it.each(['91350100M000100Y43', '11370500MB10000015', '91370500MA3C000016'])('accepts %s', (code) => {
    expect(isUscc(code)).toBe(true);
  });
  it.each([
    ['91350100M000100Y44', 'wrong check character'],
    ['91350100M000100Y4', '17 characters'],
    ['91350100M000I00Y43', 'I is not in the character set'],
    ['9135010OM000100Y43', 'letters where the area code stands'],
  ])('rejects %s (%s)', (code) => {
    expect(isUscc(code)).toBe(false);
  });
});

describe('mobile numbers and postcodes', () => {
  it('accepts mainland mobile numbers and six-digit postcodes only', () => {
    expect(isMobile('13812345678')).toBe(true);
    expect(isMobile('12812345678')).toBe(false);
    expect(isMobile('1381234567')).toBe(false);
    expect(isPostcode('257000')).toBe(true);
    expect(isPostcode('25700')).toBe(false);
  });
});
