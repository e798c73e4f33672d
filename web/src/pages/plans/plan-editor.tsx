// The content tab: the form editor with live checking and totals while
// typing, saving as the next revision, and a local copy of every unsaved
// change so a failed save or a lapsed session loses nothing.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, api, request } from '../../lib/api';
import { tr } from '../../lib/i18n';
import { dropDraft, keepDraft, loadDraft, type Draft } from '../../lib/drafts';
import { setAt } from '../../lib/pointer';
import { hasRole, session } from '../../lib/session';
import { formatBaht, formatDateTime, formatNumber } from '../../lib/thai';
import { attempted, NO_ATTEMPTS } from '../../lib/attempts';
import { asApiError } from '../../lib/use-async';
import { Notice, ProblemView } from '../../components/ui';
import { ContentEditor } from './content-editor';
import type { DirectoryAgency } from './agency-ref';
import type { Schema } from './schema';
import type { Finding, Plan, Totals } from './types';

const CHECK_DELAY_MS = 600;

export function PlanEditor(props: { plan: Plan; schema: Schema; focus?: string; onSaved: (p: Plan) => void; onComment: (pointer: string) => void }) {
  const { plan } = props;
  const userId = session.value!.user.id;
  const [content, setContent] = useState(plan.content);
  const [dirty, setDirty] = useState(false);
  const [findings, setFindings] = useState<Finding[]>(plan.findings);
  const [totals, setTotals] = useState<Totals>(plan.totals);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [attempts, setAttempts] = useState(NO_ATTEMPTS);
  const [offered, setOffered] = useState<Draft | null>(() => {
    const d = plan.may_edit ? loadDraft(userId, plan.id) : null;
    return d && JSON.stringify(d.content) !== JSON.stringify(plan.content) ? d : null;
  });
  // The province's directory, which agency references in the content link to.
  const [agencies, setAgencies] = useState<DirectoryAgency[]>([]);
  useEffect(() => {
    let live = true;
    api
      .get<{ items: DirectoryAgency[] }>(`/api/v1/agencies?province=${encodeURIComponent(plan.province)}`)
      .then((r) => live && setAgencies(r.items))
      .catch(() => {
        /* without the directory the names stay editable; the server's findings still say what is unlinked */
      });
    return () => {
      live = false;
    };
  }, [plan.province]);
  async function addAgency(name: string): Promise<number> {
    const created = await api.post<DirectoryAgency>('/api/v1/agencies', { province: plan.province, name_th: name });
    setAgencies((list) => [...list, created]);
    return created.id;
  }
  const check = useRef<number | undefined>(undefined);
  // Checks answer in any order; only the answer to the latest one is shown.
  const checks = useRef(0);

  // A new revision from elsewhere (save, action) replaces what is shown unless the person is mid-edit.
  useEffect(() => {
    if (!dirty) {
      setContent(plan.content);
      setFindings(plan.findings);
      setTotals(plan.totals);
    }
  }, [plan.revision, plan.stage]);

  // Arriving from a finding ("go to the field"): open the sections around it and put the caret there.
  useEffect(() => {
    if (props.focus === undefined) return;
    const place = document.querySelector(`[data-pointer="${CSS.escape(props.focus)}"]`);
    if (!place) return;
    for (let d = place.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
    place.scrollIntoView({ block: 'center' });
    (place.querySelector('input, textarea, select, summary') as HTMLElement | null)?.focus();
  }, [props.focus]);

  function change(pointer: string, value: unknown) {
    const next = setAt(content, pointer, value);
    setContent(next);
    setDirty(true);
    setSavedAt(null);
    keepDraft(userId, plan.id, plan.revision, next);
    window.clearTimeout(check.current);
    check.current = window.setTimeout(() => void recheck(next), CHECK_DELAY_MS);
  }

  async function recheck(next: unknown) {
    const mine = ++checks.current;
    try {
      const params = new URLSearchParams({ province: plan.province, fiscal_year: String(plan.fiscal_year) });
      const r = await api.post<{ findings: Finding[]; totals: Totals }>(`/api/v1/plan-types/${plan.plan_type}/validate?${params}`, next);
      if (mine !== checks.current) return;
      setFindings(r.findings);
      setTotals(r.totals ?? null);
    } catch {
      /* checking is a courtesy; saving reports real problems */
    }
  }

  async function save() {
    setSaving(true);
    setSaveError(null);
    keepDraft(userId, plan.id, plan.revision, content);
    try {
      const { data } = await request<Plan>('PUT', `/api/v1/plans/${plan.id}/content`, {
        body: content,
        headers: { 'If-Match': `"${plan.revision}"` },
      });
      dropDraft(userId, plan.id);
      setDirty(false);
      setSavedAt(new Date().toISOString());
      // The saved content's own findings: a check still running for an earlier text is not shown after them.
      checks.current++;
      setFindings(data.findings);
      setTotals(data.totals);
      props.onSaved({ ...plan, ...data });
      setAttempts((a) => attempted(a, { notice: 'saved', text: tr('บันทึกแล้ว', 'Saved') }));
    } catch (e) {
      setSaveError(asApiError(e));
      setAttempts((a) => attempted(a));
    } finally {
      setSaving(false);
    }
  }

  async function loadLatest() {
    const latest = await api.get<Plan>(`/api/v1/plans/${plan.id}`);
    // The local draft stays in storage: the person can compare and re-apply.
    setDirty(false);
    setSaveError(null);
    props.onSaved(latest);
  }

  const errorCount = findings.filter((f) => f.severity === 'error').length;
  const overall = useMemo(() => (totals && typeof totals === 'object' ? (totals.overall as Record<string, number> | undefined) : undefined), [totals]);

  return (
    <section aria-label={tr('เนื้อหาแผน', 'Plan content')} data-attempts={attempts.count}>
      {offered && (
        <Notice kind="warn">
          {tr(`มีการแก้ไขที่ยังไม่ได้บันทึกจากเมื่อ ${formatDateTime(offered.saved_at)}`, `There are unsaved changes from ${formatDateTime(offered.saved_at)}`)}{' '}
          <button type="button" class="button button--small" onClick={() => {
            setContent(offered.content as Record<string, unknown>);
            setDirty(true);
            setOffered(null);
            void recheck(offered.content);
          }}>
            {tr('กู้คืนการแก้ไข', 'Restore them')}
          </button>{' '}
          <button type="button" class="button button--small" onClick={() => {
            dropDraft(userId, plan.id);
            setOffered(null);
          }}>
            {tr('ทิ้ง', 'Discard')}
          </button>
        </Notice>
      )}
      <div class="totals" role="status" aria-live="polite" data-testid="totals" data-errors={errorCount}>
        {overall ? (
          <>
            {overall.budget_baht !== undefined && (
              <span>
                {tr('งบประมาณรวม', 'Total budget')} <strong data-testid="total-budget">{formatBaht(overall.budget_baht)}</strong>
              </span>
            )}
            {Object.entries(overall)
              .filter(([k]) => !k.startsWith('budget') && k !== 'unparsed_budgets')
              .map(([k, v]) => (
                <span key={k}>
                  {totalLabel(k)} <strong>{formatNumber(v)}</strong>
                </span>
              ))}
          </>
        ) : (
          <span>{tr('ยังคำนวณยอดรวมไม่ได้', 'Totals cannot be computed yet')}</span>
        )}
        <span class={errorCount ? 'overdue' : ''}>
          {errorCount ? tr(`ข้อผิดพลาด ${errorCount} รายการ`, `${errorCount} error(s)`) : tr('ไม่พบข้อผิดพลาด', 'No errors')}
        </span>
      </div>
      {plan.may_edit && (
        <div class="save-bar">
          <button type="button" class="button button--primary" disabled={saving || !dirty} onClick={save}>
            {saving ? tr('กำลังบันทึก…', 'Saving…') : tr('บันทึกฉบับแก้ไข', 'Save revision')}
          </button>
          <span class="muted" role="status" data-notice={!dirty && savedAt ? attempts.said?.notice : undefined}
            data-attempt={!dirty && savedAt ? attempts.said?.attempt : undefined}>
            {dirty ? tr('มีการแก้ไขที่ยังไม่ได้บันทึก (เก็บสำรองไว้ในเครื่องแล้ว)', 'Unsaved changes (kept on this computer)') : savedAt ? tr('บันทึกแล้ว', 'Saved') : ''}
          </span>
        </div>
      )}
      <ProblemView error={saveError} attempt={attempts.count} onRetry={saveError?.slug === 'stale-revision' ? undefined : save} />
      {saveError?.slug === 'stale-revision' && (
        <button type="button" class="button" onClick={loadLatest}>
          {tr('โหลดฉบับล่าสุด (การแก้ไขของท่านยังเก็บไว้)', 'Load the latest revision (your changes stay kept)')}
        </button>
      )}
      {!plan.may_edit && <p class="muted">{tr('แผนอยู่ในขั้นตอนที่ท่านแก้ไขไม่ได้ แสดงแบบอ่านอย่างเดียว', 'You cannot edit the plan at this stage; it is shown read-only')}</p>}
      <ContentEditor schema={props.schema} value={content} readOnly={!plan.may_edit} findings={findings} onChange={change} onComment={props.onComment}
        agencies={agencies} addAgency={hasRole(session.value?.user, 'admin') ? addAgency : undefined} />
      {plan.may_edit && dirty && (
        <div class="save-bar save-bar--bottom">
          <button type="button" class="button button--primary" disabled={saving} onClick={save}>
            {saving ? tr('กำลังบันทึก…', 'Saving…') : tr('บันทึกฉบับแก้ไข', 'Save revision')}
          </button>
        </div>
      )}
    </section>
  );
}

function totalLabel(key: string): string {
  const labels: Record<string, [string, string]> = {
    goals: ['เป้าหมาย', 'Goals'],
    indicators: ['ตัวชี้วัด', 'Indicators'],
    projects: ['โครงการ', 'Projects'],
    activities: ['กิจกรรม', 'Activities'],
    strategies: ['ยุทธศาสตร์', 'Strategies'],
  };
  const l = labels[key];
  return l ? tr(l[0], l[1]) : key.replace(/_/g, ' ');
}
