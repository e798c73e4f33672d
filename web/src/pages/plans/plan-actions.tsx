// The workflow actions the signed-in person can take on a plan, and why an
// action is not available yet, in words; comments when the step needs one;
// a confirmation before signing.
import { useState } from 'preact/hooks';
import { ApiError, request } from '../../lib/api';
import { localized, tr } from '../../lib/i18n';
import { messageText, reasonText } from '../../lib/messages';
import { attempted, NO_ATTEMPTS } from '../../lib/attempts';
import { asApiError } from '../../lib/use-async';
import { Field, Notice, ProblemView } from '../../components/ui';
import type { AvailableAction, Guard, Plan } from './types';

/** getRandomValues works on plain-HTTP intranets too, where randomUUID does not. */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function guardText(g: Guard): string {
  switch (g.type) {
    case 'valid_content': {
      const n = g.params?.count as number | undefined;
      return g.met ? tr('เนื้อหาไม่มีข้อผิดพลาด', 'The content has no errors')
        : tr(`ต้องแก้ไขข้อผิดพลาดในเนื้อหาก่อน${n ? ` (${n} รายการ)` : ''}`, `Fix the content's errors first${n ? ` (${n})` : ''}`);
    }
    case 'quorum': {
      const q = g as Guard & { signed?: number; members?: number; needed?: number };
      return tr(`ลงนามแล้ว ${q.signed ?? '?'} จาก ${q.members ?? '?'} คน ต้องการ ${q.needed ?? '?'} คน`,
        `${q.signed ?? '?'} of ${q.members ?? '?'} have signed; ${q.needed ?? '?'} needed`);
    }
    case 'all_progress_confirmed':
      return g.met ? tr('รายงานผลครบทุกไตรมาสแล้ว', 'Every quarter is reported') : tr('ยังรายงานผลรายไตรมาสไม่ครบ', 'Quarterly reporting is not complete');
    default:
      return messageText(g.code, g.params ?? {}) ?? g.reason ?? g.type;
  }
}

function blockedText(a: AvailableAction): string[] {
  const out: string[] = [];
  // An unmet guard is in both lists; it is worded once, from the guard.
  for (const reason of a.blocked ?? []) {
    if (!a.guards.some((g) => !g.met && g.code === reason.code)) out.push(reasonText(reason));
  }
  for (const g of a.guards) if (!g.met) out.push(guardText(g));
  return [...new Set(out)];
}

export function PlanActions(props: { plan: Plan; onDone: () => Promise<void> }) {
  const [chosen, setChosen] = useState<AvailableAction | null>(null);
  const [attempts, setAttempts] = useState(NO_ATTEMPTS);
  const actions = props.plan.available_actions;
  const done = attempts.said;
  if (actions.length === 0 && !done) return null;
  return (
    <section class="actions card" aria-label={tr('การดำเนินการ', 'Actions')} data-attempts={attempts.count}>
      {done && <Notice kind="ok" said={done}>{done.text}</Notice>}
      <div class="form-actions">
        {actions.map((a) => (
          <button key={a.action} type="button" data-action={a.action}
            class={`button${a.action === 'return' || a.action === 'request_changes' ? '' : ' button--primary'}`}
            disabled={!a.enabled} onClick={() => setChosen(a)}>
            {localized(a.title)}
          </button>
        ))}
      </div>
      {actions.filter((a) => !a.enabled).map((a) => (
        <p key={a.action} class="muted blocked" data-blocked={a.action}>
          {localized(a.title)}: {blockedText(a).join(' · ')}
        </p>
      ))}
      {actions.filter((a) => a.enabled).flatMap((a) => a.guards.filter((g) => g.type === 'quorum')).map((g, i) => (
        <p key={i} class="muted">{guardText(g)}</p>
      ))}
      {chosen && (
        <ActionDialog plan={props.plan} action={chosen} attempt={attempts.count} onClose={() => setChosen(null)}
          onFailed={() => setAttempts((a) => attempted(a))}
          onDone={async (outcome) => {
            // "Done" is said once the page shows the plan as it now stands (its new stage), not before.
            await props.onDone();
            setChosen(null);
            setAttempts((a) => attempted(a, outcome));
          }} />
      )}
    </section>
  );
}

function ActionDialog(props: {
  plan: Plan;
  action: AvailableAction;
  /** The attempts finished so far; a problem shown answers the last of them. */
  attempt: number;
  onClose: () => void;
  onFailed: () => void;
  onDone: (outcome: { notice: 'moved' | 'signed'; text: string }) => Promise<void>;
}) {
  const { action, plan } = props;
  const [comment, setComment] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per dialog: pressing again after a timeout repeats, it does not act twice.
  const [key] = useState(randomKey);

  async function go(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    let data: { moved: boolean; to: string };
    try {
      ({ data } = await request<{ moved: boolean; to: string }>('POST', `/api/v1/plans/${plan.id}/actions/${action.action}`, {
        body: comment.trim() ? { comment: comment.trim() } : {},
        headers: { 'Idempotency-Key': key },
      }));
    } catch (err) {
      setError(asApiError(err));
      props.onFailed();
      setBusy(false);
      return;
    }
    await props.onDone(
      data.moved
        ? { notice: 'moved', text: tr(`ดำเนินการ "${localized(action.title)}" แล้ว`, `"${localized(action.title)}" done`) }
        : { notice: 'signed', text: tr('บันทึกการลงนามของท่านแล้ว รอกรรมการท่านอื่นให้ครบองค์ประชุม', 'Your signature is recorded; waiting for the quorum') },
    );
  }

  return (
    <div class="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && props.onClose()}>
      <div class="modal" role="dialog" aria-modal="true" aria-labelledby="action-title">
      <form class="form" onSubmit={go}>
        <h2 id="action-title">{localized(action.title)}</h2>
        <p>{plan.title}</p>
        {action.signature && (
          <Notice kind="info">
            {tr(`การลงนามนี้ผูกกับเนื้อหาฉบับแก้ไขที่ ${plan.revision} (รหัสตรวจสอบ ${plan.content_sha256.slice(0, 12)}…)`,
              `This signature binds revision ${plan.revision} (checksum ${plan.content_sha256.slice(0, 12)}…)`)}
          </Notice>
        )}
        <Field id="action-comment" label={action.comment_required ? tr('ความเห็น (ต้องระบุ)', 'Comment (required)') : tr('ความเห็น (ถ้ามี)', 'Comment (optional)')}
          error={error?.messageAt('/comment') ?? null}>
          <textarea id="action-comment" rows={4} required={action.comment_required} value={comment}
            onInput={(e) => setComment(e.currentTarget.value)} autoFocus />
        </Field>
        <ProblemView error={error} attempt={props.attempt} />
        <div class="form-actions">
          <button type="submit" class="button button--primary" disabled={busy || (action.comment_required && !comment.trim())}>
            {busy ? tr('กำลังดำเนินการ…', 'Working…') : tr(`ยืนยัน${localized(action.title)}`, `Confirm: ${localized(action.title)}`)}
          </button>
          <button type="button" class="button" onClick={props.onClose}>
            {tr('ยกเลิก', 'Cancel')}
          </button>
        </div>
      </form>
      </div>
    </div>
  );
}
