// The person's own agency and this report: how many of its activities have
// entries, and for the agency head the confirmation that hands them to the
// secretary. When entries are missing the API names them; so do we.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../lib/api';
import { tr } from '../../lib/i18n';
import { attempted, NO_ATTEMPTS } from '../../lib/attempts';
import { asApiError } from '../../lib/use-async';
import { Notice, ProblemView } from '../../components/ui';
import { StateBadge } from './agency-status-table';
import { itemAnchor } from './entry-card';
import { progressOf, progressText } from './status';
import type { AgencyStatus, ReportItem } from './types';

function focusItem(itemId: string): void {
  const el = document.getElementById(itemAnchor(itemId));
  if (!el) return;
  el.scrollIntoView({ block: 'start' });
  el.focus();
}

export function ConfirmPanel(props: {
  reportId: number;
  status: AgencyStatus;
  items: ReportItem[];
  isHead: boolean;
  collecting: boolean;
  open: boolean;
  onConfirmed: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempts, setAttempts] = useState(NO_ATTEMPTS);
  const s = props.status;
  const mine = props.items.filter((i) => i.agency_id === s.agency_id);
  const withoutEntry = mine.filter((i) => !i.entry);
  const missingIds: string[] = error?.slug === 'entries-missing' && Array.isArray((error.body as { missing_items?: unknown })?.missing_items)
    ? ((error.body as { missing_items: string[] }).missing_items)
    : [];
  const missing = missingIds.map((id) => ({ id, index: props.items.findIndex((i) => i.item_id === id), item: props.items.find((i) => i.item_id === id) }));

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ confirmed: number }>(`/api/v1/reports/${props.reportId}/confirm`);
      // Said once the page shows the entries as confirmed.
      await props.onConfirmed();
      setAttempts((a) => attempted(a, { notice: 'confirmed', text: tr(`ยืนยันแล้ว ${r.confirmed} กิจกรรม`, `${r.confirmed} activities confirmed`) }));
    } catch (e) {
      setError(asApiError(e));
      setAttempts((a) => attempted(a));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="my-agency-title" data-attempts={attempts.count}>
      <h2 id="my-agency-title">
        {tr('หน่วยงานของท่าน', 'Your agency')}: {s.agency}
      </h2>
      <p>
        <StateBadge state={s.state} /> <span data-testid="my-progress">{progressText(s)}</span>
      </p>
      <p class="muted">
        {tr(
          `กิจกรรมของหน่วยงานท่านมีการรายงานผลแล้ว ${mine.length - withoutEntry.length} จาก ${mine.length} กิจกรรม`,
          `${mine.length - withoutEntry.length} of your agency's ${mine.length} activities have an entry`,
        )}
      </p>
      {props.isHead && props.collecting && props.open && (
        <>
          {progressOf(s) === 'confirmed' && !attempts.said && (
            <Notice kind="ok">{tr('ท่านยืนยันผลการดำเนินงานของหน่วยงานครบแล้ว', 'You have confirmed all of your agency’s entries')}</Notice>
          )}
          <div class="form-actions">
            <button type="button" class="button button--primary" disabled={busy} onClick={confirm}>
              {busy ? tr('กำลังยืนยัน…', 'Confirming…') : tr('ยืนยันผลการดำเนินงานของหน่วยงาน', 'Confirm my agency’s entries')}
            </button>
            <span class="hint">
              {tr('เมื่อยืนยันแล้ว เลขานุการคณะกรรมการจะรวบรวมรายงานได้', 'Once confirmed, the committee secretary can compile the report')}
            </span>
          </div>
        </>
      )}
      {!props.isHead && props.collecting && (
        <p class="hint">
          {tr('เมื่อกรอกครบทุกกิจกรรมแล้ว หัวหน้าหน่วยงานจะเป็นผู้ยืนยันผลการดำเนินงาน', 'When every activity has an entry, the agency head confirms them')}
        </p>
      )}
      {attempts.said && (
        <Notice kind="ok" said={attempts.said}>{attempts.said.text}</Notice>
      )}
      {error && error.slug !== 'entries-missing' && <ProblemView error={error} attempt={attempts.count} />}
      {error && error.slug === 'entries-missing' && (
        <div class="alert alert--error" role="alert" data-problem="entries-missing" data-attempt={attempts.count}>
          <strong>
            {tr(
              `ยังยืนยันไม่ได้: ยังไม่ได้รายงานผล ${missing.length || withoutEntry.length} กิจกรรม`,
              `Not confirmed: ${missing.length || withoutEntry.length} activities have no entry yet`,
            )}
          </strong>
          <ul class="report-missing-list">
            {(missing.length ? missing : withoutEntry.map((i) => ({ id: i.item_id, index: props.items.indexOf(i), item: i }))).map((m) => (
              <li key={m.id}>
                <button type="button" class="link-button" onClick={() => focusItem(m.id)}>
                  {m.item ? `${m.index + 1}. ${m.item.title}` : m.id}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
