import { describe, expect, it } from 'vitest';
import { setLang } from '../../src/lib/i18n';
import { fiscalYearOf, formatBaht, formatDate, parseNumber, toArabicDigits, toThaiDigits } from '../../src/lib/thai';

describe('numbers as officers type them', () => {
  it('reads Thai numerals, separators and a trailing baht', () => {
    expect(parseNumber('๑๒,๕๐๐ บาท')).toEqual({ ok: true, value: 12500 });
    expect(parseNumber('2,500.50')).toEqual({ ok: true, value: 2500.5 });
    expect(parseNumber('๐.๕')).toEqual({ ok: true, value: 0.5 });
  });
  it('treats an empty box as no value and rejects words', () => {
    expect(parseNumber('  ')).toEqual({ ok: true, value: null });
    expect(parseNumber('สามพัน')).toEqual({ ok: false });
    expect(parseNumber('12a')).toEqual({ ok: false });
    expect(parseNumber('1.2.3')).toEqual({ ok: false });
  });
  it('converts digits both ways', () => {
    expect(toArabicDigits('พ.ศ. ๒๕๖๗')).toBe('พ.ศ. 2567');
    expect(toThaiDigits('2567')).toBe('๒๕๖๗');
  });
});

describe('dates in the Buddhist era', () => {
  it('shows an ISO date with a BE year in Thai and English', () => {
    setLang('th');
    expect(formatDate('2024-01-05')).toMatch(/5 ม\.ค\. 2567/);
    setLang('en');
    expect(formatDate('2024-01-05')).toMatch(/2567/);
    setLang('th');
  });
  it('puts a timestamp on its Bangkok day', () => {
    // 18:00 UTC on 31 Dec is already 1 Jan in Bangkok.
    expect(formatDate('2023-12-31T18:00:00Z')).toMatch(/1 ม\.ค\. 2567/);
  });
  it('starts the fiscal year in October', () => {
    expect(fiscalYearOf(new Date('2023-09-30T12:00:00Z'))).toBe(2566);
    expect(fiscalYearOf(new Date('2023-10-01T12:00:00Z'))).toBe(2567);
  });
  it('shows satang only when there are any', () => {
    expect(formatBaht(1145840)).toBe('1,145,840 บาท');
    expect(formatBaht(2500.5)).toBe('2,500.50 บาท');
  });
});
