// Thai fiscal quarters: fiscal year 2566 BE runs October 2565 – September
// 2566, so quarter 1 is October–December of the previous year. The API gives
// the opening and due dates; the period's end and the Thai wording live here.
import { tr } from '../../lib/i18n';

const TH_MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FIRST_MONTH = [9, 0, 3, 6]; // zero-based month each quarter starts in

export interface QuarterSpan {
  fiscalYear: number;
  quarter: number;
  /** Zero-based calendar months. */
  firstMonth: number;
  lastMonth: number;
  /** The Buddhist-era calendar year the quarter's months fall in. */
  yearBE: number;
  opensOn: string;
  endsOn: string;
  /** The 5th of the month after the quarter, as the API sets it. */
  dueOn: string;
}

function iso(yearCE: number, month: number, day: number): string {
  return `${String(yearCE).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function quarterSpan(fiscalYear: number, quarter: number): QuarterSpan {
  if (!(quarter >= 1 && quarter <= 4)) throw new RangeError(`quarter ${quarter} is not 1–4`);
  const firstMonth = FIRST_MONTH[quarter - 1];
  const lastMonth = firstMonth + 2;
  const yearBE = quarter === 1 ? fiscalYear - 1 : fiscalYear;
  const yearCE = yearBE - 543;
  const lastDay = new Date(Date.UTC(yearCE, lastMonth + 1, 0)).getUTCDate();
  const dueMonth = (lastMonth + 1) % 12;
  const dueYear = lastMonth === 11 ? yearCE + 1 : yearCE;
  return {
    fiscalYear, quarter, firstMonth, lastMonth, yearBE,
    opensOn: iso(yearCE, firstMonth, 1),
    endsOn: iso(yearCE, lastMonth, lastDay),
    dueOn: iso(dueYear, dueMonth, 5),
  };
}

/** "ต.ค.–ธ.ค. 2565" */
export function quarterMonths(fiscalYear: number, quarter: number): string {
  const s = quarterSpan(fiscalYear, quarter);
  return tr(
    `${TH_MONTHS[s.firstMonth]}–${TH_MONTHS[s.lastMonth]} ${s.yearBE}`,
    `${EN_MONTHS[s.firstMonth]}–${EN_MONTHS[s.lastMonth]} ${s.yearBE} BE`,
  );
}

/** "ไตรมาส 1 (ต.ค.–ธ.ค. 2565)"; quarter 0 is the whole year so far. */
export function quarterLabel(fiscalYear: number, quarter: number): string {
  if (quarter === 0) return tr(`ทั้งปีงบประมาณ ${fiscalYear} (สะสม)`, `Whole fiscal year ${fiscalYear} (to date)`);
  return tr(`ไตรมาส ${quarter} (${quarterMonths(fiscalYear, quarter)})`, `Quarter ${quarter} (${quarterMonths(fiscalYear, quarter)})`);
}

/** "ไตรมาส 1" alone, for tight table cells. */
export function quarterShort(quarter: number): string {
  return quarter === 0 ? tr('ทั้งปี', 'Whole year') : tr(`ไตรมาส ${quarter}`, `Quarter ${quarter}`);
}

/** The fiscal year and quarter a moment falls in, in Bangkok. */
export function quarterOf(date: Date): { fiscalYear: number; quarter: number } {
  const bangkok = new Date(date.getTime() + 7 * 3600_000);
  const month = bangkok.getUTCMonth();
  const yearBE = bangkok.getUTCFullYear() + 543;
  if (month >= 9) return { fiscalYear: yearBE + 1, quarter: 1 };
  return { fiscalYear: yearBE, quarter: Math.floor(month / 3) + 2 };
}

/** Today in Bangkok as an ISO date, to compare with the API's due dates. */
export function todayIso(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
