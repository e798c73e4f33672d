// Every approved plan of the province and where its quarter's report
// stands, agency by agency: who has submitted, who is late, who has sent
// nothing. Reports whose agencies have all confirmed get a Compile button.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../lib/api';
import { localized, tr } from '../../lib/i18n';
import { href } from '../../lib/router';
import { formatDate } from '../../lib/thai';
import { asApiError, useAsync } from '../../lib/use-async';
import { Empty, Loading, ProblemView, StageBadge } from '../../components/ui';
import { StateBadge, StateCounts } from './agency-status-table';
import type { ProvincialChoice } from './provincial-query';
import { quarterLabel } from './quarters';
import { stageOf, type StageInfo } from './stages';
import { progressText, readyToCompile } from './status';
import type { QuarterlyReport, ReportAction, ReportDetail } from './types';

interface PlanSummary {
  id: number;
  title: string;
  stage_kind: string;
}

interface PlanReports {
  plan: PlanSummary;
  reports: (QuarterlyReport & { compile?: ReportAction })[];
}

/** Plans that have passed approval are the ones with reports. */
const REPORTING_KINDS = new Set(['reporting', 'terminal']);

async function allPlans(c: ProvincialChoice): Promise<PlanSummary[]> {
  const out: PlanSummary[] = [];
  let cursor: number | null = null;
  do {
    const q = new URLSearchParams({ province: c.province, fiscal_year: String(c.fiscalYear), limit: '200' });
    if (c.planType) q.set('plan_type', c.planType);
    if (cursor) q.set('cursor', String(cursor));
    const page: { items: PlanSummary[]; next_cursor: number | null } = await api.get(`/api/v1/plans?${q.toString()}`);
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

async function loadStatus(c: ProvincialChoice, isSecretary: boolean): Promise<PlanReports[]> {
  const plans = (await allPlans(c)).filter((p) => REPORTING_KINDS.has(p.stage_kind));
  return Promise.all(
    plans.map(async (plan) => {
      const { items } = await api.get<{ items: QuarterlyReport[] }>(`/api/v1/plans/${plan.id}/reports`);
      const reports = items.filter((r) => c.quarter === 0 || r.quarter === c.quarter);
      // Only a report every agency has confirmed can be compiled; its detail says whether this person may.
      const withActions = await Promise.all(
        reports.map(async (r) => {
          if (!isSecretary || !readyToCompile(r)) return r;
          const detail = await api.get<ReportDetail>(`/api/v1/reports/${r.id}`);
          return { ...r, compile: detail.available_actions.find((a) => a.action === 'compile') };
        }),
      );
      return { plan, reports: withActions };
    }),
  );
}

export function ProvincialStatus(props: { choice: ProvincialChoice; stages: Record<string, StageInfo>; isSecretary: boolean; onCompiled: () => void }) {
  const c = props.choice;
  const status = useAsync(() => loadStatus(c, props.isSecretary), [c.province, c.planType, c.fiscalYear, c.quarter, props.isSecretary]);
  const [busy, setBusy] = useState<number | null>(null);
  const [errors, setErrors] = useState<Record<number, ApiError | null>>({});
  const [compiled, setCompiled] = useState<Record<number, boolean>>({});
  // Counted once the table shows the outcome (the new stage, or the problem beside the report).
  const [attempts, setAttempts] = useState(0);

  async function compile(reportId: number) {
    setBusy(reportId);
    setErrors((e) => ({ ...e, [reportId]: null }));
    try {
      await api.post(`/api/v1/reports/${reportId}/actions/compile`);
      setCompiled((d) => ({ ...d, [reportId]: true }));
      await status.reload();
      setAttempts((n) => n + 1);
      props.onCompiled();
    } catch (e) {
      setErrors((all) => ({ ...all, [reportId]: asApiError(e) }));
      setAttempts((n) => n + 1);
    } finally {
      setBusy(null);
    }
  }

  if (status.error) return <ProblemView error={status.error} onRetry={status.reload} />;
  if (!status.data) return <Loading />;
  const rows = status.data.filter((p) => p.reports.length > 0);
  if (rows.length === 0) {
    return <Empty>{tr('ยังไม่มีแผนที่อนุมัติแล้วในปีงบประมาณนี้', 'No approved plan for this fiscal year yet')}</Empty>;
  }
  const allAgencies = rows.flatMap((p) => p.reports.flatMap((r) => r.agencies));

  return (
    <>
      <StateCounts agencies={allAgencies} />
      <div class="table-wrap">
        <table data-testid="provincial-status" data-attempts={attempts}>
          <thead>
            <tr>
              <th scope="col">{tr('แผน / ไตรมาส', 'Plan / quarter')}</th>
              <th scope="col">{tr('ขั้นตอน', 'Stage')}</th>
              <th scope="col">{tr('หน่วยงาน', 'Agency')}</th>
              <th scope="col">{tr('สถานะ', 'State')}</th>
              <th scope="col">{tr('ความคืบหน้า', 'Progress')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.flatMap(({ plan, reports }) =>
              reports.map((r, ri) => {
                const stage = stageOf(props.stages, r.stage);
                const span = Math.max(1, r.agencies.length);
                const head = (
                  <>
                    <th scope="rowgroup" rowSpan={span}>
                      {/* A whole year lists four quarters of one plan: its title once. */}
                      {ri === 0 && <div>{plan.title}</div>}
                      <a href={href(`/reports/${r.id}`)}>{quarterLabel(r.fiscal_year, r.quarter)}</a>
                      <div class="muted small">
                        {tr(`กำหนดส่ง ${formatDate(r.due_on)}`, `Due ${formatDate(r.due_on)}`)}
                      </div>
                    </th>
                    <td rowSpan={span}>
                      <StageBadge kind={stage.kind} title={stage.title} />
                      {!r.open && <div class="muted small">{tr('ยังไม่เปิดรับข้อมูล', 'Not open yet')}</div>}
                      {r.compile && !compiled[r.id] && (
                        <div class="form-actions">
                          <button
                            type="button"
                            class="button button--primary button--small"
                            disabled={busy !== null || !r.compile.enabled}
                            onClick={() => compile(r.id)}
                            data-report={r.id}
                          >
                            {busy === r.id ? tr('กำลังรวบรวม…', 'Compiling…') : localized(r.compile.title)}
                          </button>
                        </div>
                      )}
                      <ProblemView error={errors[r.id] ?? null} />
                    </td>
                  </>
                );
                if (r.agencies.length === 0) {
                  return (
                    <tr key={r.id}>
                      {head}
                      <td colSpan={3} class="muted">
                        {tr('ไม่มีกิจกรรม', 'No activities')}
                      </td>
                    </tr>
                  );
                }
                return r.agencies.map((a, i) => (
                  <tr key={`${r.id}-${a.agency_id}`} data-report={r.id} data-agency={a.agency} data-state={a.state}>
                    {i === 0 && head}
                    <td>{a.agency}</td>
                    <td class="state-cell">
                      <StateBadge state={a.state} />
                    </td>
                    <td class="small progress-cell">{progressText(a)}</td>
                  </tr>
                ));
              }),
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
