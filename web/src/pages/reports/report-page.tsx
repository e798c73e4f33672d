// One plan's report for one quarter. Agencies enter progress on their own
// activities and their head confirms; the secretary sees every agency's
// standing, opens and compiles; the committee acknowledges or returns it.
import { useState } from 'preact/hooks';
import { api } from '../../lib/api';
import { tr } from '../../lib/i18n';
import { href } from '../../lib/router';
import { hasRole, session } from '../../lib/session';
import { useSignal } from '../../lib/signal';
import { fiscalYearLabel, formatDate } from '../../lib/thai';
import { useAsync } from '../../lib/use-async';
import { Loading, Notice, PageHeader, ProblemView, StageBadge } from '../../components/ui';
import { AgencyStatusTable, StateCounts } from './agency-status-table';
import { ConfirmPanel } from './confirm-panel';
import { EntryCard } from './entry-card';
import { quarterLabel, quarterSpan } from './quarters';
import { ReassignControl, type AgencyOption } from './reassign';
import { ReportActions } from './report-actions';
import { stageOf, useReportStages } from './stages';
import type { ReportDetail, ReportItem } from './types';
import './reports.css';

interface IndicatorGroup {
  indicator: string;
  items: { item: ReportItem; index: number }[];
}
interface GoalGroup {
  goal: string;
  indicators: IndicatorGroup[];
}

/** Goal → indicator → activities, in plan order, as consecutive runs of the API's list. */
function groupItems(items: ReportItem[], keep: (i: ReportItem) => boolean): GoalGroup[] {
  const goals: GoalGroup[] = [];
  items.forEach((item, i) => {
    if (!keep(item)) return;
    let g = goals[goals.length - 1];
    if (!g || g.goal !== item.goal) goals.push((g = { goal: item.goal, indicators: [] }));
    let ind = g.indicators[g.indicators.length - 1];
    if (!ind || ind.indicator !== item.indicator) g.indicators.push((ind = { indicator: item.indicator, items: [] }));
    ind.items.push({ item, index: i + 1 });
  });
  return goals;
}

export function ReportPage(props: { id: number }) {
  const current = useSignal(session);
  const user = current?.user ?? null;
  const stages = useReportStages();
  const report = useAsync(() => api.get<ReportDetail>(`/api/v1/reports/${props.id}`), [props.id]);
  const isSecretary = hasRole(user, 'committee_secretary');
  const isAgency = hasRole(user, 'agency_officer', 'agency_head');
  const planId = report.data?.plan_id;
  const agencies = useAsync<AgencyOption[]>(async () => {
    if (!isSecretary || !planId) return [];
    const plan = await api.get<{ province: string }>(`/api/v1/plans/${planId}`);
    return (await api.get<{ items: AgencyOption[] }>(`/api/v1/agencies?province=${encodeURIComponent(plan.province)}`)).items;
  }, [isSecretary, planId]);
  const [scope, setScope] = useState<'mine' | 'all' | null>(null);

  const r = report.data;
  if (!r) {
    return (
      <>
        <PageHeader title={tr('รายงานผลการดำเนินงานรายไตรมาส', 'Quarterly progress report')} />
        <ProblemView error={report.error} onRetry={report.reload} />
        {report.loading && <Loading />}
      </>
    );
  }

  const stage = stageOf(stages, r.stage);
  const span = quarterSpan(r.fiscal_year, r.quarter);
  const collecting = r.stage === 'collecting';
  const myStatus = isAgency ? r.agencies.find((a) => a.agency_id === user?.agency_id) : undefined;
  const agencyName = (id: number) => r.agencies.find((a) => a.agency_id === id)?.agency ?? `#${id}`;
  const showMine = (scope ?? (myStatus ? 'mine' : 'all')) === 'mine' && !!myStatus;
  const groups = groupItems(r.items, (i) => !showMine || i.agency_id === myStatus?.agency_id);
  const editableFor = (i: ReportItem) => !!myStatus && i.agency_id === myStatus.agency_id && collecting && r.open;
  const reload = () => report.reload();

  return (
    <>
      <PageHeader title={tr(`รายงานผลการดำเนินงาน ${quarterLabel(r.fiscal_year, r.quarter)}`, `Progress report, ${quarterLabel(r.fiscal_year, r.quarter)}`)}>
        <StageBadge kind={stage.kind} title={stage.title} />
      </PageHeader>
      <section class="card" aria-label={tr('ข้อมูลรายงาน', 'About this report')}>
        <p class="report-plan-title">
          <a href={href(`/plans/${r.plan_id}`)}>{r.plan_title}</a>
        </p>
        <dl class="report-meta">
          <div>
            <dt>{tr('ปีงบประมาณ', 'Fiscal year')}</dt>
            <dd>{fiscalYearLabel(r.fiscal_year)}</dd>
          </div>
          <div>
            <dt>{tr('ช่วงเวลา', 'Period')}</dt>
            <dd>
              {formatDate(r.opens_on)} – {formatDate(span.endsOn)}
            </dd>
          </div>
          <div>
            <dt>{tr('กำหนดส่ง', 'Due')}</dt>
            <dd>
              {formatDate(r.due_on)} {r.late && <span class="badge badge--red">{tr('เลยกำหนดส่ง', 'Overdue')}</span>}
            </dd>
          </div>
          <div>
            <dt>{tr('การรับข้อมูล', 'Entries')}</dt>
            <dd>
              {!r.open
                ? tr(`ยังไม่เปิด (เปิด ${formatDate(r.opens_on)})`, `Not open yet (opens ${formatDate(r.opens_on)})`)
                : !collecting
                  ? tr('ปิดรับข้อมูลแล้ว', 'Closed')
                  : r.opened_early
                    ? tr('เปิดรับก่อนกำหนดโดยเลขานุการ', 'Opened early by the secretary')
                    : tr('เปิดรับข้อมูล', 'Open')}
            </dd>
          </div>
        </dl>
      </section>

      <ProblemView error={report.error} onRetry={report.reload} />
      {isAgency && !r.open && (
        <Notice kind="info">
          {tr(
            `ไตรมาสนี้ยังไม่เปิดรับข้อมูล จะเปิดในวันที่ ${formatDate(r.opens_on)} หรือเมื่อเลขานุการคณะกรรมการเปิดก่อนกำหนด`,
            `This quarter opens on ${formatDate(r.opens_on)}, or earlier if the committee secretary opens it`,
          )}
        </Notice>
      )}
      {isAgency && !collecting && (
        <Notice kind="info">
          {tr('รายงานนี้รวบรวมแล้ว จึงแก้ไขผลการดำเนินงานไม่ได้ เว้นแต่คณะกรรมการส่งกลับแก้ไข', 'This report has been compiled; entries can change only if the committee returns it')}
        </Notice>
      )}

      {myStatus && (
        <ConfirmPanel
          reportId={r.id}
          status={myStatus}
          items={r.items}
          isHead={hasRole(user, 'agency_head')}
          collecting={collecting}
          open={r.open}
          onConfirmed={reload}
        />
      )}

      <section class="card" aria-labelledby="agency-status-title">
        <h2 id="agency-status-title">{tr('สถานะการรายงานของหน่วยงาน', 'Reporting by agency')}</h2>
        <StateCounts agencies={r.agencies} />
        <AgencyStatusTable agencies={r.agencies} highlight={myStatus?.agency_id} caption={tr('สถานะการรายงานของหน่วยงาน', 'Reporting by agency')} />
      </section>

      <ReportActions report={r} stages={stages} isSecretary={isSecretary} onChanged={reload} />

      <section class="report-group" aria-labelledby="activities-title">
        <h2 id="activities-title">
          {tr('โครงการ/กิจกรรม', 'Projects and activities')} ({r.items.length})
        </h2>
        {myStatus && (
          <fieldset class="report-filter">
            <legend class="sr-only">{tr('แสดงกิจกรรม', 'Show activities')}</legend>
            <label>
              <input type="radio" name="scope" checked={showMine} onChange={() => setScope('mine')} />
              {tr(`เฉพาะของหน่วยงานท่าน (${myStatus.items})`, `Your agency's only (${myStatus.items})`)}
            </label>
            <label>
              <input type="radio" name="scope" checked={!showMine} onChange={() => setScope('all')} />
              {tr(`ทั้งหมด (${r.items.length})`, `All (${r.items.length})`)}
            </label>
          </fieldset>
        )}
        <ProblemView error={agencies.error} />
        {groups.map((g, gi) => (
          <div key={`${gi}-${g.goal}`}>
            <h3>{g.goal || tr('(ไม่ระบุเป้าหมาย)', '(no goal)')}</h3>
            {g.indicators.map((ind, ii) => (
              <div key={`${ii}-${ind.indicator}`}>
                {ind.indicator && <p class="muted">{ind.indicator}</p>}
                {ind.items.map(({ item, index }) => (
                  <EntryCard
                    key={item.item_id}
                    reportId={r.id}
                    item={item}
                    index={index}
                    agencyName={agencyName(item.agency_id)}
                    mine={!!myStatus && item.agency_id === myStatus.agency_id}
                    editable={editableFor(item)}
                    onSaved={reload}
                  >
                    {isSecretary && collecting && agencies.data && agencies.data.length > 1 && (
                      <ReassignControl planId={r.plan_id} itemId={item.item_id} current={item.agency_id} agencies={agencies.data} onDone={reload} />
                    )}
                  </EntryCard>
                ))}
              </div>
            ))}
          </div>
        ))}
      </section>
    </>
  );
}
