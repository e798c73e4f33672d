// The provincial report (or the national roll-up) as the API computes it:
// every activity with its agency, status, progress and money, with totals
// that match the CSV and workbook the secretary downloads.
import { tr } from '../../lib/i18n';
import { formatBaht, formatDateTime, formatNumber } from '../../lib/thai';
import { StageBadge } from '../../components/ui';
import { stageOf, type StageInfo } from './stages';
import { entryStatusColour, entryStatusLabel } from './status';
import type { ProvincialReport, ReportTotals } from './types';

/** Baht in a column headed "(บาท)": the unit once, in the heading. */
function money(value: number | null): string {
  return value === null ? '–' : formatNumber(value, Number.isInteger(value) ? 0 : 2);
}

function percent(value: number | null): string {
  return value === null ? '–' : `${formatNumber(value, 2)}%`;
}

function TotalsSummary(props: { totals: ReportTotals }) {
  const t = props.totals;
  return (
    <dl class="report-meta" data-testid="report-totals">
      <div>
        <dt>{tr('โครงการ/กิจกรรม', 'Activities')}</dt>
        <dd>{formatNumber(t.activities)}</dd>
      </div>
      <div>
        <dt>{tr('ดำเนินการแล้ว / ระหว่างดำเนินการ', 'Done / in progress')}</dt>
        <dd>
          {formatNumber(t.done)} / {formatNumber(t.in_progress)}
        </dd>
      </div>
      <div>
        <dt>{tr('ยังไม่ดำเนินการ / ยกเลิก / ไม่ได้รายงาน', 'Not started / cancelled / not reported')}</dt>
        <dd>
          {formatNumber(t.not_started)} / {formatNumber(t.cancelled)} / {formatNumber(t.missing)}
        </dd>
      </div>
      <div>
        <dt>{tr('งบประมาณที่ได้รับ', 'Budget')}</dt>
        <dd>{formatBaht(t.planned_baht)}</dd>
      </div>
      <div>
        <dt>{tr('เบิกจ่าย', 'Disbursed')}</dt>
        <dd data-testid="total-disbursed">
          {formatBaht(t.disbursed_baht)} ({percent(t.disbursed_percent)})
        </dd>
      </div>
    </dl>
  );
}

function TotalsCells(props: { label: string; totals: ReportTotals; lead: number }) {
  const t = props.totals;
  return (
    <tr class="totals-row">
      <td colSpan={props.lead}>{props.label}</td>
      <td class="number">{money(t.planned_baht)}</td>
      <td class="number">{money(t.disbursed_baht)}</td>
      <td class="number">{percent(t.disbursed_percent)}</td>
      <td />
    </tr>
  );
}

export function ProvincialTable(props: { report: ProvincialReport; stages: Record<string, StageInfo> }) {
  const rep = props.report;
  const national = rep.provinces.length > 0 || (!rep.province_code && rep.plans.length === 0);

  return (
    <>
      <h2>{rep.title}</h2>
      <p class="muted small">{tr(`จัดทำเมื่อ ${formatDateTime(rep.generated_at)}`, `Generated ${formatDateTime(rep.generated_at)}`)}</p>
      <TotalsSummary totals={rep.totals} />

      {national ? (
        <div class="table-wrap">
          <table data-testid="national-table">
            <thead>
              <tr>
                <th scope="col">{tr('จังหวัด', 'Province')}</th>
                <th scope="col" class="number">{tr('แผน', 'Plans')}</th>
                <th scope="col" class="number">{tr('กิจกรรม', 'Activities')}</th>
                <th scope="col" class="number">{tr('ดำเนินการแล้ว', 'Done')}</th>
                <th scope="col" class="number">{tr('ไม่ได้รายงาน', 'Not reported')}</th>
                <th scope="col" class="number">{tr('งบประมาณ (บาท)', 'Budget (baht)')}</th>
                <th scope="col" class="number">{tr('เบิกจ่าย (บาท)', 'Disbursed (baht)')}</th>
                <th scope="col" class="number">{tr('ร้อยละ', '%')}</th>
                <th scope="col" class="number">{tr('หน่วยงานล่าช้า', 'Late agencies')}</th>
              </tr>
            </thead>
            <tbody>
              {rep.provinces.map((p) => (
                <tr key={p.province_code}>
                  <th scope="row">{p.province_name_th || p.province_code}</th>
                  <td class="number">{formatNumber(p.plans)}</td>
                  <td class="number">{formatNumber(p.totals.activities)}</td>
                  <td class="number">{formatNumber(p.totals.done)}</td>
                  <td class="number">{formatNumber(p.totals.missing)}</td>
                  <td class="number">{money(p.totals.planned_baht)}</td>
                  <td class="number">{money(p.totals.disbursed_baht)}</td>
                  <td class="number">{percent(p.totals.disbursed_percent)}</td>
                  <td class="number">{formatNumber(p.late_agencies)}</td>
                </tr>
              ))}
              <tr class="totals-row">
                <td>{tr('รวม', 'Total')}</td>
                <td class="number">{formatNumber(rep.provinces.reduce((n, p) => n + p.plans, 0))}</td>
                <td class="number">{formatNumber(rep.totals.activities)}</td>
                <td class="number">{formatNumber(rep.totals.done)}</td>
                <td class="number">{formatNumber(rep.totals.missing)}</td>
                <td class="number">{money(rep.totals.planned_baht)}</td>
                <td class="number">{money(rep.totals.disbursed_baht)}</td>
                <td class="number">{percent(rep.totals.disbursed_percent)}</td>
                <td class="number">{formatNumber(rep.provinces.reduce((n, p) => n + p.late_agencies, 0))}</td>
              </tr>
            </tbody>
          </table>
        </div>
      ) : (
        rep.plans.map((plan) => {
          const stage = stageOf(props.stages, plan.report_stage);
          return (
            <section key={plan.plan_id} class="report-group" aria-labelledby={`rp-${plan.plan_id}`}>
              <h3 id={`rp-${plan.plan_id}`}>{plan.title}</h3>
              <p class="muted small">
                {plan.agency}
                {plan.report_stage && (
                  <>
                    {' · '}
                    <StageBadge kind={stage.kind} title={stage.title} />
                  </>
                )}
                {plan.late_agencies.length > 0 && (
                  <>
                    {' · '}
                    <span class="badge badge--red">{tr('ล่าช้า', 'Late')}</span> {plan.late_agencies.join(', ')}
                  </>
                )}
              </p>
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col" class="col-activity">{tr('โครงการ/กิจกรรม', 'Activity')}</th>
                      <th scope="col">{tr('หน่วยงาน', 'Agency')}</th>
                      <th scope="col">{tr('สถานะ', 'Status')}</th>
                      <th scope="col" class="number">{tr('ความก้าวหน้า', 'Progress')}</th>
                      <th scope="col" class="number">{tr('งบประมาณ (บาท)', 'Budget (baht)')}</th>
                      <th scope="col" class="number">{tr('เบิกจ่าย (บาท)', 'Disbursed (baht)')}</th>
                      <th scope="col" class="number">{tr('ร้อยละเบิกจ่าย', '% disbursed')}</th>
                      <th scope="col">{tr('ผลที่ได้ / เป้าหมาย', 'Result / target')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {plan.goals.flatMap((g, gi) => [
                      <tr key={`g${gi}`}>
                        <th scope="colgroup" colSpan={8}>
                          {g.goal}
                        </th>
                      </tr>,
                      ...g.indicators.flatMap((ind, ii) => [
                        <tr key={`g${gi}i${ii}`}>
                          <td colSpan={8} class="muted small">
                            {ind.indicator}
                          </td>
                        </tr>,
                        ...ind.activities.map((a) => (
                          <tr key={a.item_id} data-item={a.item_id}>
                            <td>{a.title}</td>
                            <td class="small">{a.agency}</td>
                            <td class="state-cell">
                              <span class={`badge badge--${entryStatusColour(a.status)}`}>{entryStatusLabel(a.status)}</span>
                              {a.late && <span class="badge badge--red">{tr('ล่าช้า', 'Late')}</span>}
                            </td>
                            <td class="number">{a.percent_complete === null ? '–' : `${formatNumber(a.percent_complete)}%`}</td>
                            <td class="number">{money(a.planned_baht)}</td>
                            <td class="number">{money(a.disbursed_baht)}</td>
                            <td class="number">{percent(a.disbursed_percent)}</td>
                            <td class="small">
                              {a.target_value !== null
                                ? `${a.result_value === null ? '–' : formatNumber(a.result_value)} / ${formatNumber(a.target_value)} ${a.unit}`
                                : a.result_value !== null
                                  ? `${formatNumber(a.result_value)} ${a.unit}`
                                  : ''}
                            </td>
                          </tr>
                        )),
                      ]),
                    ])}
                    <TotalsCells label={tr('รวมทั้งแผน', 'Plan total')} totals={plan.totals} lead={4} />
                  </tbody>
                </table>
              </div>
            </section>
          );
        })
      )}
      {!national && rep.plans.length > 1 && (
        <div class="table-wrap">
          <table>
            <tbody>
              <TotalsCells label={tr('รวมทั้งจังหวัด', 'Province total')} totals={rep.totals} lead={4} />
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
