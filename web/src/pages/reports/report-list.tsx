// The quarterly reports an agency reports on, by plan: which quarter, when
// it is due, where it stands, and whether this agency has entered and
// confirmed everything — so an officer sees at once what is still owed.
import { api } from '../../lib/api';
import { tr } from '../../lib/i18n';
import { href } from '../../lib/router';
import { session } from '../../lib/session';
import { useSignal } from '../../lib/signal';
import { fiscalYearLabel, formatDate } from '../../lib/thai';
import { useAsync } from '../../lib/use-async';
import { Empty, Loading, Notice, PageHeader, ProblemView, StageBadge } from '../../components/ui';
import { quarterLabel } from './quarters';
import { stageOf, useReportStages } from './stages';
import { progressOf, progressText, stateBadge } from './status';
import type { QuarterlyReport } from './types';
import './reports.css';

interface PlanGroup {
  planId: number;
  title: string;
  fiscalYear: number;
  reports: QuarterlyReport[];
}

function groupByPlan(reports: QuarterlyReport[]): PlanGroup[] {
  const groups = new Map<number, PlanGroup>();
  for (const r of reports) {
    let g = groups.get(r.plan_id);
    if (!g) {
      g = { planId: r.plan_id, title: r.plan_title ?? `#${r.plan_id}`, fiscalYear: r.fiscal_year, reports: [] };
      groups.set(r.plan_id, g);
    }
    g.reports.push(r);
  }
  const out = [...groups.values()];
  for (const g of out) g.reports.sort((a, b) => a.quarter - b.quarter);
  // The current year's plans first.
  return out.sort((a, b) => b.fiscalYear - a.fiscalYear || a.planId - b.planId);
}

/** Open, still collecting, and this agency has not confirmed: work to do. */
function owed(r: QuarterlyReport, agencyId: number | null): boolean {
  const mine = r.agencies.find((a) => a.agency_id === agencyId);
  return !!mine && r.open && r.stage === 'collecting' && progressOf(mine) !== 'confirmed';
}

export function ReportList() {
  const current = useSignal(session);
  const user = current?.user;
  const stages = useReportStages();
  const list = useAsync(() => api.get<{ items: QuarterlyReport[] }>('/api/v1/reports'), []);

  if (!user) return null;
  const agencyId = user.agency_id;
  const groups = list.data ? groupByPlan(list.data.items) : [];
  const todo = list.data ? list.data.items.filter((r) => owed(r, agencyId)).length : 0;

  return (
    <>
      <PageHeader title={tr('รายงานผลการดำเนินงานรายไตรมาส', 'Quarterly progress reports')} />
      {agencyId === null && (
        <Notice kind="warn">
          {tr(
            'บัญชีของท่านยังไม่ได้สังกัดหน่วยงาน จึงไม่มีรายงานที่ต้องกรอก กรุณาติดต่อผู้ดูแลระบบ',
            'Your account belongs to no agency, so there is nothing for you to report; ask the administrator',
          )}
        </Notice>
      )}
      <ProblemView error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && groups.length === 0 && agencyId !== null && (
        <Empty>{tr('ยังไม่มีแผนที่อนุมัติแล้วซึ่งหน่วยงานของท่านต้องรายงานผล', 'No approved plan has activities for your agency yet')}</Empty>
      )}
      {list.data && todo > 0 && (
        <Notice kind="info">
          {tr(`มีรายงาน ${todo} ฉบับที่หน่วยงานของท่านยังรายงานหรือยืนยันไม่ครบ`, `${todo} reports still need your agency's entries or confirmation`)}
        </Notice>
      )}
      {groups.map((g) => (
        <section class="card" key={g.planId} aria-labelledby={`plan-${g.planId}`} data-plan={g.planId}>
          <h2 id={`plan-${g.planId}`}>{g.title}</h2>
          <p class="muted">
            {fiscalYearLabel(g.fiscalYear)} · <a href={href(`/plans/${g.planId}`)}>{tr('ดูแผน', 'View the plan')}</a>
          </p>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{tr('ไตรมาส', 'Quarter')}</th>
                  <th scope="col">{tr('กำหนดส่ง', 'Due')}</th>
                  <th scope="col">{tr('ขั้นตอน', 'Stage')}</th>
                  <th scope="col">{tr('หน่วยงานของท่าน', 'Your agency')}</th>
                </tr>
              </thead>
              <tbody>
                {g.reports.map((r) => {
                  const mine = r.agencies.find((a) => a.agency_id === agencyId);
                  const stage = stageOf(stages, r.stage);
                  const badge = mine ? stateBadge(mine.state) : null;
                  return (
                    <tr key={r.id} data-quarter={r.quarter}>
                      <th scope="row">
                        <a href={href(`/reports/${r.id}`)}>{quarterLabel(r.fiscal_year, r.quarter)}</a>
                      </th>
                      <td>
                        {formatDate(r.due_on)}
                        {r.late && (
                          <>
                            {' '}
                            <span class="badge badge--red">{tr('เลยกำหนด', 'Overdue')}</span>
                          </>
                        )}
                      </td>
                      <td>
                        <StageBadge kind={stage.kind} title={stage.title} />
                        {!r.open && (
                          <div class="muted small">
                            {tr(`เปิดรับข้อมูล ${formatDate(r.opens_on)}`, `Opens ${formatDate(r.opens_on)}`)}
                          </div>
                        )}
                      </td>
                      <td>
                        {mine && badge ? (
                          <>
                            <span class={`badge badge--${badge.colour}`}>{badge.label}</span>
                            <div class="muted small">{progressText(mine)}</div>
                          </>
                        ) : (
                          <span class="muted">{tr('ไม่มีกิจกรรมของหน่วยงานท่าน', 'No activities of yours')}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
