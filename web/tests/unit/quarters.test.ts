import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/lib/i18n';
import { quarterLabel, quarterMonths, quarterOf, quarterSpan, todayIso } from '../../src/pages/reports/quarters';

afterEach(() => setLang('th'));

describe('Thai fiscal quarters', () => {
  it('puts quarter 1 in October–December of the year before', () => {
    expect(quarterSpan(2566, 1)).toMatchObject({ yearBE: 2565, opensOn: '2022-10-01', endsOn: '2022-12-31', dueOn: '2023-01-05' });
    expect(quarterLabel(2566, 1)).toBe('ไตรมาส 1 (ต.ค.–ธ.ค. 2565)');
  });

  it('matches the API’s dates for every quarter (api_reports_test: 2567)', () => {
    expect(quarterSpan(2567, 1)).toMatchObject({ opensOn: '2023-10-01', endsOn: '2023-12-31', dueOn: '2024-01-05' });
    expect(quarterSpan(2567, 2)).toMatchObject({ opensOn: '2024-01-01', endsOn: '2024-03-31', dueOn: '2024-04-05' });
    expect(quarterSpan(2567, 3)).toMatchObject({ opensOn: '2024-04-01', endsOn: '2024-06-30', dueOn: '2024-07-05' });
    expect(quarterSpan(2567, 4)).toMatchObject({ opensOn: '2024-07-01', endsOn: '2024-09-30', dueOn: '2024-10-05' });
  });

  it('names months in Thai and years in the Buddhist era', () => {
    expect(quarterMonths(2567, 2)).toBe('ม.ค.–มี.ค. 2567');
    expect(quarterLabel(2567, 3)).toBe('ไตรมาส 3 (เม.ย.–มิ.ย. 2567)');
    expect(quarterLabel(2567, 4)).toBe('ไตรมาส 4 (ก.ค.–ก.ย. 2567)');
    expect(quarterLabel(2567, 0)).toBe('ทั้งปีงบประมาณ 2567 (สะสม)');
  });

  it('speaks English second', () => {
    setLang('en');
    expect(quarterLabel(2566, 1)).toBe('Quarter 1 (Oct–Dec 2565 BE)');
  });

  it('rejects quarters that do not exist', () => {
    expect(() => quarterSpan(2567, 5)).toThrow(RangeError);
  });

  it('finds the quarter of a moment in Bangkok time', () => {
    expect(quarterOf(new Date('2023-10-01T00:00:00+07:00'))).toEqual({ fiscalYear: 2567, quarter: 1 });
    // 30 September 23:30 UTC is already 1 October in Bangkok.
    expect(quarterOf(new Date('2023-09-30T17:30:00Z'))).toEqual({ fiscalYear: 2567, quarter: 1 });
    expect(quarterOf(new Date('2023-09-30T16:59:00Z'))).toEqual({ fiscalYear: 2566, quarter: 4 });
    expect(quarterOf(new Date('2024-02-29T12:00:00+07:00'))).toEqual({ fiscalYear: 2567, quarter: 2 });
    expect(quarterOf(new Date('2024-05-01T12:00:00+07:00'))).toEqual({ fiscalYear: 2567, quarter: 3 });
    expect(todayIso(new Date('2023-09-30T17:30:00Z'))).toBe('2023-10-01');
  });
});
