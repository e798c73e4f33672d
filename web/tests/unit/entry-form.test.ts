import { describe, expect, it } from 'vitest';
import {
  asksForOverBudgetReason, disbursedPreview, draftFromEntry, draftToBody, fieldErrorText, overBudget, sameDraft,
} from '../../src/pages/reports/entry-form';
import type { ProgressEntry } from '../../src/pages/reports/types';

const empty = draftFromEntry(null);

describe('a progress entry as typed', () => {
  it('reads Thai numerals, commas and "บาท"', () => {
    const r = draftToBody({ ...empty, status: 'in_progress', percent: '๕๐', disbursed: '๑๒,๕๐๐.๕๐ บาท' }, false);
    expect(r).toEqual({
      ok: true,
      body: { status: 'in_progress', percent_complete: 50, disbursed_baht: 12500.5, over_budget_reason: '', cancel_reason: '', narrative: '', evidence: [] },
    });
    expect(disbursedPreview('๑๒,๕๐๐')).toBe('12,500 บาท');
    expect(disbursedPreview('abc')).toBe('');
  });

  it('sends no money as zero and no percent as null', () => {
    const r = draftToBody({ ...empty, status: 'not_started' }, false);
    expect(r.ok && r.body.disbursed_baht).toBe(0);
    expect(r.ok && r.body.percent_complete).toBeNull();
  });

  it('stops at what it cannot read, naming the fields, and keeps the draft', () => {
    const draft = { ...empty, status: '' as const, percent: 'ครึ่งหนึ่ง', disbursed: '12,5oo' };
    const r = draftToBody(draft, true);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['/disbursed_baht', '/percent_complete', '/status']);
    expect(draft.percent).toBe('ครึ่งหนึ่ง');
  });

  it('sends a result only for measurable activities', () => {
    const measurable = draftToBody({ ...empty, status: 'done', result: '๒๕' }, true);
    expect(measurable.ok && measurable.body.result_value).toBe(25);
    const plain = draftToBody({ ...empty, status: 'done', result: '๒๕' }, false);
    expect(plain.ok && 'result_value' in plain.body).toBe(false);
  });

  it('keeps a cancel reason only for a cancelled activity and splits evidence links by line', () => {
    const r = draftToBody({ ...empty, status: 'done', cancelReason: 'เดิม', evidence: ' https://a.go.th/1.pdf \n\nhttps://a.go.th/2.pdf' }, false);
    expect(r.ok && r.body.cancel_reason).toBe('');
    expect(r.ok && r.body.evidence).toEqual(['https://a.go.th/1.pdf', 'https://a.go.th/2.pdf']);
    const c = draftToBody({ ...empty, status: 'cancelled', cancelReason: ' ไม่ได้รับงบประมาณ ' }, false);
    expect(c.ok && c.body.cancel_reason).toBe('ไม่ได้รับงบประมาณ');
  });

  it('starts from the latest entry and notices changes', () => {
    const entry: ProgressEntry = {
      status: 'in_progress', cancel_reason: '', percent_complete: 40, disbursed_baht: 2500.5, over_budget_reason: '', result_value: null,
      narrative: 'อบรมแล้ว ๑ รุ่น', evidence: ['https://x.go.th/a.pdf'], entered_by: 2, entered_at: '2024-01-02T03:04:05.000Z',
      confirmed_by: null, confirmed_at: null,
    };
    const d = draftFromEntry(entry);
    expect(d).toMatchObject({ status: 'in_progress', percent: '40', disbursed: '2500.5', result: '', evidence: 'https://x.go.th/a.pdf' });
    expect(sameDraft(d, { ...d })).toBe(true);
    expect(sameDraft(d, { ...d, percent: '41' })).toBe(false);
  });

  it('asks for an over-budget reason when the quarter alone exceeds the budget, or the API says the year does', () => {
    expect(overBudget({ ...empty, disbursed: '๓๐,๕๐๑' }, 30500)).toBe(true);
    expect(overBudget({ ...empty, disbursed: '30,500' }, 30500)).toBe(false);
    expect(overBudget({ ...empty, disbursed: '1' }, null)).toBe(true);
    expect(
      asksForOverBudgetReason([{ pointer: '/disbursed_baht', code: 'over_budget', params: { total: 12000, budget: 10000 }, detail: '' }]),
    ).toBe(true);
    expect(asksForOverBudgetReason([{ pointer: '/disbursed_baht', code: 'not_negative', params: {}, detail: '' }])).toBe(false);
  });

  it('words the API’s field errors in Thai from their codes and params, whatever the English says', () => {
    expect(fieldErrorText({ pointer: '/cancel_reason', code: 'cancel_reason_required', params: {}, detail: 'reworded' })).toBe(
      'ต้องระบุเหตุผลเมื่อยกเลิกกิจกรรม',
    );
    expect(fieldErrorText({ pointer: '/percent_complete', code: 'percent_range', params: {}, detail: '' })).toBe('ต้องอยู่ระหว่าง 0 ถึง 100');
    expect(
      fieldErrorText({ pointer: '/disbursed_baht', code: 'over_budget', params: { total: 12000.5, budget: 10000 }, detail: '' }),
    ).toBe('ยอดเบิกจ่ายทั้งปีจะเป็น 12,000.50 บาท เกินงบประมาณ 10,000 บาท กรุณาระบุเหตุผลที่เบิกจ่ายเกินงบประมาณ');
    // A code newer than this build: the API's own wording (asked for in Thai) stands.
    expect(fieldErrorText({ pointer: '/x', code: 'something_new', params: {}, detail: 'ข้อความจากเซิร์ฟเวอร์' })).toBe('ข้อความจากเซิร์ฟเวอร์');
  });
});
