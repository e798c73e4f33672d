// One activity's progress entry as typed: strings in, the API's body out.
// Numbers are read with parseNumber (Thai numerals, commas, "บาท"); what
// cannot be read stops the save with a message beside its field, and the
// API's own field errors are put into Thai.
import type { FieldError } from '../../lib/api';
import { tr } from '../../lib/i18n';
import { messageText } from '../../lib/messages';
import { formatBaht, parseNumber } from '../../lib/thai';
import type { EntryStatus, ProgressEntry } from './types';

export interface EntryDraft {
  status: EntryStatus | '';
  percent: string;
  disbursed: string;
  result: string;
  overBudgetReason: string;
  cancelReason: string;
  narrative: string;
  evidence: string;
}

export interface EntryBody {
  status: string;
  percent_complete: number | null;
  disbursed_baht: number;
  result_value?: number | null;
  over_budget_reason: string;
  cancel_reason: string;
  narrative: string;
  evidence: string[];
}

/** Field errors by JSON pointer ("/percent_complete"). */
export type DraftErrors = Record<string, string>;

export function draftFromEntry(entry: ProgressEntry | null): EntryDraft {
  if (!entry) {
    return { status: '', percent: '', disbursed: '', result: '', overBudgetReason: '', cancelReason: '', narrative: '', evidence: '' };
  }
  return {
    status: entry.status,
    percent: entry.percent_complete === null ? '' : String(entry.percent_complete),
    disbursed: entry.disbursed_baht ? String(entry.disbursed_baht) : '',
    result: entry.result_value === null ? '' : String(entry.result_value),
    overBudgetReason: entry.over_budget_reason,
    cancelReason: entry.cancel_reason,
    narrative: entry.narrative,
    evidence: entry.evidence.join('\n'),
  };
}

export function sameDraft(a: EntryDraft, b: EntryDraft): boolean {
  return (Object.keys(a) as (keyof EntryDraft)[]).every((k) => a[k] === b[k]);
}

function unreadable(): string {
  return tr('อ่านตัวเลขไม่ได้ (พิมพ์ตัวเลขไทยหรืออารบิกก็ได้ เช่น ๑๒,๕๐๐ หรือ 12500)', 'Not a number (Thai or Arabic digits, e.g. ๑๒,๕๐๐ or 12500)');
}

/** The body to PUT, or the fields that could not be read. Ranges and rules are left to the API, which names its fields. */
export function draftToBody(d: EntryDraft, measurable: boolean): { ok: true; body: EntryBody } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const percent = parseNumber(d.percent);
  const disbursed = parseNumber(d.disbursed);
  const result = parseNumber(d.result);
  if (!d.status) errors['/status'] = tr('กรุณาเลือกสถานะ', 'Choose a status');
  if (!percent.ok) errors['/percent_complete'] = unreadable();
  if (!disbursed.ok) errors['/disbursed_baht'] = unreadable();
  if (measurable && !result.ok) errors['/result_value'] = unreadable();
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const body: EntryBody = {
    status: d.status,
    percent_complete: percent.ok ? percent.value : null,
    disbursed_baht: (disbursed.ok ? disbursed.value : null) ?? 0,
    over_budget_reason: d.overBudgetReason.trim(),
    // A reason kept from an earlier "cancelled" would be stored with a live activity.
    cancel_reason: d.status === 'cancelled' ? d.cancelReason.trim() : '',
    narrative: d.narrative.trim(),
    evidence: d.evidence.split(/\s*\n\s*/).map((l) => l.trim()).filter(Boolean),
  };
  if (measurable) body.result_value = result.ok ? result.value : null;
  return { ok: true, body };
}

/** What the typed disbursement reads as ("12,500 บาท"), or "" while it cannot be read. */
export function disbursedPreview(text: string): string {
  const n = parseNumber(text);
  return n.ok && n.value !== null ? formatBaht(n.value) : '';
}

/**
 * Whether to ask why money exceeds the budget before the API does: the
 * quarter's sum alone is over (no budget counts as zero). Earlier quarters
 * can tip the year over too; the API says so and the field appears then.
 */
export function overBudget(d: EntryDraft, budgetBaht: number | null): boolean {
  const n = parseNumber(d.disbursed);
  return n.ok && n.value !== null && n.value > (budgetBaht ?? 0);
}

/** The API's field errors for entries, in the person's language, from their codes. */
export function fieldErrorText(e: FieldError): string {
  if (e.pointer === '/status') return tr('กรุณาเลือกสถานะ', 'Choose a status');
  return messageText(e.code, e.params) ?? e.detail;
}

/** The over-budget message points at the money but is answered by the reason field. */
export function asksForOverBudgetReason(errors: FieldError[]): boolean {
  return errors.some((e) => e.pointer === '/over_budget_reason' || e.code === 'over_budget');
}
