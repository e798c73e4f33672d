import { describe, expect, it } from 'vitest';
import { blockedText, classify, countStates, progressOf, progressText, readyToCompile, stateBadge } from '../../src/pages/reports/status';
import type { AgencyStatus } from '../../src/pages/reports/types';

const agency = (items: number, entered: number, confirmed: number, state: AgencyStatus['state']): AgencyStatus => ({
  agency_id: 1, agency: 'สำนักงานจังหวัดนราธิวาส', items, entered, confirmed, state,
});

describe('agency reporting state', () => {
  it('classifies as the API does: confirmed, else late past the due date, else submitted or missing', () => {
    expect(classify({ items: 3, entered: 3, confirmed: 3 }, true)).toBe('confirmed');
    expect(classify({ items: 3, entered: 3, confirmed: 1 }, true)).toBe('late');
    expect(classify({ items: 3, entered: 0, confirmed: 0 }, true)).toBe('late');
    expect(classify({ items: 3, entered: 2, confirmed: 0 }, false)).toBe('submitted');
    expect(classify({ items: 3, entered: 0, confirmed: 0 }, false)).toBe('missing');
  });

  it('says what lies behind a late agency', () => {
    expect(progressOf({ items: 29, entered: 0, confirmed: 0 })).toBe('none');
    expect(progressOf({ items: 29, entered: 5, confirmed: 0 })).toBe('partial');
    expect(progressOf({ items: 29, entered: 29, confirmed: 0 })).toBe('entered');
    expect(progressOf({ items: 29, entered: 29, confirmed: 29 })).toBe('confirmed');
    expect(progressText({ items: 29, entered: 29, confirmed: 0 })).toBe('กรอกแล้ว 29/29 · ยืนยันแล้ว 0/29 — รอหัวหน้าหน่วยงานยืนยัน');
    expect(progressText({ items: 9, entered: 0, confirmed: 0 })).toContain('ยังไม่ได้รายงาน');
  });

  it('labels each state in Thai with a colour', () => {
    expect(stateBadge('late')).toEqual({ label: 'ล่าช้า', colour: 'red' });
    expect(stateBadge('confirmed').colour).toBe('green');
    expect(stateBadge('missing').label).toBe('ยังไม่ส่ง');
    expect(stateBadge('submitted').label).toContain('ส่งข้อมูลแล้ว');
  });

  it('lets the secretary compile only when every agency has confirmed', () => {
    expect(readyToCompile({ stage: 'collecting', agencies: [agency(3, 3, 3, 'confirmed'), agency(2, 2, 2, 'confirmed')] })).toBe(true);
    expect(readyToCompile({ stage: 'collecting', agencies: [agency(3, 3, 3, 'confirmed'), agency(2, 2, 0, 'late')] })).toBe(false);
    expect(readyToCompile({ stage: 'compiled', agencies: [agency(3, 3, 3, 'confirmed')] })).toBe(false);
    expect(readyToCompile({ stage: 'collecting', agencies: [] })).toBe(false);
  });

  it('counts agencies by state for the province summary', () => {
    expect(countStates([agency(1, 1, 1, 'confirmed'), agency(1, 0, 0, 'late'), agency(1, 0, 0, 'late')])).toEqual({
      confirmed: 1, submitted: 0, late: 2, missing: 0,
    });
  });

  it('words the compile guard’s reason in Thai from its code, not its English', () => {
    expect(blockedText({ code: 'activities_confirmed', params: { confirmed: 9, items: 38 }, detail: 'reworded' })).toBe(
      'หน่วยงานยืนยันผลแล้ว 9 จาก 38 กิจกรรม',
    );
    expect(blockedText({ code: 'something_new', params: {}, detail: 'ข้อความจากเซิร์ฟเวอร์' })).toBe('ข้อความจากเซิร์ฟเวอร์');
  });
});
