// How far an agency is with a quarter's report, in words a secretary scans:
// the API's state (confirmed, submitted, late, missing) with what lies
// behind it (how many activities are entered and confirmed).
import { tr } from '../../lib/i18n';
import { reasonText, type Reason } from '../../lib/messages';
import type { AgencyState, AgencyStatus, EntryStatus, QuarterlyReport } from './types';

export type Colour = 'grey' | 'amber' | 'blue' | 'green' | 'red' | 'dark';

/** What an agency has done, whatever the date: nothing, some, everything entered, or confirmed. */
export type Progress = 'none' | 'partial' | 'entered' | 'confirmed';

export function progressOf(a: Pick<AgencyStatus, 'items' | 'entered' | 'confirmed'>): Progress {
  if (a.items > 0 && a.confirmed >= a.items) return 'confirmed';
  if (a.items > 0 && a.entered >= a.items) return 'entered';
  if (a.entered > 0) return 'partial';
  return 'none';
}

/** The API's rule, for a report summary the API did not classify (and to test it): confirmed, else late, else submitted or missing. */
export function classify(a: Pick<AgencyStatus, 'items' | 'entered' | 'confirmed'>, pastDue: boolean): AgencyState {
  if (a.confirmed === a.items) return 'confirmed';
  if (pastDue) return 'late';
  return a.entered > 0 ? 'submitted' : 'missing';
}

export function stateBadge(state: AgencyState): { label: string; colour: Colour } {
  switch (state) {
    case 'confirmed':
      return { label: tr('ยืนยันแล้ว', 'Confirmed'), colour: 'green' };
    case 'submitted':
      return { label: tr('ส่งข้อมูลแล้ว (รอยืนยัน)', 'Submitted (awaiting confirmation)'), colour: 'blue' };
    case 'late':
      return { label: tr('ล่าช้า', 'Late'), colour: 'red' };
    case 'missing':
      return { label: tr('ยังไม่ส่ง', 'Missing'), colour: 'grey' };
  }
}

/** "กรอกแล้ว 5/29 · ยืนยันแล้ว 0/29", plus why a late agency is late. */
export function progressText(a: Pick<AgencyStatus, 'items' | 'entered' | 'confirmed'>): string {
  const counts = tr(
    `กรอกแล้ว ${a.entered}/${a.items} · ยืนยันแล้ว ${a.confirmed}/${a.items}`,
    `entered ${a.entered}/${a.items} · confirmed ${a.confirmed}/${a.items}`,
  );
  switch (progressOf(a)) {
    case 'none':
      return `${counts} — ${tr('ยังไม่ได้รายงาน', 'nothing reported')}`;
    case 'partial':
      return `${counts} — ${tr('รายงานบางส่วน', 'partly reported')}`;
    case 'entered':
      return `${counts} — ${tr('รอหัวหน้าหน่วยงานยืนยัน', 'awaiting the head’s confirmation')}`;
    case 'confirmed':
      return counts;
  }
}

/** Every agency confirmed and the report still collecting: the secretary can compile. */
export function readyToCompile(r: Pick<QuarterlyReport, 'stage' | 'agencies'>): boolean {
  return r.stage === 'collecting' && r.agencies.length > 0 && r.agencies.every((a) => a.state === 'confirmed');
}

export function countStates(agencies: Pick<AgencyStatus, 'state'>[]): Record<AgencyState, number> {
  const out: Record<AgencyState, number> = { confirmed: 0, submitted: 0, late: 0, missing: 0 };
  for (const a of agencies) out[a.state] += 1;
  return out;
}

export const ENTRY_STATUSES: EntryStatus[] = ['not_started', 'in_progress', 'done', 'cancelled'];

/** The same words as the CSV and printed report use. */
export function entryStatusLabel(status: string): string {
  switch (status) {
    case 'not_started':
      return tr('ยังไม่ดำเนินการ', 'Not started');
    case 'in_progress':
      return tr('อยู่ระหว่างดำเนินการ', 'In progress');
    case 'done':
      return tr('ดำเนินการแล้ว', 'Done');
    case 'cancelled':
      return tr('ยกเลิก', 'Cancelled');
    case 'missing':
      return tr('ไม่ได้รายงาน', 'Not reported');
    default:
      return status;
  }
}

export function entryStatusColour(status: string): Colour {
  return ({ not_started: 'grey', in_progress: 'amber', done: 'green', cancelled: 'dark', missing: 'red' } as Record<string, Colour>)[status] ?? 'grey';
}

/** Why a workflow action is blocked, in the reader's language from the reason's code. */
export function blockedText(reason: Reason): string {
  return reasonText(reason);
}
