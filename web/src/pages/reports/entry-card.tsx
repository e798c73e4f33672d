// One activity of the report: what the plan promised, the latest entry, and
// for the responsible agency while the report collects, a form to enter this
// quarter's progress. A failed save keeps everything typed and puts each of
// the API's complaints beside its field.
import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { api, ApiError } from '../../lib/api';
import { tr } from '../../lib/i18n';
import { formatBaht, formatDateTime, formatNumber } from '../../lib/thai';
import { asApiError } from '../../lib/use-async';
import { Field, ProblemView } from '../../components/ui';
import {
  asksForOverBudgetReason, disbursedPreview, draftFromEntry, draftToBody, fieldErrorText, overBudget, sameDraft,
  type DraftErrors, type EntryDraft,
} from './entry-form';
import { ENTRY_STATUSES, entryStatusColour, entryStatusLabel } from './status';
import { markUnsaved } from './unsaved';
import type { ReportItem } from './types';

export function itemAnchor(itemId: string): string {
  return `item-${itemId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function EntryCard(props: {
  reportId: number;
  item: ReportItem;
  index: number;
  agencyName: string;
  mine: boolean;
  editable: boolean;
  onSaved: () => void;
  children?: ComponentChildren;
}) {
  const { item } = props;
  const headingId = `${itemAnchor(item.item_id)}-title`;
  const [saved, setSaved] = useState<EntryDraft>(() => draftFromEntry(item.entry));
  const [draft, setDraft] = useState<EntryDraft>(saved);
  const [local, setLocal] = useState<DraftErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [savedNow, setSavedNow] = useState(false);
  // Every press of Save is an attempt, refused before sending or not.
  const [attempts, setAttempts] = useState(0);
  const dirty = !sameDraft(draft, saved);
  const key = `${props.reportId}/${item.item_id}`;

  useEffect(() => {
    markUnsaved(key, props.editable && dirty);
  }, [key, props.editable, dirty]);
  useEffect(() => () => markUnsaved(key, false), [key]);

  const set = (field: keyof EntryDraft) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    setDraft((d) => ({ ...d, [field]: value }));
    setSavedNow(false);
  };

  const errorAt = (pointer: string): string | null => {
    if (local[pointer]) return local[pointer];
    const found = error ? error.errors.filter((f) => f.pointer === pointer || f.pointer.startsWith(`${pointer}/`)) : [];
    return found.length ? found.map(fieldErrorText).join(' ') : null;
  };

  async function save(e: Event) {
    e.preventDefault();
    const parsed = draftToBody(draft, item.measurable);
    setSavedNow(false);
    if (!parsed.ok) {
      setLocal(parsed.errors);
      setError(null);
      setAttempts((n) => n + 1);
      return;
    }
    setBusy(true);
    setLocal({});
    setError(null);
    const sent = draft;
    try {
      await api.put(`/api/v1/reports/${props.reportId}/entries/${encodeURIComponent(item.item_id)}`, parsed.body);
      setSaved(sent);
      setSavedNow(true);
      setAttempts((n) => n + 1);
      props.onSaved();
    } catch (err) {
      setError(asApiError(err));
      setAttempts((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  const entry = item.entry;
  const budgetText = item.budget_baht === null ? tr('ไม่มีงบประมาณ', 'No budget') : formatBaht(item.budget_baht);
  const budgetHint = item.budget_baht === null
    ? tr('กิจกรรมนี้ไม่มีงบประมาณ', 'This activity has no budget')
    : tr(`งบประมาณทั้งปี ${budgetText}`, `Budget for the year ${budgetText}`);
  const askReason = overBudget(draft, item.budget_baht) || (!!error && asksForOverBudgetReason(error.errors)) || draft.overBudgetReason !== '';
  const showCancel = draft.status === 'cancelled' || !!errorAt('/cancel_reason');
  const id = (f: string) => `${itemAnchor(item.item_id)}-${f}`;
  const fieldErrors = !!error && error.errors.length > 0;
  const state = busy ? 'busy' : dirty ? 'dirty' : savedNow || entry ? 'saved' : 'empty';

  return (
    <article
      id={itemAnchor(item.item_id)}
      tabIndex={-1}
      class={`report-item${props.mine ? ' report-item--mine' : ''}${props.editable ? (dirty ? ' report-item--dirty' : entry || savedNow ? ' report-item--saved' : '') : ''}`}
      aria-labelledby={headingId}
      data-item={item.item_id}
    >
      <h4 id={headingId}>
        {props.index}. {item.title}
      </h4>
      <div class="report-item-facts">
        <span>
          {tr('หน่วยงาน', 'Agency')}: <strong>{props.agencyName}</strong>
        </span>
        <span>
          {tr('งบประมาณ', 'Budget')}: <strong>{budgetText}</strong>
        </span>
        {item.measurable && item.target_value !== null && (
          <span>
            {tr('ค่าเป้าหมาย', 'Target')}: <strong>{formatNumber(item.target_value)} {item.unit}</strong>
          </span>
        )}
        {item.agency_text && item.agency_text !== props.agencyName && (
          <span>
            {tr('ตามแผน', 'In the plan')}: {item.agency_text}
          </span>
        )}
      </div>

      {entry ? <EntryView entry={entry} unit={item.unit} /> : <p class="muted small">{tr('ยังไม่มีการรายงานผลในไตรมาสนี้', 'No progress entered for this quarter yet')}</p>}

      {props.editable && (
        <form class="report-entry-form" onSubmit={save} noValidate aria-label={tr(`รายงานผล: ${item.title}`, `Progress: ${item.title}`)} data-attempts={attempts}>
          <div class="field-row">
            <Field id={id('status')} label={tr('สถานะ', 'Status')} error={errorAt('/status')}>
              <select id={id('status')} value={draft.status} onChange={set('status')} aria-invalid={!!errorAt('/status')}>
                <option value="" disabled>
                  {tr('— เลือกสถานะ —', '— choose —')}
                </option>
                {ENTRY_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {entryStatusLabel(s)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={id('percent')} label={tr('ร้อยละความก้าวหน้า', 'Percent complete')} hint={tr('0–100', '0–100')} error={errorAt('/percent_complete')}>
              <input id={id('percent')} inputMode="decimal" autoComplete="off" value={draft.percent} onInput={set('percent')} aria-invalid={!!errorAt('/percent_complete')} />
            </Field>
            <Field
              id={id('disbursed')}
              label={tr('เบิกจ่ายในไตรมาสนี้ (บาท)', 'Disbursed this quarter (baht)')}
              hint={disbursedPreview(draft.disbursed) ? `= ${disbursedPreview(draft.disbursed)}` : budgetHint}
              error={errorAt('/disbursed_baht')}
            >
              <input id={id('disbursed')} inputMode="decimal" autoComplete="off" value={draft.disbursed} onInput={set('disbursed')} aria-invalid={!!errorAt('/disbursed_baht')} />
            </Field>
            {item.measurable && (
              <Field
                id={id('result')}
                label={tr(`ผลที่ได้ (${item.unit || 'หน่วย'})`, `Result (${item.unit || 'units'})`)}
                hint={item.target_value !== null ? tr(`เป้าหมาย ${formatNumber(item.target_value)} ${item.unit}`, `Target ${formatNumber(item.target_value)} ${item.unit}`) : undefined}
                error={errorAt('/result_value')}
              >
                <input id={id('result')} inputMode="decimal" autoComplete="off" value={draft.result} onInput={set('result')} aria-invalid={!!errorAt('/result_value')} />
              </Field>
            )}
          </div>
          {showCancel && (
            <Field id={id('cancel')} label={tr('เหตุผลที่ยกเลิก', 'Reason for cancelling')} hint={tr('จำเป็นเมื่อยกเลิกกิจกรรม', 'Required when cancelled')} error={errorAt('/cancel_reason')}>
              <textarea id={id('cancel')} value={draft.cancelReason} onInput={set('cancelReason')} aria-invalid={!!errorAt('/cancel_reason')} />
            </Field>
          )}
          {askReason && (
            <Field
              id={id('over')}
              label={tr('เหตุผลที่เบิกจ่ายเกินงบประมาณ', 'Why disbursement exceeds the budget')}
              hint={tr('จำเป็นเมื่อยอดเบิกจ่ายทั้งปีเกินงบประมาณของกิจกรรม', 'Required when the year’s disbursement exceeds the budget')}
              error={errorAt('/over_budget_reason')}
            >
              <textarea id={id('over')} value={draft.overBudgetReason} onInput={set('overBudgetReason')} />
            </Field>
          )}
          <div class="field-row">
            <Field id={id('note')} label={tr('หมายเหตุ / ผลการดำเนินงานโดยสรุป', 'Note / summary of progress')} error={errorAt('/narrative')}>
              <textarea id={id('note')} value={draft.narrative} onInput={set('narrative')} />
            </Field>
            <Field id={id('evidence')} label={tr('ลิงก์หลักฐาน', 'Evidence links')} hint={tr('บรรทัดละหนึ่งลิงก์ (https://…)', 'One link a line (https://…)')} error={errorAt('/evidence')}>
              <textarea id={id('evidence')} value={draft.evidence} onInput={set('evidence')} aria-invalid={!!errorAt('/evidence')} />
            </Field>
          </div>
          {error && !fieldErrors && <ProblemView error={error} attempt={attempts} />}
          {fieldErrors && (
            <div class="alert alert--error" role="alert" data-problem={error!.slug} data-attempt={attempts}>
              {tr('บันทึกไม่สำเร็จ: กรุณาแก้ไขช่องที่มีข้อความสีแดง ข้อมูลที่กรอกยังอยู่ครบ', 'Not saved: correct the fields marked in red; everything you typed is kept')}
            </div>
          )}
          <div class="form-actions">
            <button type="submit" class="button button--primary" disabled={busy}>
              {busy ? tr('กำลังบันทึก…', 'Saving…') : tr('บันทึก', 'Save')}
            </button>
            <span class={`report-save-state report-save-state--${state}`} role="status" aria-live="polite"
              data-notice={state === 'saved' && savedNow ? 'saved' : undefined} data-attempt={state === 'saved' && savedNow ? attempts : undefined}>
              {state === 'dirty' && tr('ยังไม่ได้บันทึก', 'Not saved yet')}
              {state === 'saved' && (savedNow ? tr('บันทึกแล้ว ✓', 'Saved ✓') : tr('บันทึกไว้แล้ว', 'Saved earlier'))}
              {state === 'saved' && entry?.confirmed_at && !savedNow && ` · ${tr('หัวหน้าหน่วยงานยืนยันแล้ว', 'confirmed by the head')}`}
              {state === 'saved' && savedNow && ` · ${tr('รอหัวหน้าหน่วยงานยืนยัน', 'awaiting the head’s confirmation')}`}
            </span>
          </div>
          {entry?.confirmed_at && dirty && (
            <p class="hint small">{tr('การบันทึกใหม่จะยกเลิกการยืนยันเดิม หัวหน้าหน่วยงานต้องยืนยันอีกครั้ง', 'Saving again clears the confirmation; the head must confirm again')}</p>
          )}
        </form>
      )}
      {props.children}
    </article>
  );
}

function EntryView(props: { entry: NonNullable<ReportItem['entry']>; unit: string }) {
  const e = props.entry;
  return (
    <div class="report-entry-view small">
      <span class={`badge badge--${entryStatusColour(e.status)}`}>{entryStatusLabel(e.status)}</span>
      {e.percent_complete !== null && <span>{tr(`ความก้าวหน้า ร้อยละ ${formatNumber(e.percent_complete)}`, `${formatNumber(e.percent_complete)}% complete`)}</span>}
      <span>{tr(`เบิกจ่าย ${formatBaht(e.disbursed_baht)}`, `Disbursed ${formatBaht(e.disbursed_baht)}`)}</span>
      {e.result_value !== null && <span>{tr(`ผลที่ได้ ${formatNumber(e.result_value)} ${props.unit}`, `Result ${formatNumber(e.result_value)} ${props.unit}`)}</span>}
      {e.cancel_reason && <span>{tr(`เหตุผลที่ยกเลิก: ${e.cancel_reason}`, `Cancelled because: ${e.cancel_reason}`)}</span>}
      {e.narrative && <span>{e.narrative}</span>}
      {e.evidence.map((link, i) => (
        <a key={link} href={link} target="_blank" rel="noopener noreferrer">
          {tr(`หลักฐาน ${i + 1}`, `Evidence ${i + 1}`)}
        </a>
      ))}
      <span class="muted">
        {tr(`บันทึก ${formatDateTime(e.entered_at)}`, `Entered ${formatDateTime(e.entered_at)}`)}
        {' · '}
        {e.confirmed_at
          ? tr(`ยืนยัน ${formatDateTime(e.confirmed_at)}`, `confirmed ${formatDateTime(e.confirmed_at)}`)
          : tr('ยังไม่ยืนยัน', 'not confirmed')}
      </span>
    </div>
  );
}
