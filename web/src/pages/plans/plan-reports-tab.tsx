// An approved plan's four quarterly reports, linking to each.
import { api } from '../../lib/api';
import { localized, tr } from '../../lib/i18n';
import { href } from '../../lib/router';
import { formatDate } from '../../lib/thai';
import { useAsync } from '../../lib/use-async';
import { Loading, ProblemView } from '../../components/ui';
import type { Localized, Plan } from './types';

interface ReportRow {
  id: number;
  quarter: number;
  due_date?: string;
  stage?: string;
  stage_title?: Localized;
  [key: string]: unknown;
}

export function PlanReportsTab(props: { plan: Plan }) {
  const reports = useAsync(() => api.get<{ items: ReportRow[] }>(`/api/v1/plans/${props.plan.id}/reports`), [props.plan.id]);
  if (reports.error) return <ProblemView error={reports.error} onRetry={reports.reload} />;
  if (!reports.data) return <Loading />;
  return (
    <ul class="report-links">
      {reports.data.items.map((r) => (
        <li key={r.id}>
          <a href={href(`/reports/${r.id}`)}>{tr(`ไตรมาส ${r.quarter}`, `Quarter ${r.quarter}`)}</a>
          {r.stage_title && <span> · {localized(r.stage_title)}</span>}
          {r.due_date && <span class="muted"> · {tr('กำหนดส่ง', 'due')} {formatDate(r.due_date)}</span>}
        </li>
      ))}
    </ul>
  );
}
