// Thai presentation: Buddhist-era dates, Thai numerals and baht. The API
// speaks ISO dates and plain numbers; everything here is display and input.
import { lang } from './i18n';

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const TIME_ZONE = 'Asia/Bangkok';

export function toArabicDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));
}

export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]);
}

/** What a typed number means: empty input is `null`, anything unreadable an error. */
export type ParsedNumber = { ok: true; value: number | null } | { ok: false };

/**
 * Reads a number as officers type it: Thai or Arabic digits, thousands
 * separators, spaces and a trailing "บาท" are all accepted ("๑๒,๕๐๐ บาท").
 */
export function parseNumber(input: string): ParsedNumber {
  const text = toArabicDigits(input).replace(/บาท|baht/gi, '').replace(/[,\s\u00a0]/g, '');
  if (text === '' || text === '-') return { ok: true, value: null };
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(text)) return { ok: false };
  return { ok: true, value: Number(text) };
}

function locale(): string {
  return lang() === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB-u-ca-buddhist';
}

/** "23 พ.ย. 2569" for an ISO date or timestamp; "" for none. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00+07:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: TIME_ZONE }).format(date);
}

/** "23 พ.ย. 2569 14:05" */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE,
  }).format(date);
}

/** Fiscal years are Buddhist-era numbers already (2567 = Oct 2023 – Sep 2024). */
export function fiscalYearLabel(year: number): string {
  return lang() === 'th' ? `ปีงบประมาณ พ.ศ. ${year}` : `Fiscal year ${year} BE`;
}

/** The Buddhist-era fiscal year a date falls in (October starts the next one). */
export function fiscalYearOf(date: Date): number {
  const bangkok = new Date(date.getTime() + 7 * 3600_000);
  const year = bangkok.getUTCFullYear() + 543;
  return bangkok.getUTCMonth() >= 9 ? year + 1 : year;
}

export function formatNumber(value: number | null | undefined, fractionDigits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return new Intl.NumberFormat('th-TH', { minimumFractionDigits: fractionDigits, maximumFractionDigits: 2 }).format(value);
}

/** "1,145,840 บาท"; satang shown only when there are any. */
export function formatBaht(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  const fraction = Number.isInteger(value) ? 0 : 2;
  return `${formatNumber(value, fraction)} ${lang() === 'th' ? 'บาท' : 'baht'}`;
}
