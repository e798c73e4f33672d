// Who did what and when, with the comments that came with returns and
// signatures, as the plan's record of its way through the workflow.
import { api } from '../../lib/api';
import { tr } from '../../lib/i18n';
import { formatDateTime } from '../../lib/thai';
import { useAsync } from '../../lib/use-async';
import { Loading, ProblemView } from '../../components/ui';
import type { HistoryEntry, Plan } from './types';

const KINDS: Record<string, [string, string]> = {
  created: ['สร้างแผน', 'Created'],
  transition: ['ดำเนินการ', 'Action'],
  signature: ['ลงนาม', 'Signed'],
  revision: ['บันทึกฉบับแก้ไข', 'Saved a revision'],
  overdue: ['เกินกำหนด', 'Overdue'],
  escalation: ['แจ้งเตือนเกินกำหนด', 'Escalated'],
  workflow_migrated: ['ย้ายไปขั้นตอนการทำงานฉบับใหม่', 'Moved to a new workflow version'],
  comment: ['ความคิดเห็น', 'Comment'],
};

const ACTIONS: Record<string, [string, string]> = {
  submit: ['ส่งแผน', 'Submitted'],
  endorse: ['เห็นชอบ', 'Endorsed'],
  return: ['ส่งกลับแก้ไข', 'Returned for changes'],
  approve: ['อนุมัติ', 'Approved'],
  request_changes: ['ขอให้แก้ไข', 'Requested changes'],
  close: ['ปิดแผน', 'Closed'],
};

export function describeEvent(e: HistoryEntry): string {
  const a = ACTIONS[e.action];
  if (e.kind === 'transition' && a) return tr(a[0], a[1]);
  const k = KINDS[e.kind];
  return k ? tr(k[0], k[1]) + (e.action && !a ? ` (${e.action})` : '') : e.kind;
}

/** The plan's history; `wanted` false skips the request (hooks cannot be called conditionally). */
export function useHistory(planId: number, revision: number, wanted = true) {
  return useAsync(
    () => (wanted ? api.get<{ items: HistoryEntry[] }>(`/api/v1/plans/${planId}/history`) : Promise.resolve({ items: [] })),
    [planId, revision, wanted],
  );
}

export function HistoryTab(props: { plan: Plan }) {
  const history = useHistory(props.plan.id, props.plan.revision);
  if (history.error) return <ProblemView error={history.error} onRetry={history.reload} />;
  if (!history.data) return <Loading />;
  return (
    <ol class="timeline" aria-label={tr('ประวัติ', 'History')}>
      {[...history.data.items].reverse().map((e) => (
        <li key={e.seq} data-event={e.kind} data-action={e.action || undefined}>
          <div>
            <strong>{describeEvent(e)}</strong> · {e.actor}
            {e.on_behalf_of_name && tr(` (แทน ${e.on_behalf_of_name})`, ` (for ${e.on_behalf_of_name})`)}
          </div>
          <div class="muted">
            {formatDateTime(e.at)} · {tr('ฉบับที่', 'revision')} {e.revision}
          </div>
          {e.comment && <blockquote>{e.comment}</blockquote>}
        </li>
      ))}
    </ol>
  );
}

/** On a returned draft, the officer sees at once why it came back. */
export function ReturnNotice(props: { plan: Plan }) {
  // Only a draft that has been round the workflow can have come back.
  const returned = props.plan.stage_kind === 'editing' && props.plan.revision_rounds > 0;
  const history = useHistory(props.plan.id, props.plan.revision, returned);
  if (!returned || !history.data) return null;
  const last = [...history.data.items].reverse().find((e) => e.kind === 'transition');
  if (!last || !['return', 'request_changes'].includes(last.action)) return null;
  return (
    <div class="alert alert--warn" role="status" data-testid="return-notice">
      <strong>
        {describeEvent(last)} · {last.actor} · {formatDateTime(last.at)}
      </strong>
      {last.comment && <blockquote>{last.comment}</blockquote>}
    </div>
  );
}
