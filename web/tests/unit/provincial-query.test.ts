import { describe, expect, it } from 'vitest';
import { provincialFileName, packageFileName } from '../../src/pages/reports/files';
import { choiceQuery, fiscalYearChoices, readChoice, reportQuery } from '../../src/pages/reports/provincial-query';

const defaults = { province: 'TH-96', planType: '', fiscalYear: 2570, quarter: 1 };

describe('the provincial report in the address', () => {
  it('reads a bookmarked choice and falls back to defaults for what is missing or wrong', () => {
    expect(readChoice(new URLSearchParams('fy=2566&q=2&type=anti_corruption_action_plan'), defaults)).toEqual({
      province: 'TH-96', planType: 'anti_corruption_action_plan', fiscalYear: 2566, quarter: 2,
    });
    expect(readChoice(new URLSearchParams('fy=99&q=7'), defaults)).toEqual(defaults);
    expect(readChoice(new URLSearchParams('q=0'), defaults).quarter).toBe(0);
    // An empty province is the national roll-up, not "use the default".
    expect(readChoice(new URLSearchParams('province='), defaults).province).toBe('');
  });

  it('writes the choice back so that reading it gives the same choice', () => {
    const c = { province: 'TH-96', planType: 'ethics_promotion_plan', fiscalYear: 2566, quarter: 0 };
    expect(choiceQuery(c)).toBe('province=TH-96&type=ethics_promotion_plan&fy=2566&q=0');
    expect(readChoice(new URLSearchParams(choiceQuery(c)), defaults)).toEqual(c);
  });

  it('asks the API for the right report', () => {
    const c = { province: 'TH-96', planType: '', fiscalYear: 2566, quarter: 1 };
    expect(reportQuery(c, 'csv')).toBe('/api/v1/reports/quarterly?province=TH-96&fiscal_year=2566&quarter=1&format=csv');
    expect(reportQuery({ ...c, province: '', quarter: 0 }, 'json')).toBe('/api/v1/reports/quarterly?fiscal_year=2566&format=json');
    expect(reportQuery(c, 'html', true)).toContain('&format=html&digits=thai');
  });

  it('offers a year ahead and the past years, always including the chosen one', () => {
    const years = fiscalYearChoices(2570, 2550);
    expect(years[0]).toBe(2571);
    expect(years).toContain(2561);
    expect(years).toContain(2550);
    expect(years).not.toContain(2560);
  });

  it('names downloads in Thai', () => {
    expect(provincialFileName({ fiscalYear: 2566, quarter: 1, province: 'TH-96' }, 'csv')).toBe('รายงานไตรมาส1-2566-TH-96.csv');
    expect(provincialFileName({ fiscalYear: 2566, quarter: 0, province: '' }, 'xlsx')).toBe('รายงานทั้งปี-2566-ทั่วประเทศ.xlsx');
    expect(packageFileName({ fiscalYear: 2566, quarter: 1, planId: 7 })).toBe('ชุดรายงานไตรมาส1-2566-แผน7.zip');
  });
});
