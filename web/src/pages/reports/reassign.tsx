// The committee secretary hands an activity to the agency that really does
// it (the plan names agencies in free text; unmatched ones fall to the
// plan's own agency).
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../lib/api';
import { tr } from '../../lib/i18n';
import { asApiError } from '../../lib/use-async';
import { ProblemView } from '../../components/ui';

export interface AgencyOption {
  id: number;
  name_th: string;
}

export function ReassignControl(props: { planId: number; itemId: string; current: number; agencies: AgencyOption[]; onDone: () => void }) {
  const [choice, setChoice] = useState(String(props.current));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const id = `reassign-${props.itemId.replace(/[^A-Za-z0-9_-]/g, '_')}`;

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.put(`/api/v1/plans/${props.planId}/report-items/${encodeURIComponent(props.itemId)}/agency`, { agency: Number(choice) });
      props.onDone();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="reassign" onSubmit={submit}>
      <label for={id}>{tr('หน่วยงานที่รายงาน', 'Reporting agency')}</label>
      <select id={id} value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
        {props.agencies.map((a) => (
          <option key={a.id} value={String(a.id)}>
            {a.name_th}
          </option>
        ))}
      </select>
      <button type="submit" class="button button--small" disabled={busy || choice === String(props.current)}>
        {busy ? tr('กำลังเปลี่ยน…', 'Changing…') : tr('เปลี่ยนหน่วยงาน', 'Reassign')}
      </button>
      <ProblemView error={error} />
    </form>
  );
}
