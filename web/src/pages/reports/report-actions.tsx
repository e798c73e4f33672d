// What the committee does with a report: the secretary opens a quarter
// early and compiles; members acknowledge or return it with a comment; the
// acknowledged report goes out as a package. The buttons are the workflow's
// own actions for this person, titled as the workflow names them.
import { useState } from 'preact/hooks';
import { api, ApiError, download } from '../../lib/api';
import { localized, tr } from '../../lib/i18n';
import { formatDateTime } from '../../lib/thai';
import { attempted, NO_ATTEMPTS } from '../../lib/attempts';
import { asApiError, useAsync } from '../../lib/use-async';
import { Field, Notice, ProblemView } from '../../components/ui';
import { packageFileName } from './files';
import { stageOf, type StageInfo } from './stages';
import { blockedText } from './status';
import type { ReportDetail } from './types';

interface ActionResult {
  from: string;
  to: string;
  moved: boolean;
}

export function ReportActions(props: {
  report: ReportDetail;
  stages: Record<string, StageInfo>;
  isSecretary: boolean;
  onChanged: () => Promise<void>;
}) {
  const r = props.report;
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [commentError, setCommentError] = useState<string | null>(null);
  const [attempts, setAttempts] = useState(NO_ATTEMPTS);
  const result = attempts.said;
  const needsComment = r.available_actions.filter((a) => a.comment_required);

  async function run(key: string, work: () => Promise<string>) {
    setBusy(key);
    setError(null);
    try {
      const text = await work();
      // Said once the page shows the report as it now stands.
      await props.onChanged();
      setAttempts((a) => attempted(a, { notice: key, text }));
    } catch (e) {
      setError(asApiError(e));
      setAttempts((a) => attempted(a));
    } finally {
      setBusy(null);
    }
  }

  const act = (action: ReportDetail['available_actions'][number]) => {
    if (action.comment_required && !comment.trim()) {
      setCommentError(tr(`กรุณาระบุความเห็นก่อน "${localized(action.title)}"`, `Write a comment before "${localized(action.title)}"`));
      document.getElementById('report-comment')?.focus();
      setAttempts((a) => attempted(a));
      return;
    }
    setCommentError(null);
    void run(action.action, async () => {
      const body = comment.trim() ? { comment: comment.trim() } : {};
      const out = await api.post<ActionResult>(`/api/v1/reports/${r.id}/actions/${encodeURIComponent(action.action)}`, body);
      setComment('');
      const to = stageOf(props.stages, out.to);
      return tr(
        `${localized(action.title)} แล้ว — ขั้นตอนปัจจุบัน: ${typeof to.title === 'string' ? to.title : localized(to.title)}`,
        `${localized(action.title)}: done — now ${typeof to.title === 'string' ? to.title : localized(to.title)}`,
      );
    });
  };

  const openEarly = () =>
    run('open', async () => {
      await api.post(`/api/v1/reports/${r.id}/open`);
      return tr('เปิดรับข้อมูลแล้ว หน่วยงานเริ่มรายงานผลได้', 'Opened: agencies can enter progress now');
    });

  const getPackage = () =>
    run('package', async () => {
      await download(`/api/v1/reports/${r.id}/package`, packageFileName({ fiscalYear: r.fiscal_year, quarter: r.quarter, planId: r.plan_id }), { preferName: true });
      return tr('ดาวน์โหลดชุดรายงานแล้ว', 'Package downloaded');
    });

  // The package went out by hand (an e-document system, a disc): the secretary says so.
  const markDelivered = (d: Delivery) =>
    run(`delivered-${d.id}`, async () => {
      await api.post(`/api/v1/reports/${r.id}/package/delivered`, { delivery: d.id });
      return tr(`บันทึกว่าส่งชุดรายงานให้ ${d.recipient} แล้ว`, `Recorded: the package went to ${d.recipient}`);
    });

  const showOpen = props.isSecretary && !r.open;
  const showPackage = props.isSecretary && r.stage === 'acknowledged';
  // Kept while it has something to say: the last action's outcome outlives the buttons it removed.
  if (!showOpen && !showPackage && r.available_actions.length === 0 && !result && !error) return null;

  return (
    <section class="card" aria-labelledby="report-actions-title" data-attempts={attempts.count}>
      <h2 id="report-actions-title">{tr('การดำเนินการของคณะกรรมการ', 'Committee actions')}</h2>
      {showOpen && (
        <div class="form-actions">
          <button type="button" class="button" disabled={busy !== null} onClick={openEarly}>
            {busy === 'open' ? tr('กำลังเปิด…', 'Opening…') : tr('เปิดรับข้อมูลก่อนกำหนด', 'Open early')}
          </button>
          <span class="hint">{tr('ไตรมาสนี้ยังไม่เริ่ม หน่วยงานจะรายงานผลได้เมื่อเปิดรับข้อมูล', 'This quarter has not begun; agencies can report once it is open')}</span>
        </div>
      )}
      {needsComment.length > 0 && (
        <Field
          id="report-comment"
          label={tr('ความเห็น', 'Comment')}
          hint={tr(
            `จำเป็นสำหรับ: ${needsComment.map((a) => localized(a.title)).join(', ')}`,
            `Required for: ${needsComment.map((a) => localized(a.title)).join(', ')}`,
          )}
          error={commentError}
        >
          <textarea id="report-comment" value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
        </Field>
      )}
      {r.available_actions.length > 0 && (
        <div class="form-actions">
          {r.available_actions.map((a) => (
            <button
              key={a.action}
              type="button"
              class={`button ${a.action === 'return' ? 'button--danger' : 'button--primary'}`}
              disabled={busy !== null || !a.enabled}
              onClick={() => act(a)}
              data-action={a.action}
            >
              {busy === a.action ? tr('กำลังดำเนินการ…', 'Working…') : localized(a.title)}
            </button>
          ))}
        </div>
      )}
      {r.available_actions.some((a) => !a.enabled) && (
        <ul class="hint">
          {r.available_actions
            .filter((a) => !a.enabled)
            .map((a) => (
              <li key={a.action}>
                {tr(`ยัง${localized(a.title)}ไม่ได้`, `Cannot ${localized(a.title)} yet`)}: {(a.blocked ?? []).map(blockedText).join('; ')}
              </li>
            ))}
        </ul>
      )}
      {showPackage && (
        <>
          <div class="form-actions">
            <button type="button" class="button" disabled={busy !== null} onClick={getPackage}>
              {busy === 'package' ? tr('กำลังเตรียมไฟล์…', 'Preparing…') : tr('ดาวน์โหลดชุดรายงาน (ZIP)', 'Download the report package (ZIP)')}
            </button>
            <span class="hint">{tr('รายงานฉบับรับทราบแล้วในรูปแบบ JSON, CSV, XLSX และ HTML', 'The acknowledged report as JSON, CSV, XLSX and HTML')}</span>
          </div>
          <Deliveries reportId={r.id} refresh={attempts.count} busy={busy !== null} onMarkDelivered={markDelivered} />
        </>
      )}
      {result && <Notice kind="ok" said={result}>{result.text}</Notice>}
      <ProblemView error={error} attempt={attempts.count} />
    </section>
  );
}

interface Delivery {
  id: number;
  recipient: string;
  kind: string;
  status: string;
  attempts: number;
  last_error: string;
  delivered_at: string | null;
}

function deliveryStatus(s: string): string {
  const names: Record<string, [string, string]> = {
    pending: ['รอส่ง', 'Pending'],
    sending: ['กำลังส่ง', 'Sending'],
    ready: ['พร้อมให้ดาวน์โหลด', 'Ready to download'],
    delivered: ['ส่งแล้ว', 'Delivered'],
    failed: ['ส่งไม่สำเร็จ', 'Failed'],
  };
  return names[s] ? tr(names[s][0], names[s][1]) : s;
}

function Deliveries(props: { reportId: number; refresh: number; busy: boolean; onMarkDelivered: (d: Delivery) => void }) {
  const list = useAsync(() => api.get<{ items: Delivery[] }>(`/api/v1/reports/${props.reportId}/deliveries`), [props.reportId, props.refresh]);
  if (list.error) return <ProblemView error={list.error} />;
  if (!list.data || list.data.items.length === 0) return null;
  return (
    <div class="table-wrap">
      <table>
        <caption class="sr-only">{tr('การส่งรายงาน', 'Deliveries')}</caption>
        <thead>
          <tr>
            <th scope="col">{tr('ผู้รับรายงาน', 'Recipient')}</th>
            <th scope="col">{tr('สถานะการส่ง', 'Delivery')}</th>
            <th scope="col">{tr('ส่งเมื่อ', 'Delivered at')}</th>
          </tr>
        </thead>
        <tbody>
          {list.data.items.map((d) => (
            <tr key={d.id}>
              <th scope="row">{d.recipient}</th>
              <td>
                {deliveryStatus(d.status)}
                {d.last_error && <div class="muted small">{d.last_error}</div>}
              </td>
              <td>
                {d.kind === 'package' && d.status === 'ready' ? (
                  <button type="button" class="button button--small" disabled={props.busy} onClick={() => props.onMarkDelivered(d)}>
                    {tr('บันทึกว่าส่งแล้ว', 'Mark as sent')}
                  </button>
                ) : (
                  formatDateTime(d.delivered_at)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
