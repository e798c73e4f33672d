// Each responsible agency's standing with one report: the secretary's
// checklist before compiling.
import { tr } from '../../lib/i18n';
import type { AgencyStatus } from './types';
import { countStates, progressText, stateBadge } from './status';

export function StateBadge(props: { state: AgencyStatus['state'] }) {
  const b = stateBadge(props.state);
  return <span class={`badge badge--${b.colour}`}>{b.label}</span>;
}

export function StateCounts(props: { agencies: AgencyStatus[] }) {
  const counts = countStates(props.agencies);
  return (
    <div class="state-counts" aria-label={tr('สรุปสถานะหน่วยงาน', 'Agencies by state')}>
      {(['confirmed', 'submitted', 'late', 'missing'] as const)
        .filter((s) => counts[s] > 0)
        .map((s) => (
          <span key={s} class={`badge badge--${stateBadge(s).colour}`}>
            {stateBadge(s).label} {counts[s]}
          </span>
        ))}
    </div>
  );
}

export function AgencyStatusTable(props: { agencies: AgencyStatus[]; caption?: string; highlight?: number | null }) {
  if (props.agencies.length === 0) {
    return <p class="empty">{tr('ยังไม่มีหน่วยงานรับผิดชอบกิจกรรม', 'No agency is responsible for any activity')}</p>;
  }
  return (
    <div class="table-wrap">
      <table>
        {props.caption && <caption class="sr-only">{props.caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{tr('หน่วยงาน', 'Agency')}</th>
            <th scope="col">{tr('สถานะ', 'State')}</th>
            <th scope="col" class="number">{tr('กิจกรรม', 'Activities')}</th>
            <th scope="col" class="number">{tr('กรอกแล้ว', 'Entered')}</th>
            <th scope="col" class="number">{tr('ยืนยันแล้ว', 'Confirmed')}</th>
          </tr>
        </thead>
        <tbody>
          {props.agencies.map((a) => (
            <tr key={a.agency_id} data-agency={a.agency_id} data-state={a.state} aria-current={a.agency_id === props.highlight ? 'true' : undefined}>
              <th scope="row">{a.agency}</th>
              <td class="state-cell" title={progressText(a)}>
                <StateBadge state={a.state} />
              </td>
              <td class="number">{a.items}</td>
              <td class="number">{a.entered}</td>
              <td class="number">{a.confirmed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
