// One plan: its header and stage, the actions the signed-in person can take,
// and tabs for the content, findings, comments, changes, history, signatures
// and (once approved) its quarterly reports.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../lib/api';
import { localized, tr } from '../../lib/i18n';
import { href } from '../../lib/router';
import { session } from '../../lib/session';
import { fiscalYearLabel, formatDate } from '../../lib/thai';
import { useAsync } from '../../lib/use-async';
import { lastSeenRevision, markSeen } from '../../lib/drafts';
import { Loading, ProblemView, StageBadge } from '../../components/ui';
import { PlanActions } from './plan-actions';
import { PlanEditor } from './plan-editor';
import { FindingsTab } from './findings-tab';
import { CommentsTab } from './comments-tab';
import { ChangesTab } from './changes-tab';
import { HistoryTab, ReturnNotice } from './history-tab';
import { SignaturesTab } from './signatures-tab';
import { PlanReportsTab } from './plan-reports-tab';
import type { Schema } from './schema';
import type { Plan } from './types';
import './plans.css';

const TABS: { id: string; label: () => string; when?: (p: Plan) => boolean }[] = [
  { id: 'content', label: () => tr('เนื้อหาแผน', 'Content') },
  { id: 'findings', label: () => tr('ข้อค้นพบ', 'Findings') },
  { id: 'comments', label: () => tr('ความคิดเห็น', 'Comments') },
  { id: 'changes', label: () => tr('สิ่งที่เปลี่ยนแปลง', 'Changes') },
  { id: 'history', label: () => tr('ประวัติ', 'History') },
  { id: 'signatures', label: () => tr('การลงนาม', 'Signatures') },
  { id: 'reports', label: () => tr('รายงานรายไตรมาส', 'Quarterly reports'), when: (p) => p.stage_kind === 'reporting' || p.stage_kind === 'terminal' },
];

export function PlanPage(props: { id: number; tab?: string; at?: string }) {
  const plan = useAsync(() => api.get<Plan>(`/api/v1/plans/${props.id}`), [props.id]);
  const type = useAsync(
    () => (plan.data ? api.get<{ content_schema: Schema; name_th: string; name_en: string }>(`/api/v1/plan-types/${plan.data.plan_type}`) : Promise.resolve(null)),
    [plan.data?.plan_type],
  );
  const [commentAnchor, setCommentAnchor] = useState<string | null>(null);
  const user = session.value!.user;
  const p = plan.data;
  // What this person saw before this visit, for "changes since I last looked".
  const [seenBefore] = useState(() => lastSeenRevision(user.id, props.id));
  useEffect(() => {
    if (p) markSeen(user.id, p.id, p.revision);
  }, [p?.revision]);

  if (plan.error) return <ProblemView error={plan.error} onRetry={plan.reload} />;
  if (!p || !type.data) return <Loading />;
  const tab = props.tab && TABS.some((t) => t.id === props.tab) ? props.tab : 'content';
  const errors = p.findings.filter((f) => f.severity === 'error').length;

  return (
    <article class="plan" data-plan={p.id} data-stage={p.stage} data-revision={p.revision}>
      <header class="plan-header">
        <p class="muted">{tr(type.data.name_th, type.data.name_en || type.data.name_th)}</p>
        <h1>{p.title}</h1>
        <div class="plan-facts">
          <StageBadge kind={p.stage_kind} title={p.stage_title} />
          <span>{fiscalYearLabel(p.fiscal_year)}</span>
          <span>{p.agency_name_th}</span>
          <span>
            {tr('ฉบับแก้ไขที่', 'Revision')} {p.revision}
          </span>
          {p.deadline_at && (
            <span class={new Date(p.deadline_at) < new Date() ? 'overdue' : ''}>
              {tr('กำหนดพิจารณาภายใน', 'Due')} {formatDate(p.deadline_at)}
            </span>
          )}
        </div>
      </header>
      <ReturnNotice plan={p} />
      <PlanActions plan={p} onDone={plan.reload} />
      <nav class="tabs" aria-label={tr('ส่วนของแผน', 'Parts of the plan')}>
        {TABS.filter((t) => !t.when || t.when(p)).map((t) => (
          <a key={t.id} href={href(`/plans/${p.id}?tab=${t.id}`)} aria-current={tab === t.id ? 'page' : undefined}>
            {t.label()}
            {t.id === 'findings' && errors > 0 && <span class="badge badge--red">{errors}</span>}
          </a>
        ))}
      </nav>
      {tab === 'content' && (
        <PlanEditor plan={p} schema={type.data.content_schema} focus={props.at} onSaved={plan.setData}
          onComment={(pointer) => {
            setCommentAnchor(pointer);
            location.hash = `/plans/${p.id}?tab=comments`;
          }} />
      )}
      {tab === 'findings' && <FindingsTab plan={p} schema={type.data.content_schema} />}
      {tab === 'comments' && <CommentsTab plan={p} schema={type.data.content_schema} anchor={commentAnchor} onAnchorUsed={() => setCommentAnchor(null)} />}
      {tab === 'changes' && <ChangesTab plan={p} schema={type.data.content_schema} seenBefore={seenBefore} />}
      {tab === 'history' && <HistoryTab plan={p} />}
      {tab === 'signatures' && <SignaturesTab plan={p} />}
      {tab === 'reports' && <PlanReportsTab plan={p} />}
      <p class="muted small">{localized(p.stage_title)} · {p.workflow.id} v{p.workflow.version}</p>
    </article>
  );
}
