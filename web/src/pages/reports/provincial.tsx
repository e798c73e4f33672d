// The committee's view of a province's quarter: every report's standing by
// agency (with Compile where it is ready), the provincial report the API
// computes, and the same report to download as CSV, Excel or a printable
// page. National observers may leave the province empty for the roll-up.
import { useState } from 'preact/hooks';
import { api, ApiError, download, request } from '../../lib/api';
import { lang, tr } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { hasRole, roleProvinces, session, type User } from '../../lib/session';
import { useSignal } from '../../lib/signal';
import { fiscalYearLabel, fiscalYearOf } from '../../lib/thai';
import { asApiError, useAsync } from '../../lib/use-async';
import { Field, Loading, Notice, PageHeader, ProblemView } from '../../components/ui';
import { provincialFileName, type ReportFormat } from './files';
import { choiceQuery, fiscalYearChoices, readChoice, reportQuery, type ProvincialChoice } from './provincial-query';
import { ProvincialStatus } from './provincial-status';
import { ProvincialTable } from './provincial-table';
import { quarterLabel, quarterOf } from './quarters';
import { useReportStages } from './stages';
import type { ProvincialReport } from './types';
import './reports.css';

interface Province {
  code: string;
  name_th: string;
  name_en: string;
}
interface PlanType {
  id: string;
  name_th: string;
  name_en: string;
}

/** Administrators and observers without a province read every province and the national roll-up (as the API decides). */
function readsNationally(user: User | null | undefined): boolean {
  return !!user && user.roles.some((r) => r.role === 'admin' || (r.role === 'observer' && !r.province));
}

const PROVINCE_ROLES = ['committee_secretary', 'committee_chair', 'committee_member', 'observer'];

export function ProvincialReports(props: { query: URLSearchParams }) {
  const current = useSignal(session);
  const user = current?.user ?? null;
  const national = readsNationally(user);
  const own = roleProvinces(user, ...PROVINCE_ROLES);
  const isSecretary = hasRole(user, 'committee_secretary');
  const stages = useReportStages();
  const provinces = useAsync(() => api.get<{ items: Province[] }>('/api/v1/provinces'), []);
  const types = useAsync(() => api.get<{ items: PlanType[] }>('/api/v1/plan-types'), []);
  const today = new Date();
  const thisYear = fiscalYearOf(today);
  const choice = readChoice(props.query, { province: national ? '' : own[0] ?? '', planType: '', fiscalYear: thisYear, quarter: quarterOf(today).quarter });
  const needsProvince = !national && choice.province === '';
  const report = useAsync<ProvincialReport | null>(
    () => (choice.province || national ? api.get<ProvincialReport>(reportQuery(choice, 'json')) : Promise.resolve(null)),
    [choice.province, choice.planType, choice.fiscalYear, choice.quarter],
  );

  const choose = (patch: Partial<ProvincialChoice>) => navigate(`/provincial?${choiceQuery({ ...choice, ...patch })}`);
  const provinceName = (code: string) => {
    const p = provinces.data?.items.find((x) => x.code === code);
    return p ? (lang() === 'th' ? p.name_th : p.name_en || p.name_th) : code;
  };
  const provinceOptions = national ? (provinces.data?.items.map((p) => p.code) ?? own) : own;

  return (
    <>
      <PageHeader title={tr('รายงานผลการดำเนินงานระดับจังหวัด', 'Provincial progress reports')} />
      <section class="card" aria-labelledby="provincial-choice-title">
        <h2 id="provincial-choice-title" class="sr-only">
          {tr('เลือกรายงาน', 'Choose the report')}
        </h2>
        <div class="provincial-filters">
          <Field id="prov-province" label={tr('จังหวัด', 'Province')}>
            <select id="prov-province" value={choice.province} onChange={(e) => choose({ province: e.currentTarget.value })}>
              {national && <option value="">{tr('ทั่วประเทศ (ภาพรวมรายจังหวัด)', 'Whole country (by province)')}</option>}
              {!national && own.length === 0 && <option value="">{tr('— ไม่มีจังหวัดในบทบาทของท่าน —', '— no province in your roles —')}</option>}
              {provinceOptions.map((code) => (
                <option key={code} value={code}>
                  {provinceName(code)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="prov-type" label={tr('ประเภทแผน', 'Plan type')}>
            <select id="prov-type" value={choice.planType} onChange={(e) => choose({ planType: e.currentTarget.value })}>
              <option value="">{tr('ทุกประเภทแผน', 'Every plan type')}</option>
              {types.data?.items.map((t) => (
                <option key={t.id} value={t.id}>
                  {lang() === 'th' ? t.name_th : t.name_en || t.name_th}
                </option>
              ))}
            </select>
          </Field>
          <Field id="prov-year" label={tr('ปีงบประมาณ (พ.ศ.)', 'Fiscal year (BE)')}>
            <select id="prov-year" value={String(choice.fiscalYear)} onChange={(e) => choose({ fiscalYear: Number(e.currentTarget.value) })}>
              {fiscalYearChoices(thisYear, choice.fiscalYear).map((y) => (
                <option key={y} value={String(y)}>
                  {fiscalYearLabel(y)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="prov-quarter" label={tr('ช่วงเวลา', 'Period')}>
            <select id="prov-quarter" value={String(choice.quarter)} onChange={(e) => choose({ quarter: Number(e.currentTarget.value) })}>
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={String(q)}>
                  {quarterLabel(choice.fiscalYear, q)}
                </option>
              ))}
              <option value="0">{quarterLabel(choice.fiscalYear, 0)}</option>
            </select>
          </Field>
        </div>
        <ProblemView error={provinces.error ?? types.error} />
      </section>

      {needsProvince && (
        <Notice kind="warn">
          {tr('กรุณาเลือกจังหวัด ภาพรวมทั้งประเทศเปิดให้เฉพาะผู้ติดตามระดับประเทศ', 'Choose a province; the national roll-up is for national observers')}
        </Notice>
      )}

      {choice.province !== '' && (
        <section class="card" aria-labelledby="provincial-status-title">
          <h2 id="provincial-status-title">
            {tr('สถานะการรายงานของหน่วยงาน', 'Reporting by agency')} — {provinceName(choice.province)}, {quarterLabel(choice.fiscalYear, choice.quarter)}
          </h2>
          <ProvincialStatus choice={choice} stages={stages} isSecretary={isSecretary} onCompiled={() => void report.reload()} />
        </section>
      )}

      {(choice.province !== '' || national) && (
        <section class="card" aria-labelledby="provincial-report-title" data-fiscal-year={report.data?.fiscal_year} data-quarter={report.data?.quarter}>
          <h2 id="provincial-report-title" class="sr-only">
            {tr('รายงาน', 'The report')}
          </h2>
          <Downloads choice={choice} />
          <ProblemView error={report.error} onRetry={report.reload} />
          {report.loading && !report.data && <Loading />}
          {report.data && <ProvincialTable report={report.data} stages={stages} />}
        </section>
      )}
    </>
  );
}

function Downloads(props: { choice: ProvincialChoice }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [thaiDigits, setThaiDigits] = useState(false);
  const c = props.choice;
  const name = (format: ReportFormat) => provincialFileName({ fiscalYear: c.fiscalYear, quarter: c.quarter, province: c.province }, format);

  async function get(format: ReportFormat) {
    setBusy(format);
    setError(null);
    try {
      await download(reportQuery(c, format, thaiDigits), name(format), { preferName: true });
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  }

  // The window opens on the click itself (so no pop-up blocker stops it) and
  // receives the page once it has been fetched with the session's token.
  async function print() {
    const win = window.open('', '_blank');
    setBusy('print');
    setError(null);
    try {
      const { data } = await request<string>('GET', reportQuery(c, 'html', thaiDigits), { headers: { Accept: 'text/html' } });
      const url = URL.createObjectURL(new Blob([data], { type: 'text/html;charset=utf-8' }));
      if (win) win.location.href = url;
      else window.open(url, '_blank');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      win?.close();
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  }

  const label = (format: string, idle: string) => (busy === format ? tr('กำลังเตรียมไฟล์…', 'Preparing…') : idle);
  return (
    <div class="download-buttons" role="group" aria-label={tr('ดาวน์โหลดรายงาน', 'Download the report')}>
      <button type="button" class="button" disabled={busy !== null} onClick={() => get('csv')}>
        {label('csv', tr('ดาวน์โหลด CSV', 'Download CSV'))}
      </button>
      <button type="button" class="button" disabled={busy !== null} onClick={() => get('xlsx')}>
        {label('xlsx', tr('ดาวน์โหลด Excel (XLSX)', 'Download Excel (XLSX)'))}
      </button>
      <button type="button" class="button" disabled={busy !== null} onClick={() => get('html')}>
        {label('html', tr('ดาวน์โหลดฉบับพิมพ์ (HTML)', 'Download printable (HTML)'))}
      </button>
      <button type="button" class="button" disabled={busy !== null} onClick={print}>
        {label('print', tr('เปิดฉบับพิมพ์', 'Open for printing'))}
      </button>
      <label>
        <input type="checkbox" checked={thaiDigits} onChange={(e) => setThaiDigits(e.currentTarget.checked)} />
        {tr('ใช้เลขไทยในฉบับพิมพ์', 'Thai numerals in the printable page')}
      </label>
      <ProblemView error={error} />
    </div>
  );
}
