// Starting a plan: from a plan type's empty template, or by importing the
// document an agency already has (pasted or uploaded), after seeing what the
// importer read and what it flagged.
import { useState } from 'preact/hooks';
import { ApiError, api, request } from '../../lib/api';
import { tr } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { session } from '../../lib/session';
import { fiscalYearOf, formatBaht, parseNumber } from '../../lib/thai';
import { asApiError, useAsync } from '../../lib/use-async';
import { Field, Loading, PageHeader, ProblemView } from '../../components/ui';
import { FindingList } from './content-editor';
import { describePointer } from './place';
import type { Schema } from './schema';
import type { Finding, PlanType, Totals } from './types';
import { decodeDocument } from '../../lib/document-text';

interface ImportResult {
  plan_type: string;
  plan: Record<string, unknown>;
  totals: Totals;
  findings: Finding[];
  detected: { title?: string; province?: string; fiscal_year?: number };
  plan_id?: number;
}

export function NewPlan() {
  const [mode, setMode] = useState<'import' | 'template'>('import');
  const types = useAsync(() => api.get<{ items: PlanType[] }>('/api/v1/plan-types'), []);
  return (
    <>
      <PageHeader title={tr('จัดทำแผนใหม่', 'New plan')} />
      <div class="tabs" role="tablist">
        <a href="#/plans/new" role="tab" aria-selected={mode === 'import'} aria-current={mode === 'import' ? 'page' : undefined}
          onClick={(e) => { e.preventDefault(); setMode('import'); }}>
          {tr('นำเข้าจากเอกสาร', 'Import a document')}
        </a>
        <a href="#/plans/new" role="tab" aria-selected={mode === 'template'} aria-current={mode === 'template' ? 'page' : undefined}
          onClick={(e) => { e.preventDefault(); setMode('template'); }}>
          {tr('เริ่มจากแบบฟอร์มว่าง', 'Start from an empty form')}
        </a>
      </div>
      <ProblemView error={types.error} onRetry={types.reload} />
      {!types.data ? <Loading /> : mode === 'import' ? <ImportForm types={types.data.items} /> : <TemplateForm types={types.data.items} />}
    </>
  );
}

function TypeSelect(props: { id: string; types: PlanType[]; value: string; onChange: (v: string) => void; allowDetect?: boolean }) {
  return (
    <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
      {props.allowDetect && <option value="">{tr('ให้ระบบตรวจหาเอง', 'Detect it for me')}</option>}
      {props.types.map((t) => (
        <option key={t.id} value={t.id}>
          {tr(t.name_th, t.name_en || t.name_th)}
        </option>
      ))}
    </select>
  );
}

function TemplateForm(props: { types: PlanType[] }) {
  const user = session.value!.user;
  const [type, setType] = useState(props.types[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [year, setYear] = useState(String(fiscalYearOf(new Date()) + 1));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const agency = useAsync(
    () => (user.agency_id ? api.get<{ id: number; province: string; name_th: string }>(`/api/v1/agencies/${user.agency_id}`) : Promise.resolve(null)),
    [user.agency_id],
  );

  async function create(e: Event) {
    e.preventDefault();
    const fy = parseNumber(year);
    if (!agency.data) return;
    setBusy(true);
    setError(null);
    try {
      const plan = await api.post<{ id: number }>('/api/v1/plans', {
        plan_type: type, title: title.trim(), province: agency.data.province, agency: agency.data.id,
        fiscal_year: fy.ok && fy.value !== null ? fy.value : 0,
      });
      navigate(`/plans/${plan.id}`);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  if (!user.agency_id) return <p>{tr('บัญชีของท่านไม่ได้สังกัดหน่วยงาน จึงจัดทำแผนไม่ได้', 'Your account belongs to no agency, so it cannot start plans')}</p>;
  const fieldError = (p: string) => error?.messageAt(p) ?? null;
  return (
    <form class="form card" onSubmit={create}>
      <ProblemView error={error} />
      <Field id="new-type" label={tr('ประเภทแผน', 'Plan type')} error={fieldError('/plan_type')}>
        <TypeSelect id="new-type" types={props.types} value={type} onChange={setType} />
      </Field>
      <Field id="new-title" label={tr('ชื่อแผน', 'Title')} error={fieldError('/title')}>
        <input id="new-title" required value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </Field>
      <Field id="new-year" label={tr('ปีงบประมาณ (พ.ศ.)', 'Fiscal year (BE)')} hint={tr('เช่น ๒๕๖๘ หรือ 2568', 'e.g. 2568')} error={fieldError('/fiscal_year')}>
        <input id="new-year" inputMode="numeric" required value={year} onInput={(e) => setYear(e.currentTarget.value)} />
      </Field>
      <p class="muted">
        {tr('หน่วยงาน', 'Agency')}: {agency.data?.name_th ?? '…'}
      </p>
      <div class="form-actions">
        <button type="submit" class="button button--primary" disabled={busy || !agency.data}>
          {busy ? tr('กำลังสร้าง…', 'Creating…') : tr('สร้างฉบับร่าง', 'Create the draft')}
        </button>
      </div>
    </form>
  );
}

function ImportForm(props: { types: PlanType[] }) {
  const [text, setText] = useState('');
  const [type, setType] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'' | 'reading' | 'creating'>('');
  const schema = useAsync(
    () => (result ? api.get<{ content_schema?: Schema; schema?: Schema }>(`/api/v1/plan-types/${result.plan_type}`) : Promise.resolve(null)),
    [result?.plan_type],
  );

  async function run(createDraft: boolean) {
    setBusy(createDraft ? 'creating' : 'reading');
    setError(null);
    try {
      const params = new URLSearchParams();
      if (type) params.set('plan_type', type);
      if (createDraft) params.set('create_draft', 'true');
      const { data } = await request<ImportResult>('POST', `/api/v1/imports?${params}`, { text });
      if (createDraft && data.plan_id) navigate(`/plans/${data.plan_id}`);
      else setResult(data);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy('');
    }
  }

  async function upload(file: File | undefined) {
    if (!file) return;
    setText(decodeDocument(new Uint8Array(await file.arrayBuffer())).text);
    setResult(null);
  }

  const contentSchema = schema.data?.content_schema ?? schema.data?.schema ?? {};
  const errors = result?.findings.filter((f) => f.severity === 'error').length ?? 0;
  return (
    <div class="grid-2">
      <form class="form card form--wide" onSubmit={(e) => { e.preventDefault(); void run(false); }}>
        <Field id="import-file" label={tr('ไฟล์เอกสาร (.txt ที่ส่งออกจากเอกสารต้นฉบับ)', 'Document file (.txt exported from the original)')}>
          <input id="import-file" type="file" accept=".txt,text/plain" onChange={(e) => upload(e.currentTarget.files?.[0])} />
        </Field>
        <Field id="import-text" label={tr('หรือวางข้อความของเอกสาร', 'Or paste the document text')}>
          <textarea id="import-text" rows={12} value={text} onInput={(e) => { setText(e.currentTarget.value); setResult(null); }} />
        </Field>
        <Field id="import-type" label={tr('ประเภทแผน', 'Plan type')}>
          <TypeSelect id="import-type" types={props.types} value={type} onChange={setType} allowDetect />
        </Field>
        <ProblemView error={error} />
        <div class="form-actions">
          <button type="submit" class="button" disabled={!text.trim() || busy !== ''}>
            {busy === 'reading' ? tr('กำลังอ่านเอกสาร…', 'Reading…') : tr('อ่านและตรวจสอบ', 'Read and check')}
          </button>
          <button type="button" class="button button--primary" disabled={!result || busy !== ''} onClick={() => run(true)}>
            {busy === 'creating' ? tr('กำลังสร้าง…', 'Creating…') : tr('สร้างฉบับร่างจากเอกสารนี้', 'Create a draft from this document')}
          </button>
        </div>
      </form>
      <section class="card" aria-live="polite" aria-label={tr('ผลการอ่านเอกสาร', 'What was read')}>
        {!result ? (
          <p class="muted">{tr('เลือกไฟล์หรือวางข้อความ แล้วกด "อ่านและตรวจสอบ" เพื่อดูสิ่งที่ระบบอ่านได้ก่อนสร้างฉบับร่าง', 'Choose a file or paste the text, then "Read and check" to see what was read before creating a draft')}</p>
        ) : (
          <>
            <h2>{tr('ระบบอ่านได้ดังนี้', 'What was read')}</h2>
            <dl class="facts">
              <dt>{tr('ประเภทแผน', 'Plan type')}</dt>
              <dd>{props.types.find((t) => t.id === result.plan_type)?.name_th ?? result.plan_type}</dd>
              <dt>{tr('ชื่อแผน', 'Title')}</dt>
              <dd>{result.detected.title}</dd>
              <dt>{tr('ปีงบประมาณ', 'Fiscal year')}</dt>
              <dd>{result.detected.fiscal_year ? `พ.ศ. ${result.detected.fiscal_year}` : '–'}</dd>
              {result.totals?.overall && (
                <>
                  <dt>{tr('งบประมาณรวม', 'Total budget')}</dt>
                  <dd data-testid="import-budget">{formatBaht(result.totals.overall.budget_baht)}</dd>
                  <dt>{tr('จำนวนกิจกรรม', 'Activities')}</dt>
                  <dd>{result.totals.overall.activities ?? result.totals.overall.projects}</dd>
                </>
              )}
            </dl>
            <h3>
              {tr('ข้อค้นพบ', 'Findings')} ({result.findings.length}
              {errors > 0 ? tr(`, ข้อผิดพลาด ${errors}`, `, ${errors} error(s)`) : ''})
            </h3>
            <p class="muted">{tr('ข้อผิดพลาดจะแสดงที่ช่องที่เกี่ยวข้องในแบบฟอร์มหลังสร้างฉบับร่าง แก้ไขได้ก่อนส่ง', 'After the draft is created each finding is shown at its field, to fix before submitting')}</p>
            <ul class="finding-places">
              {result.findings.map((f, i) => (
                <li key={i}>
                  <span class="finding-place">{describePointer(contentSchema, result.plan, f.path)}</span>
                  <FindingList findings={[f]} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
